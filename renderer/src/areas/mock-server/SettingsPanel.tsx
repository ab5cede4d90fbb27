import { Button, Group, Input, NumberInput, Paper, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { MockSettingsView } from '../../../../shared/contract/mock-schemas';
import { useLabStores, useNotifyContractError, useWorkbench } from '../../stores/lab-stores';
import { MockBehaviourBadge } from './MockBehaviourBadge';
import { changedSettings, checkSettings, CODE_TTL_RANGE, LIMIT_RANGE, type SettingsDraft } from './settings-form';

function Setting({ children, note, mockBehaviour = false }: { readonly children: ReactNode; readonly note: string; readonly mockBehaviour?: boolean }) {
  return (
    <Stack gap={4}>
      {children}
      <Group gap={6}>
        {mockBehaviour ? <MockBehaviourBadge /> : null}
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      </Group>
    </Stack>
  );
}

/** The mock's settings: application limit, PKCE, signing algorithm, code lifetime. */
export function SettingsPanel({ settings }: { readonly settings: MockSettingsView | undefined }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const applicationCount = useWorkbench((state) => state.applications.length);
  const [saved, setSaved] = useState<MockSettingsView | undefined>(settings);
  const [draft, setDraft] = useState<SettingsDraft | undefined>(settings);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  // Settings changed elsewhere (another window, the admin API) replace an untouched form.
  useEffect(() => {
    setSaved(settings);
    setDraft((current) => (current === undefined || saved === undefined || Object.keys(changedSettings(current, saved)).length === 0 ? settings : current));
  }, [settings]);

  // The status has answered by now: a mock without settings is one that does not report them.
  if (draft === undefined || saved === undefined) return <Text c="dimmed">This mock does not report its settings. Check its state above, and the admin URL the Lab uses.</Text>;
  const errors = checkSettings(draft);
  const changes = changedSettings(draft, saved);
  const dirty = Object.keys(changes).length > 0;
  const update = (next: Partial<SettingsDraft>) => {
    setJustSaved(false);
    setDraft({ ...draft, ...next });
  };
  const save = async () => {
    if (!dirty || Object.keys(errors).length > 0) return;
    setSaving(true);
    try {
      const answer = await client.mock.updateSettings(changes);
      setSaved(answer);
      setDraft(answer);
      setJustSaved(true);
    } catch (error) {
      notifyError(error, 'saving the mock settings');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" component="form" aria-label="Mock settings" noValidate onSubmit={(event) => (event.preventDefault(), void save())}>
      <Stack gap="lg" maw={560}>
        <Setting note={`Totango allows two applications per account; "contact your Totango representative" raises it. The account holds ${applicationCount} now.`}>
          <NumberInput label="Application limit" min={LIMIT_RANGE.min} max={LIMIT_RANGE.max} allowDecimal={false} allowNegative={false} value={draft.applicationLimit} onChange={(applicationLimit) => update({ applicationLimit })} error={errors.applicationLimit} maw={200} />
        </Setting>
        <Setting mockBehaviour note="The mock always accepts PKCE (S256). Required, it refuses an authorization request without a code challenge.">
          <Switch label="Require PKCE" checked={draft.pkceRequired} onChange={(event) => update({ pkceRequired: event.currentTarget.checked })} />
        </Setting>
        <Setting mockBehaviour note="How the mock signs access tokens (JWT, RFC 9068). Tokens signed before a change stay valid.">
          <Stack gap={4}>
            <Input.Label labelElement="div" id="signing-algorithm-label">
              Token signing algorithm
            </Input.Label>
            <SegmentedControl aria-labelledby="signing-algorithm-label" data={['ES256', 'RS256']} value={draft.signingAlgorithm} onChange={(value) => update({ signingAlgorithm: value as SettingsDraft['signingAlgorithm'] })} w={200} />
          </Stack>
        </Setting>
        <Setting mockBehaviour note="How long an authorization code can be exchanged; each is single-use.">
          <NumberInput label="Authorization-code lifetime (seconds)" min={CODE_TTL_RANGE.min} max={CODE_TTL_RANGE.max} allowDecimal={false} allowNegative={false} value={draft.authorizationCodeTtlSeconds} onChange={(authorizationCodeTtlSeconds) => update({ authorizationCodeTtlSeconds })} error={errors.authorizationCodeTtlSeconds} maw={320} />
        </Setting>
        <Group gap="sm">
          <Button type="submit" loading={saving} disabled={!dirty || Object.keys(errors).length > 0}>
            Save settings
          </Button>
          <Button variant="default" disabled={!dirty || saving} onClick={() => setDraft(saved)}>
            Undo changes
          </Button>
          <Text size="sm" c="teal" role="status">
            {justSaved ? 'Saved: the mock uses these settings from now on.' : ''}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
