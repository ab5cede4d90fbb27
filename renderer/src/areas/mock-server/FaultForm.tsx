import { Button, Group, Input, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ContractError } from '../../../../shared/contract/wire';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';
import { checkFaultDraft, faultInputOf, INITIAL_FAULT_DRAFT, type FaultDraft, type FaultKind } from './fault-form';
import { FAULT_TARGET_GROUPS } from './fault-targets';

const KINDS = [
  { value: 'error', label: 'Error' },
  { value: 'rate_limit', label: 'Rate limit' },
  { value: 'latency', label: 'Latency' },
];

/** Inject a fault: where, what kind, and how many requests it affects. */
export function FaultForm({ onInjected }: { readonly onInjected: () => void }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [draft, setDraft] = useState<FaultDraft>(INITIAL_FAULT_DRAFT);
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<{ field: string; message: string } | null>(null);
  const [injecting, setInjecting] = useState(false);
  const errors = checkFaultDraft(draft);
  const shownErrors = submitted ? errors : {};
  const fieldError = (field: keyof FaultDraft) => shownErrors[field] ?? (serverError?.field === field ? serverError.message : undefined);
  const update = (changes: Partial<FaultDraft>) => {
    setServerError(null);
    setDraft((current) => ({ ...current, ...changes }));
  };
  const changeKind = (kind: FaultKind) => update({ kind, count: kind === 'latency' ? '' : 1 });

  const inject = async () => {
    setSubmitted(true);
    if (Object.keys(errors).length > 0) return;
    setInjecting(true);
    try {
      await client.faults.inject(faultInputOf(draft));
      setSubmitted(false);
      onInjected();
    } catch (error) {
      if (error instanceof ContractError && error.field !== undefined && error.field in draft) setServerError({ field: error.field, message: error.message });
      else notifyError(error, 'injecting the fault');
    } finally {
      setInjecting(false);
    }
  };

  return (
    <Paper withBorder p="md" component="form" aria-labelledby="fault-form-title" noValidate onSubmit={(event) => (event.preventDefault(), void inject())}>
      <Stack gap="sm">
        <Title order={2} size="h4" id="fault-form-title">
          Inject a fault
        </Title>
        <Select label="Where" searchable data={FAULT_TARGET_GROUPS} value={draft.target} onChange={(value) => update({ target: value ?? '' })} error={fieldError('target')} allowDeselect={false} maxDropdownHeight={280} />
        <Stack gap={4} align="flex-start">
          <Input.Label labelElement="div" id="fault-kind-label">
            Kind
          </Input.Label>
          <SegmentedControl aria-labelledby="fault-kind-label" data={KINDS} value={draft.kind} onChange={(value) => changeKind(value as FaultKind)} />
        </Stack>
        {draft.kind === 'error' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput label="HTTP status" min={400} max={599} allowDecimal={false} allowNegative={false} value={draft.status} onChange={(status) => update({ status })} error={fieldError('status')} />
            <TextInput label="OAuth error code" description="invalid_client, invalid_grant, server_error…" value={draft.error} onChange={(event) => update({ error: event.currentTarget.value })} error={fieldError('error')} />
            <TextInput label="Error description" description="Optional: the mock says it injected the failure otherwise" value={draft.errorDescription} onChange={(event) => update({ errorDescription: event.currentTarget.value })} error={fieldError('errorDescription')} style={{ gridColumn: '1 / -1' }} />
          </SimpleGrid>
        ) : draft.kind === 'rate_limit' ? (
          <NumberInput label="Retry-After (seconds)" description="Totango's rate limit answers 429 with this header" min={1} max={3600} allowDecimal={false} allowNegative={false} value={draft.retryAfterSeconds} onChange={(retryAfterSeconds) => update({ retryAfterSeconds })} error={fieldError('retryAfterSeconds')} maw={260} />
        ) : (
          <NumberInput label="Latency (ms)" description="Added before the mock answers" min={1} max={30_000} allowDecimal={false} allowNegative={false} value={draft.latencyMs} onChange={(latencyMs) => update({ latencyMs })} error={fieldError('latencyMs')} maw={260} />
        )}
        <NumberInput
          label="Requests affected"
          description={draft.kind === 'latency' ? 'Empty: every matching request until you clear it' : 'Empty: the next matching request only'}
          min={1}
          max={10_000}
          allowDecimal={false}
          allowNegative={false}
          value={draft.count}
          onChange={(count) => update({ count })}
          error={fieldError('count')}
          maw={260}
        />
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            Faults apply to both regions, HTTP and HTTPS; metadata and JWKS are never failed.
          </Text>
          <Button type="submit" loading={injecting} color="orange">
            Inject fault
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
