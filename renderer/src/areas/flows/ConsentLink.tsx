import { Button, Stack, Text } from '@mantine/core';

/**
 * Browser mode: the consent page the Lab asked the window to open. The window tried a new
 * tab already, but a pop-up blocker may have refused it (it was not a click), so the
 * person gets the link too.
 */
export function ConsentLink({ url, size = 'sm' }: { readonly url: string; readonly size?: 'sm' | 'lg' }) {
  return (
    <Stack gap={4} align="flex-start">
      <Button component="a" href={url} target="_blank" rel="noopener" size={size} variant="filled" color="orange">
        Open the consent page
      </Button>
      <Text size={size === 'lg' ? 'md' : 'xs'} c="dimmed">
        It opens in a new tab; if none appeared, the browser blocked it: use this button. Sign in as a mock user, then approve.
      </Text>
    </Stack>
  );
}
