import { Button, Group, Radio, Stack, Switch, TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { REGIONS } from '../../../../shared/regions';
import type { MockUserView } from '../../stores/workbench-store';
import { ActingUserField } from './ActingUserField';
import { CallbackUrlsField } from './CallbackUrlsField';
import { FormLevelAlert } from './FormLevelAlert';
import type { GrantType } from './registration-form';
import { ScopePicker } from './ScopePicker';
import { TokenLifetimeField } from './TokenLifetimeField';
import { useRegistrationForm, type CreatedApplication } from './use-registration-form';

export interface RegisterApplicationFormProps {
  readonly users: readonly MockUserView[];
  /** The first callback URL offered: the Lab's own loopback callback. */
  readonly callbackUrl: string;
  readonly onCreated: (created: CreatedApplication) => void;
  readonly onCancel: () => void;
}

/** Totango's "Register New OAuth Application" screen, field by field, checked as the person types. */
export function RegisterApplicationForm({ users, callbackUrl, onCreated, onCancel }: RegisterApplicationFormProps) {
  const activeUserIds = users.filter((user) => user.status === 'active').map((user) => user.id);
  const form = useRegistrationForm({ callbackUrl, activeUserIds, onCreated });
  const { values, change, touch, errorOf, submitting } = form;
  const formRef = useRef<HTMLFormElement>(null);

  // After a refused attempt, the keyboard lands on the first field at fault.
  useEffect(() => {
    if (form.attempts > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form.attempts]);

  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Register New OAuth Application"
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
    >
      <Stack gap="lg">
        <TextInput
          label="Application name"
          description="For display purpose within Totango."
          withAsterisk
          maxLength={100}
          value={values.name}
          onChange={(event) => change({ name: event.currentTarget.value }, 'name')}
          onBlur={() => touch('name')}
          error={errorOf('name')}
          data-autofocus
        />
        <Switch
          label="Mutual TLS"
          description="On if the client uses TLS client certificate bound access tokens. The mock then issues a certificate and private key, valid one year, to export into your application."
          checked={values.mutualTls}
          onChange={(event) => change({ mutualTls: event.currentTarget.checked }, 'mutualTls')}
          error={errorOf('mutualTls')}
        />
        <TokenLifetimeField value={values.lifetime} onChange={(lifetime) => change({ lifetime }, 'lifetime')} onBlur={() => touch('lifetime')} error={errorOf('lifetime')} />
        <Radio.Group label="Grant type" value={values.grantType} onChange={(grantType) => change({ grantType: grantType as GrantType })} error={errorOf('grantType')} withAsterisk>
          <Stack gap="xs" mt={4}>
            <Radio value="authorization_code" label="Authorization Code" description="For applications that access Totango on behalf of end users, who sign in and grant permission." />
            <Radio value="client_credentials" label="Client Credentials" description="For applications that access Totango directly (machine to machine), acting as a user you select." />
          </Stack>
        </Radio.Group>
        {values.grantType === 'authorization_code' ? (
          <CallbackUrlsField
            urls={values.callbackUrls}
            onChange={(callbackUrls) => change({ callbackUrls })}
            onTouch={(index) => touch(`callbackUrls.${index}`)}
            error={errorOf('callbackUrls')}
            lineError={(index) => errorOf(`callbackUrls.${index}`)}
          />
        ) : (
          <ActingUserField users={users} value={values.actingUserId} onChange={(actingUserId) => change({ actingUserId }, 'actingUserId')} onBlur={() => touch('actingUserId')} error={errorOf('actingUserId')} />
        )}
        <ScopePicker ticked={values.scopes} onChange={(scopes) => change({ scopes }, 'scopes')} error={errorOf('scopes')} />
        <Radio.Group
          label="Region"
          description="The mock's extra: a Totango account lives in one region, and the mock simulates both, each with its own issuer and signing keys."
          value={values.region}
          onChange={(region) => change({ region: region === 'eu' ? 'eu' : 'us' }, 'region')}
          error={errorOf('region')}
        >
          <Group gap="lg" mt={4}>
            <Radio value="us" label={`US (${REGIONS.us.baseUrl.replace('https://', '')})`} />
            <Radio value="eu" label={`EU (${REGIONS.eu.baseUrl.replace('https://', '')})`} />
          </Group>
        </Radio.Group>
        {form.formError ? <FormLevelAlert error={form.formError} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Create Application
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
