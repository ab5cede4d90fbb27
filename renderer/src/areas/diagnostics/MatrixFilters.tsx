import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import type { Entity } from '../../../../shared/scopes';
import { ENDPOINT_GROUPS, groupHeading } from './endpoint-groups';
import type { MatrixFilter } from './matrix-filter';
import { VERDICT_LOOK, VERDICTS, type Verdict } from './verdicts';

export interface MatrixFiltersProps {
  readonly filter: MatrixFilter;
  /** The verdict counts of the rows the entity and text filters keep. */
  readonly counts: Readonly<Record<Verdict, number>>;
  readonly total: number;
  readonly onChange: (filter: MatrixFilter) => void;
}

/** Filters of the matrix: a verdict (with counts), an entity, a text search. */
export function MatrixFilters({ filter, counts, total, onChange }: MatrixFiltersProps) {
  const verdictOptions = [
    { value: 'all', label: `All ${total}` },
    ...VERDICTS.map((verdict) => ({ value: verdict, label: `${VERDICT_LOOK[verdict].label} ${counts[verdict]}` })),
  ];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Show rows by verdict"
        data={verdictOptions}
        value={filter.verdict}
        onChange={(value) => onChange({ ...filter, verdict: value as MatrixFilter['verdict'] })}
      />
      <Select
        label="Entity"
        w={200}
        allowDeselect={false}
        data={[{ value: 'all', label: 'All entities' }, ...ENDPOINT_GROUPS.map((group) => ({ value: group.entity, label: groupHeading(group) }))]}
        value={filter.entity}
        onChange={(value) => onChange({ ...filter, entity: (value ?? 'all') as Entity | 'all' })}
      />
      <TextInput
        label="Search"
        style={{ flex: 1, minWidth: 180 }}
        placeholder="Path, scope or name"
        value={filter.text}
        onChange={(event) => onChange({ ...filter, text: event.currentTarget.value })}
      />
    </Group>
  );
}
