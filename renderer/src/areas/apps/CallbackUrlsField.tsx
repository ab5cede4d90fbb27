import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { MAX_CALLBACK_URLS } from './callback-url-rules';

export interface CallbackUrlsFieldProps {
  readonly urls: readonly string[];
  readonly onChange: (urls: string[]) => void;
  /** A line was edited or left: its error may show. */
  readonly onTouch: (index: number) => void;
  /** The list's own error (none, too many). */
  readonly error?: string | undefined;
  /** Each line's error, by index. */
  readonly lineError: (index: number) => string | undefined;
  readonly disabled?: boolean;
  /** Under a heading that already names it (the details drawer), the label is left out. */
  readonly bare?: boolean;
}

/** "Authorization Callback URLs": one or more, each on its own line. */
export function CallbackUrlsField({ urls, onChange, onTouch, error, lineError, disabled = false, bare = false }: CallbackUrlsFieldProps) {
  const setLine = (index: number, url: string) => onChange(urls.map((u, i) => (i === index ? url : u)));
  const removeLine = (index: number) => onChange(urls.filter((_, i) => i !== index));
  return (
    <Input.Wrapper
      labelElement="div"
      label={bare ? undefined : 'Authorization callback URLs'}
      description="Totango redirects to one of these during the authorization flow, matched exactly. The Lab receives the browser on http://127.0.0.1 with a port."
      error={error}
    >
      <Stack gap="xs" mt={4} role="group" aria-label="Authorization callback URLs">
        {urls.map((url, index) => (
          // The lines have no identity of their own; the index is what the errors name.
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              flex={1}
              aria-label={`Callback URL ${index + 1}`}
              value={url}
              spellCheck={false}
              onChange={(event) => {
                setLine(index, event.currentTarget.value);
                onTouch(index);
              }}
              onBlur={() => onTouch(index)}
              error={lineError(index)}
              disabled={disabled}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`Remove callback URL ${index + 1}`}
              onClick={() => removeLine(index)}
              disabled={disabled || urls.length === 1}
            >
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => onChange([...urls, ''])} disabled={disabled || urls.length >= MAX_CALLBACK_URLS}>
            Add a callback URL
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
