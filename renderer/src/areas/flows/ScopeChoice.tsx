import { Checkbox, Group, Stack, TextInput } from '@mantine/core';

export interface ScopeSelection {
  /** The app's scopes ticked (a mock app), or none for loaded credentials. */
  readonly ticked: readonly string[];
  /** Typed scopes: more than the app holds (to see a refusal), or the scopes to ask for with loaded credentials. */
  readonly typed: string;
}

/**
 * The `scope` parameter of the request: undefined for all of the app's scopes (the
 * server's default), else the scopes ticked and typed. An error when nothing is asked for.
 */
export function requestedScopes(appScopes: readonly string[] | undefined, selection: ScopeSelection): { scopes?: string[]; error?: string } {
  const typed = selection.typed.split(/[\s,]+/).filter((scope) => scope !== '');
  if (appScopes === undefined) return typed.length === 0 ? {} : { scopes: typed };
  const ticked = appScopes.filter((scope) => selection.ticked.includes(scope));
  if (typed.length === 0 && ticked.length === appScopes.length) return {};
  const scopes = [...new Set([...ticked, ...typed])];
  return scopes.length === 0 ? { error: 'Tick at least one scope, or type one.' } : { scopes };
}

export interface ScopeChoiceProps {
  readonly appScopes: readonly string[] | undefined;
  readonly selection: ScopeSelection;
  readonly onChange: (selection: ScopeSelection) => void;
  readonly error?: string | undefined;
  readonly disabled: boolean;
}

/** Which scopes to ask for: a subset of the app's, and any typed in. */
export function ScopeChoice({ appScopes, selection, onChange, error, disabled }: ScopeChoiceProps) {
  if (appScopes === undefined) {
    return (
      <TextInput
        label="Scopes to ask for"
        description="Separated by spaces or commas; leave empty for all of the app’s scopes."
        value={selection.typed}
        onChange={(event) => onChange({ ...selection, typed: event.currentTarget.value })}
        disabled={disabled}
        error={error}
      />
    );
  }
  return (
    <Stack gap="xs">
      <Checkbox.Group label="Scopes to ask for" description="All of them by default; untick some to ask for less." value={[...selection.ticked]} onChange={(ticked) => onChange({ ...selection, ticked })} error={error}>
        <Group gap="md" mt={6}>
          {appScopes.map((scope) => (
            <Checkbox key={scope} value={scope} label={scope} disabled={disabled} />
          ))}
        </Group>
      </Checkbox.Group>
      <TextInput
        label="Also ask for"
        description="Scopes the app does not hold, separated by spaces, to see the server refuse them."
        value={selection.typed}
        onChange={(event) => onChange({ ...selection, typed: event.currentTarget.value })}
        disabled={disabled}
      />
    </Stack>
  );
}
