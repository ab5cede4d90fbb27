import { Alert, Checkbox, Code, Input, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { describeScope, type Scope } from '../../../../shared/scopes';
import { coveringScope, SCOPE_GROUPS, scopesToRegister, toggleScope } from './scope-selection';

export interface ScopePickerProps {
  readonly ticked: readonly Scope[];
  readonly onChange: (ticked: Scope[]) => void;
  readonly error?: string | undefined;
  readonly disabled?: boolean;
}

function ScopeCheckbox({ scope, ticked, onChange, disabled }: { readonly scope: Scope } & Omit<ScopePickerProps, 'error'>) {
  const coveredBy = coveringScope(ticked, scope);
  return (
    <Checkbox
      label={scope}
      description={coveredBy !== undefined ? `Covered by ${coveredBy}` : scope === 'admin' ? 'Has access to all scopes. Use with caution.' : describeScope(scope)}
      checked={coveredBy !== undefined || ticked.includes(scope)}
      disabled={disabled === true || coveredBy !== undefined}
      onChange={(event) => onChange(toggleScope(ticked, scope, event.currentTarget.checked))}
      styles={{ label: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
    />
  );
}

const capitalized = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

/** "Scopes": grouped by entity, `{entity}:all` covering its entity, `admin` everything (with the article's warning). */
export function ScopePicker({ ticked, onChange, error, disabled }: ScopePickerProps) {
  const registered = scopesToRegister(ticked);
  return (
    <Input.Wrapper
      labelElement="div"
      label="Scopes"
      description="The level of access the application's tokens have to your data in Totango. {entity}:all covers every operation of its entity."
      error={error}
    >
      <Stack gap="sm" mt={4} role="group" aria-label="Scopes">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {SCOPE_GROUPS.map((group) => (
            <Paper key={group.entity} withBorder p="sm" role="group" aria-label={capitalized(group.label)}>
              <Text fw={600} size="sm" mb="xs">
                {capitalized(group.label)}
              </Text>
              <Stack gap="xs">
                {group.scopes.map((scope) => (
                  <ScopeCheckbox key={scope} scope={scope} ticked={ticked} onChange={onChange} disabled={disabled} />
                ))}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
        <Paper withBorder p="sm">
          <ScopeCheckbox scope="admin" ticked={ticked} onChange={onChange} disabled={disabled} />
          {ticked.includes('admin') ? (
            <Alert color="orange" mt="xs" title="admin grants access to every scope" data-testid="admin-warning">
              Use with caution. This is useful during the development phase, but is usually considered a security anti-pattern in production systems. Pick the scopes the
              application needs instead.
            </Alert>
          ) : null}
        </Paper>
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="scopes-summary">
          {registered.length === 0 ? (
            'No scope selected.'
          ) : (
            <>
              Registers {registered.length === 1 ? 'one scope' : `${registered.length} scopes`}: {registered.map((s, i) => (
                <span key={s}>
                  {i > 0 ? ' ' : ''}
                  <Code>{s}</Code>
                </span>
              ))}
            </>
          )}
        </Text>
      </Stack>
    </Input.Wrapper>
  );
}
