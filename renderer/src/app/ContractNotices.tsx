import { Notification, Stack } from '@mantine/core';
import { useNotices } from '../stores/lab-stores';

/** Contract errors as notifications, newest last, each with its code and message. */
export function ContractNotices() {
  const notices = useNotices((state) => state.notices);
  const dismiss = useNotices((state) => state.dismiss);
  if (notices.length === 0) return null;
  return (
    <Stack gap="xs" pos="fixed" bottom={16} right={16} w={380} style={{ zIndex: 400 }}>
      {notices.map((notice) => (
        <Notification
          key={notice.id}
          role="alert"
          color="red"
          title={notice.context === undefined ? `Error: ${notice.code}` : `Error ${notice.context}: ${notice.code}`}
          closeButtonProps={{ 'aria-label': 'Dismiss this notification' }}
          onClose={() => dismiss(notice.id)}
        >
          {notice.message}
        </Notification>
      ))}
    </Stack>
  );
}
