/** How an application's settings read on screen. */
import type { ApplicationView, MockUserView } from '../../stores/workbench-store';

export const GRANT_TYPE_LABELS: Readonly<Record<ApplicationView['grantType'], string>> = {
  authorization_code: 'Authorization Code',
  client_credentials: 'Client Credentials',
};

/** The acting user of a client-credentials app, by name, and whether it can still act (active). */
export function actingUser(application: ApplicationView, users: readonly MockUserView[]): { readonly label: string; readonly active: boolean } | null {
  if (application.actingUserId === null) return null;
  const user = users.find((u) => u.id === application.actingUserId);
  if (user === undefined) return { label: application.actingUserId, active: false };
  return { label: `${user.firstName} ${user.lastName}${user.status === 'active' ? '' : ` (${user.status})`}`, active: user.status === 'active' };
}

/** A date and time in the person's locale, from an ISO string (to the second for certificates). */
export function formatDateTime(iso: string, withSeconds = false): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: withSeconds ? 'medium' : 'short' });
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function applicationCount(count: number, limit: number): string {
  return `${count} of ${limit} application${limit === 1 ? '' : 's'}`;
}
