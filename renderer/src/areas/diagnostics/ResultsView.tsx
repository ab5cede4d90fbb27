import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { CATALOGUE } from '../../../../shared/catalogue';
import type { MatrixRowView } from '../../../../shared/contract/client-schemas';
import { useWorkbench } from '../../stores/lab-stores';
import { NoTokenState, NotRunState } from './DiagnosticsEmptyStates';
import { ExportButtons } from './ExportButtons';
import { MatrixFilters } from './MatrixFilters';
import { filterRows, NO_FILTER, rowsBeforeVerdict, type MatrixFilter } from './matrix-filter';
import { MatrixTable } from './MatrixTable';
import { RunButton } from './RunButton';
import { RunProgress } from './RunProgress';
import { SummaryCards } from './SummaryCards';
import { useDiagnostics } from './use-diagnostics';
import { countVerdicts } from './verdicts';

const CATALOGUE_ORDER = new Map<string, number>(CATALOGUE.map((e, index) => [e.id, index]));
const inCatalogueOrder = (rows: readonly MatrixRowView[]) => [...rows].sort((a, b) => (CATALOGUE_ORDER.get(a.endpointId) ?? 0) - (CATALOGUE_ORDER.get(b.endpointId) ?? 0));

/** The run controls, the summary, the filters and the matrix (live while a run goes on). */
export function ResultsView() {
  const loaded = useWorkbench((state) => state.loaded);
  const hasToken = useWorkbench((state) => state.currentToken !== null);
  const matrix = useDiagnostics((state) => state.matrix);
  const lastLoaded = useDiagnostics((state) => state.lastLoaded);
  const running = useDiagnostics((state) => state.running);
  const [filter, setFilter] = useState<MatrixFilter>(NO_FILTER);
  const rows = useMemo(() => inCatalogueOrder(running?.rows ?? matrix?.rows ?? []), [running, matrix]);
  const beforeVerdict = useMemo(() => rowsBeforeVerdict(rows, filter), [rows, filter]);
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);

  if (!loaded || !lastLoaded) return <Skeleton height={180} radius="md" aria-label="Loading the last diagnostics" />;
  if (running === null && matrix === null) return hasToken ? <NotRunState /> : <NoTokenState />;

  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        <RunButton />
        {running === null ? <ExportButtons disabled={matrix === null} /> : <RunProgress running={running} />}
      </Group>
      {!hasToken && running === null ? (
        <Alert color="yellow" variant="light" title="There is no current token">
          <Group gap="sm">
            <Text size="sm">These are the last results. To run again, get a token on Flows.</Text>
            <Button size="compact-sm" variant="light" onClick={() => (window.location.hash = '#/flows')}>
              Go to Flows
            </Button>
          </Group>
        </Alert>
      ) : null}
      {running === null && matrix !== null ? (
        <Text size="sm" c="dimmed" data-testid="diagnostics-run-summary">
          Run {new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(matrix.startedAt))} against {matrix.target.apiBaseUrl} in {(matrix.durationMs / 1000).toFixed(1)} s, with{' '}
          {matrix.grantedScopes.length === 0 ? 'no scope' : matrix.grantedScopes.join(' ')}.
        </Text>
      ) : null}
      <SummaryCards counts={countVerdicts(rows)} />
      <MatrixFilters filter={filter} counts={countVerdicts(beforeVerdict)} total={beforeVerdict.length} onChange={setFilter} />
      <MatrixTable rows={shown} />
    </Stack>
  );
}
