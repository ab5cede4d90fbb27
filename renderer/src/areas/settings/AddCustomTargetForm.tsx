import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ContractError } from '../../../../shared/contract/wire';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';
import { PemField } from './PemField';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why a base URL cannot be a target, or null when it can. */
export function baseUrlProblem(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'Give the base URL, such as https://api.totango.example.';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'Not a URL: give one such as https://api.totango.example.';
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return 'Plain http is only for a server on this computer (127.0.0.1): use https://.';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The base URL must start with https:// (or http://127.0.0.1 for a local server).';
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return 'Give the base URL alone: no query, fragment or user name.';
  return null;
}

type FieldErrors = Partial<Record<'baseUrl' | 'label' | 'caPem', string>>;

/** Adds a custom base URL (a staging tenant, a proxy) as a target, with the CA to trust for it. */
export function AddCustomTargetForm({ onAdded }: { readonly onAdded?: (targetKey: string) => void }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [baseUrl, setBaseUrl] = useState('');
  const [label, setLabel] = useState('');
  const [caPem, setCaPem] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [adding, setAdding] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = baseUrlProblem(baseUrl);
    if (problem !== null) return setErrors({ baseUrl: problem });
    setErrors({});
    setAdding(true);
    try {
      const added = await client.targets.addCustom({ baseUrl: baseUrl.trim(), ...(label.trim() === '' ? {} : { label: label.trim() }), ...(caPem.trim() === '' ? {} : { caPem }) });
      setBaseUrl('');
      setLabel('');
      setCaPem('');
      onAdded?.(added.key);
    } catch (error) {
      // The Lab names the field, or starts its message with it ("baseUrl" must use https…).
      const field = error instanceof ContractError ? (error.field ?? /^"(baseUrl|label|caPem)"/.exec(error.message)?.[1]) : undefined;
      if (error instanceof ContractError && (field === 'baseUrl' || field === 'label' || field === 'caPem')) setErrors({ [field]: error.message });
      else notifyError(error, 'adding the custom target');
    } finally {
      setAdding(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Add a custom target" noValidate>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            label="Base URL"
            description="Its metadata is read from /.well-known/oauth-authorization-server when it has some."
            value={baseUrl}
            onChange={(event) => {
              setBaseUrl(event.currentTarget.value);
              if (errors.baseUrl !== undefined) setErrors({ ...errors, baseUrl: undefined });
            }}
            error={errors.baseUrl}
            required
          />
          <TextInput label="Name" description="How the Lab lists it (optional)." value={label} onChange={(event) => setLabel(event.currentTarget.value)} error={errors.label} />
        </Group>
        <PemField label="CA certificate to trust (PEM)" description="Only for a server whose certificate no public CA signed (optional)." value={caPem} onChange={setCaPem} error={errors.caPem} />
        <Group>
          <Button type="submit" loading={adding}>
            Add target
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
