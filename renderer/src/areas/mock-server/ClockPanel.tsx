import { Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { MockStatus } from '../../../../shared/contract/mock-schemas';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';
import { CLOCK_PRESETS, CUSTOM_UNITS, describeOffset, formatClockTime, MAX_MOVE_SECONDS, mockTimeMs, type CustomUnit } from './mock-clock';
import { useNow } from './use-now';

type Clock = NonNullable<MockStatus['clock']>;

const UNIT_OPTIONS = (Object.keys(CUSTOM_UNITS) as CustomUnit[]).map((unit) => ({ value: unit, label: unit }));

/** The mock's clock: its time and offset, live; move it forward, or back to now. */
export function ClockPanel({ clock: statusClock }: { readonly clock: Clock | undefined }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const now = useNow();
  const [clock, setClock] = useState<Clock | undefined>(statusClock);
  const [pending, setPending] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | string>(2);
  const [unit, setUnit] = useState<CustomUnit>('hours');
  useEffect(() => setClock(statusClock), [statusClock]);

  const offset = clock?.offsetSeconds ?? 0;
  const customSeconds = typeof amount === 'number' ? amount * CUSTOM_UNITS[unit] : Number.NaN;
  const customError = amount === '' ? undefined : !Number.isInteger(amount) || customSeconds < 1 || offset + customSeconds > MAX_MOVE_SECONDS ? 'A whole number, at most ten years ahead in all' : undefined;

  const move = async (key: string, work: () => Promise<Clock>, context: string) => {
    setPending(key);
    try {
      setClock(await work());
    } catch (error) {
      notifyError(error, context);
    } finally {
      setPending(null);
    }
  };
  const advance = (key: string, seconds: number) => move(key, () => client.mock.advanceClock({ seconds }), 'moving the mock clock');

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            Mock time
          </Text>
          <Text fz="xl" fw={600} ff="monospace" data-testid="mock-time">
            {formatClockTime(mockTimeMs(now, offset))}
          </Text>
          <Badge mt={6} variant="light" color={offset === 0 ? 'teal' : 'orange'} data-testid="clock-offset">
            {describeOffset(offset)}
          </Badge>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            Real time
          </Text>
          <Text fz="xl" fw={600} ff="monospace">
            {formatClockTime(now)}
          </Text>
          <Text size="xs" c="dimmed" mt={6}>
            Every expiry the mock checks reads its clock: tokens, authorization codes, client certificates.
          </Text>
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md" component="section" aria-labelledby="clock-move-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="clock-move-title">
            Move the clock forward
          </Title>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            {CLOCK_PRESETS.map((preset) => (
              <Stack key={preset.label} gap={4}>
                <Button variant="light" loading={pending === preset.label} disabled={clock === undefined || (pending !== null && pending !== preset.label)} onClick={() => void advance(preset.label, preset.seconds)}>
                  {preset.label}
                </Button>
                <Text size="xs" c="dimmed">
                  {preset.purpose}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
          <Group gap="xs" align="flex-start" wrap="wrap" component="form" onSubmit={(event) => (event.preventDefault(), customError === undefined && amount !== '' && void advance('custom', customSeconds))}>
            <NumberInput label="Amount" min={1} allowDecimal={false} allowNegative={false} value={amount} onChange={setAmount} error={customError} w={140} />
            <Select label="Unit" data={UNIT_OPTIONS} value={unit} onChange={(value) => setUnit((value as CustomUnit | null) ?? 'hours')} allowDeselect={false} w={140} />
            <Button type="submit" mt={25} loading={pending === 'custom'} disabled={clock === undefined || amount === '' || customError !== undefined || (pending !== null && pending !== 'custom')}>
              Move forward
            </Button>
          </Group>
          <Group gap="sm">
            <Button color="teal" variant="outline" loading={pending === 'reset'} disabled={offset === 0 || (pending !== null && pending !== 'reset')} onClick={() => void move('reset', () => client.mock.resetClock({}), 'putting the mock clock back')}>
              Back to now
            </Button>
            <Text size="xs" c="dimmed">
              The Lab&apos;s own clock and your computer&apos;s never move; only what the mock decides.
            </Text>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
