import { Button, Checkbox, FileInput, Group, PasswordInput, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ContractError } from '../../../../shared/contract/wire';
import type { TargetView } from '../../contract/lab-client';
import { useLab, useLabStores, useNotifyContractError } from '../../stores/lab-stores';
import {
  EMPTY_CREDENTIALS,
  certificateErrorField,
  credentialsInput,
  credentialsProblems,
  formFieldOf,
  type AuthMethod,
  type CertificateKind,
  type CredentialsFormValues,
  type CredentialsProblems,
} from './credentials-input';
import { PemField } from './PemField';

const CERTIFICATE_KINDS = [
  { value: 'none', label: 'No certificate' },
  { value: 'pem', label: 'PEM' },
  { value: 'pkcs12', label: 'PKCS#12 file' },
];

/** Loads an app's credentials for a target: client ID and secret, client authentication, mutual TLS certificate, a CA to trust. */
export function CredentialsForm({ target }: { readonly target: TargetView }) {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const secureStorage = useLab((state) => state.info?.secureStorage);
  const [values, setValues] = useState<CredentialsFormValues>({ ...EMPTY_CREDENTIALS, clientId: target.credentials?.clientId ?? '', authMethod: target.credentials?.authMethod ?? 'client_secret_basic' });
  const [problems, setProblems] = useState<CredentialsProblems>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const canRemember = secureStorage?.available === true;

  const change = <K extends keyof CredentialsFormValues>(field: K, value: CredentialsFormValues[K]) => {
    setValues((now) => ({ ...now, [field]: value }));
    setProblems((now) => ({ ...now, [field]: undefined }));
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = credentialsProblems(values);
    setProblems(found);
    if (Object.values(found).some((problem) => problem !== undefined)) return;
    setSaving(true);
    try {
      await client.targets.setCredentials(await credentialsInput(target.key, { ...values, remember: canRemember && values.remember }));
      // The secrets leave the form once the Lab holds them; the summary shows what is loaded.
      setValues((now) => ({ ...now, clientSecret: '', privateKeyPem: '', pkcs12File: null, pkcs12Password: '' }));
      setSaved(true);
    } catch (error) {
      const field = error instanceof ContractError ? (error.code === 'certificate' ? certificateErrorField(values.certificateKind, error.message) : formFieldOf(error.field)) : undefined;
      if (error instanceof ContractError && field !== undefined) setProblems({ [field]: error.message });
      else notifyError(error, `loading the credentials of ${target.label}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label={`Credentials for ${target.label}`} noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput label="Client ID" value={values.clientId} onChange={(event) => change('clientId', event.currentTarget.value)} error={problems.clientId} required autoComplete="off" />
          <PasswordInput
            label="Client secret"
            description="Never shown again once loaded."
            value={values.clientSecret}
            onChange={(event) => change('clientSecret', event.currentTarget.value)}
            error={problems.clientSecret}
            autoComplete="new-password"
            data-secret
          />
        </Group>
        <Radio.Group label="Client authentication" value={values.authMethod} onChange={(value) => change('authMethod', value as AuthMethod)}>
          <Group mt="xs">
            <Radio value="client_secret_basic" label="HTTP Basic header (client_secret_basic)" />
            <Radio value="client_secret_post" label="Form body (client_secret_post)" />
          </Group>
        </Radio.Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="credentials-certificate-label">
            Mutual TLS certificate
          </Text>
          <SegmentedControl aria-labelledby="credentials-certificate-label" data={CERTIFICATE_KINDS} value={values.certificateKind} onChange={(value) => change('certificateKind', value as CertificateKind)} w="fit-content" />
        </Stack>
        {values.certificateKind === 'pem' ? (
          <>
            <PemField label="Certificate (PEM)" value={values.certificatePem} onChange={(value) => change('certificatePem', value)} error={problems.certificatePem} />
            <PemField label="Private key (PEM)" description="Leave empty when it follows the certificate above." value={values.privateKeyPem} onChange={(value) => change('privateKeyPem', value)} error={problems.privateKeyPem} secret />
          </>
        ) : null}
        {values.certificateKind === 'pkcs12' ? (
          <Group grow align="flex-start">
            <FileInput
              label="PKCS#12 file"
              placeholder="Choose a .p12 or .pfx file"
              accept=".p12,.pfx,application/x-pkcs12"
              value={values.pkcs12File}
              onChange={(file) => change('pkcs12File', file)}
              error={problems.pkcs12File}
              clearable
              fileInputProps={{ 'aria-label': 'PKCS#12 file to load' }}
            />
            <PasswordInput label="PKCS#12 password" value={values.pkcs12Password} onChange={(event) => change('pkcs12Password', event.currentTarget.value)} error={problems.pkcs12Password} autoComplete="off" data-secret />
          </Group>
        ) : null}
        <PemField label="CA certificate to trust (PEM)" description="For a server whose certificate no public CA signed (optional)." value={values.caPem} onChange={(value) => change('caPem', value)} error={problems.caPem} />
        <Checkbox
          label="Remember on this computer (encrypted)"
          description={canRemember ? secureStorage.description : `Not available: ${secureStorage?.description ?? 'the Lab has not said whether it can encrypt them'}.`}
          checked={canRemember && values.remember}
          onChange={(event) => change('remember', event.currentTarget.checked)}
          disabled={!canRemember}
          error={problems.remember}
        />
        <Group>
          <Button type="submit" loading={saving}>
            Load credentials
          </Button>
          {saved ? (
            <Text size="sm" c="teal" role="status">
              Loaded for {target.label}.
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
