import { Badge, Button, Code, EmptyState, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useNotifyContractError, useWorkbench } from '../../stores/lab-stores';
import { coverageOf } from './coverage';
import { CoverageBadge, MethodBadge } from './EndpointBadges';
import { catalogueEntry, type CatalogueEntry } from './endpoint-groups';
import { useExplorer } from './explorer-store';
import { firstCallFor } from './first-call';
import { checkDraft, type DraftProblems } from './request-draft';
import { RequestEditor } from './RequestEditor';
import { ResponseView } from './ResponseView';
import { SendBar } from './SendBar';

/** The article's Documentation column: a title, or nothing ("N/A", blank). */
function documentationLine(endpoint: CatalogueEntry): string {
  const title = endpoint.documentation.trim();
  return title === '' || title === 'N/A' ? "Totango's article names no documentation page for it." : `Totango documentation: ${title}`;
}

/** The first problem of a draft, in a few words, for the Send button's explanation. */
function firstProblem(problems: DraftProblems): string | undefined {
  const path = Object.keys(problems.pathParams)[0];
  if (path !== undefined) return `the path parameter "${path}" is empty`;
  if (Object.keys(problems.query).length > 0) return 'a query parameter has no name, or a name used twice';
  if (problems.body !== undefined) return 'the body is not valid JSON';
  const field = Object.keys(problems.fields)[0];
  return field === undefined ? undefined : `the form field "${field}" is not valid JSON`;
}

function Workspace({ endpoint }: { readonly endpoint: CatalogueEntry }) {
  const scopes = useWorkbench((state) => state.currentToken?.scopes ?? null);
  const draft = useExplorer((state) => state.drafts[endpoint.id]);
  const sent = useExplorer((state) => state.responses[endpoint.id]);
  const checked = useMemo(() => (draft === undefined ? null : checkDraft(endpoint, draft)), [endpoint, draft]);
  return (
    <Stack gap="md" data-testid="explorer-workspace" data-endpoint={endpoint.id}>
      <Stack gap={6}>
        <Title order={2} size="h4">
          {endpoint.summary}
        </Title>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <MethodBadge method={endpoint.method} />
          <Code style={{ wordBreak: 'break-all' }}>{endpoint.path}</Code>
        </Group>
        <Text size="sm" c="dimmed">
          {documentationLine(endpoint)}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text size="sm">Required scope</Text>
          <Code>{endpoint.requiredScope}</Code>
          <CoverageBadge coverage={coverageOf(scopes, endpoint.requiredScope)} />
          <Badge variant="outline" color={endpoint.effect === 'read' ? 'gray' : endpoint.effect === 'delete' ? 'red' : 'orange'}>
            {endpoint.effect}
          </Badge>
        </Group>
      </Stack>
      {draft === undefined || checked === null ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading the example request">
          <Skeleton height={36} />
          <Skeleton height={160} />
        </Stack>
      ) : (
        <>
          <RequestEditor endpoint={endpoint} draft={draft} problems={checked.problems} />
          <SendBar endpoint={endpoint} request={checked.request} problem={firstProblem(checked.problems)} />
        </>
      )}
      {sent !== undefined ? <ResponseView sent={sent} /> : null}
    </Stack>
  );
}

/** The selected endpoint, its request and its last response; or where to start. */
export function EndpointWorkspace() {
  const notifyError = useNotifyContractError();
  const selectedId = useExplorer((state) => state.selectedId);
  const select = useExplorer((state) => state.select);
  const scopes = useWorkbench((state) => state.currentToken?.scopes ?? null);
  if (selectedId === null) {
    const first = firstCallFor(scopes);
    return (
      <EmptyState title="Choose an endpoint" description={`Pick one of the catalogued endpoints to edit its example request and send it with the current token. ${first.why}`} data-testid="explorer-none-selected">
        <EmptyState.Actions>
          <Button onClick={() => select(first.id).catch((error: unknown) => notifyError(error, 'loading the example request'))}>Open {first.label}</Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return <Workspace key={selectedId} endpoint={catalogueEntry(selectedId)} />;
}
