import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { prettyJson, type BodyDraft } from './request-draft';

export interface BodyEditorProps {
  readonly body: BodyDraft;
  /** The JSON body's problem. */
  readonly problem: string | undefined;
  /** By form field name. */
  readonly fieldProblems: Readonly<Record<string, string>>;
  readonly onChange: (body: BodyDraft) => void;
}

const monospace = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } };

/** The body as JSON text (or as form fields, a JSON one for the Search API's `query`), checked as it is typed. */
export function BodyEditor({ body, problem, fieldProblems, onChange }: BodyEditorProps) {
  if (body.kind === 'none') {
    return (
      <Text size="sm" c="dimmed">
        This request has no body.
      </Text>
    );
  }
  if (body.kind === 'json') {
    return (
      <Stack gap={4}>
        <Textarea
          label="Request body (JSON)"
          rows={12}
          value={body.text}
          onChange={(event) => onChange({ kind: 'json', text: event.currentTarget.value })}
          error={problem}
          spellCheck={false}
          styles={monospace}
        />
        <Group>
          <Button variant="subtle" size="xs" disabled={problem !== undefined} onClick={() => onChange({ kind: 'json', text: prettyJson(body.text) })}>
            Format the JSON
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      {body.fields.map((field) => (
        <Textarea
          key={field.name}
          label={`Form field "${field.name}"${field.json ? ' (JSON)' : ''}`}
          description={field.json ? `Sent as the form field "${field.name}" (application/x-www-form-urlencoded), its value JSON` : undefined}
          rows={field.json ? 12 : 2}
          value={field.value}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange({ kind: 'form', fields: body.fields.map((f) => (f.name === field.name ? { ...f, value } : f)) });
          }}
          error={fieldProblems[field.name]}
          spellCheck={false}
          styles={monospace}
        />
      ))}
    </Stack>
  );
}
