import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApplicationView } from '../../stores/workbench-store';
import { lifetimeParts, lifetimeSeconds, type LifetimeParts } from './token-lifetime';
import { TokenLifetimeField } from './TokenLifetimeField';
import { useApplicationUpdate } from './use-application-update';

/** "Update the access token expiration": new tokens get the new lifetime; tokens issued before keep theirs. */
export function LifetimeEditor({ application }: { readonly application: ApplicationView }) {
  const [parts, setParts] = useState<LifetimeParts>(() => lifetimeParts(application.accessTokenTtlSeconds));
  const update = useApplicationUpdate(application.clientId, 'the access token expiration');
  const checked = lifetimeSeconds(parts);
  const seconds = 'seconds' in checked ? checked.seconds : undefined;
  const error = 'problem' in checked ? checked.problem : update.fieldError?.message;
  return (
    <Stack gap="xs">
      <TokenLifetimeField
        value={parts}
        onChange={(next) => {
          setParts(next);
          update.editing();
        }}
        error={error}
        disabled={update.saving}
        bare
      />
      <Text size="xs" c="dimmed">
        At most 24 hours, the default. New tokens get the new lifetime; tokens issued before keep theirs.
      </Text>
      <Group gap="sm">
        <Button size="xs" loading={update.saving} disabled={seconds === undefined || seconds === application.accessTokenTtlSeconds} onClick={() => seconds !== undefined && void update.save({ accessTokenTtlSeconds: seconds })}>
          Save the expiration
        </Button>
        <Text size="xs" c="dimmed" role="status">
          {update.saved ? 'Saved.' : ''}
        </Text>
      </Group>
    </Stack>
  );
}
