/**
 * The `users` service: the Totango users of the mock account (the acting users of
 * client-credentials apps), through the mock admin API. Disabling or deleting one stops
 * the tokens of every app acting as them; deletion is final.
 */
import type { ContractHandlers } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import type { MockUserView } from '../../../shared/contract/mock-schemas';
import type { ServiceContext } from '../lab-services';
import { segment } from './mock-views';

export type UsersHandlers = ContractHandlers<LabContract>['users'];

export function createUsersHandlers(context: ServiceContext): UsersHandlers {
  const admin = context.mockAdmin;
  const changed = (user: MockUserView): MockUserView => {
    context.events.emit('mock.changed', { what: 'users' });
    return user;
  };
  return {
    list: () => admin.json<{ users: MockUserView[] }>('GET', '/admin/users'),
    create: async (input) => changed(await admin.json<MockUserView>('POST', '/admin/users', input)),
    setStatus: async ({ userId, status }) => changed(await admin.json<MockUserView>('PATCH', `/admin/users/${segment(userId)}`, { status })),
  };
}
