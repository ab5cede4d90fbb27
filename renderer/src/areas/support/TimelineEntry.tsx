import { Accordion, Badge, Code, Group, Stack, Text } from '@mantine/core';
import type { ExchangeView } from '../../../../shared/contract/client-schemas';
import { ExchangeDetails, statusColor } from '../../components/ExchangeDetails';

/** `/oauth/token` of `http://127.0.0.1:4781/oauth/token?…`: what fits on one line. */
function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return url;
  }
}

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString();
}

function statusText(exchange: ExchangeView): string {
  return exchange.response === undefined ? 'no response' : String(exchange.response.status);
}

/** One exchange of the timeline: a line that opens onto its request, response and curl. */
export function TimelineEntry({ exchange, open }: { readonly exchange: ExchangeView; readonly open: boolean }) {
  const summary = `${exchange.request.method} ${pathOf(exchange.request.url)}, ${statusText(exchange)}, ${exchange.purpose}`;
  return (
    <Accordion.Item value={exchange.id} data-exchange-id={exchange.id}>
      <Accordion.Control aria-label={summary}>
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Text size="xs" c="dimmed" w={72} style={{ flexShrink: 0 }}>
            {timeOf(exchange.startedAt)}
          </Text>
          <Badge color={statusColor(exchange.response?.status)} variant="light" w={96} style={{ flexShrink: 0 }}>
            {statusText(exchange)}
          </Badge>
          <Code style={{ flexShrink: 0 }}>{exchange.request.method}</Code>
          <Stack gap={0} miw={0}>
            <Text size="sm" truncate="end">
              {exchange.purpose}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {pathOf(exchange.request.url)} · {Math.round(exchange.durationMs)} ms
            </Text>
          </Stack>
        </Group>
      </Accordion.Control>
      {/* Only the opened exchanges render their details: a diagnostics run records dozens. */}
      <Accordion.Panel>{open ? <ExchangeDetails exchange={exchange} /> : null}</Accordion.Panel>
    </Accordion.Item>
  );
}
