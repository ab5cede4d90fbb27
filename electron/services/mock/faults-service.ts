/**
 * The `faults` service: fault injection on the mock (fail, rate-limit or slow the next
 * requests to a target), for reproducing a customer's failure.
 */
import type { ContractHandlers } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import type { ServiceContext } from '../lab-services';
import { faultView, segment, type AdminFault } from './mock-views';

export type FaultsHandlers = ContractHandlers<LabContract>['faults'];

export function createFaultsHandlers(context: ServiceContext): FaultsHandlers {
  const admin = context.mockAdmin;
  const changed = <T>(value: T): T => {
    context.events.emit('mock.changed', { what: 'faults' });
    return value;
  };
  return {
    async list() {
      const { faults } = await admin.json<{ faults: AdminFault[] }>('GET', '/admin/faults');
      return { faults: faults.map(faultView) };
    },
    inject: async (input) => changed(faultView(await admin.json<AdminFault>('POST', '/admin/faults', input))),
    async clear({ faultId }) {
      await admin.json<undefined>('DELETE', `/admin/faults/${segment(faultId)}`);
      return changed({ done: true as const });
    },
    async clearAll() {
      await admin.json<undefined>('DELETE', '/admin/faults');
      return changed({ done: true as const });
    },
  };
}
