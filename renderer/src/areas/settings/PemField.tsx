import { Button, FileButton, Group, Textarea } from '@mantine/core';
import { useNotifyContractError } from '../../stores/lab-stores';
import { readFileText } from './read-file';

export interface PemFieldProps {
  readonly label: string;
  readonly description?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | null | undefined;
  /** A private key: masked in screenshots. */
  readonly secret?: boolean;
}

/** A PEM pasted, or read from a file. */
export function PemField({ label, description, value, onChange, error, secret = false }: PemFieldProps) {
  const notifyError = useNotifyContractError();
  const load = (file: File | null) => {
    if (file === null) return;
    readFileText(file).then(onChange, (cause: unknown) => notifyError(cause, `reading ${file.name}`));
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Textarea
        label={label}
        description={description}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        rows={3}
        resize="vertical"
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
        style={{ flex: 1 }}
        {...(secret ? { 'data-secret': true } : {})}
      />
      <FileButton onChange={load} accept=".pem,.crt,.cer,.key,text/plain">
        {(props) => (
          <Button variant="default" size="sm" {...props} aria-label={`Load ${label} from a file`}>
            From a file
          </Button>
        )}
      </FileButton>
    </Group>
  );
}
