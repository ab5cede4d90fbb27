import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApplicationView } from '../../stores/workbench-store';
import { callbackUrlProblems } from './callback-url-rules';
import { CallbackUrlsField } from './CallbackUrlsField';
import { useApplicationUpdate } from './use-application-update';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((url, i) => url === b[i]);

/** "Modify the list of authorization callback URLs" of an authorization-code app. */
export function CallbackUrlsEditor({ application }: { readonly application: ApplicationView }) {
  const [urls, setUrls] = useState<readonly string[]>(application.callbackUrls);
  const update = useApplicationUpdate(application.clientId, 'the callback URLs');
  const problems = callbackUrlProblems(urls);
  const valid = urls.length > 0 && problems.every((p) => p === undefined);
  const fieldError = update.fieldError;
  const lineError = (index: number) => problems[index] ?? (fieldError?.field === `callbackUrls.${index}` ? fieldError.message : undefined);
  return (
    <Stack gap="xs">
      <CallbackUrlsField
        urls={urls}
        onChange={(next) => {
          setUrls(next);
          update.editing();
        }}
        onTouch={() => undefined}
        error={fieldError?.field === 'callbackUrls' ? fieldError.message : undefined}
        lineError={lineError}
        disabled={update.saving}
        bare
      />
      <Group gap="sm">
        <Button size="xs" loading={update.saving} disabled={!valid || sameList(urls, application.callbackUrls)} onClick={() => void update.save({ callbackUrls: [...urls] })}>
          Save the callback URLs
        </Button>
        <Text size="xs" c="dimmed" role="status">
          {update.saved ? 'Saved. The mock now redirects only to these URLs.' : ''}
        </Text>
      </Group>
    </Stack>
  );
}
