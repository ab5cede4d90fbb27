/**
 * The `mock` service: the mock Totango's status, CA certificate, settings, clock, data
 * reset, token revocation and request log, through its admin API (the same one an
 * integration's CI drives, so an external mock works as well as the embedded one).
 */
import type { ContractHandlers } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import { mockStatusSchema, type MOCK_CHANGE_KINDS, type MockRequestView, type MockSettingsView, type MockStatus } from '../../../shared/contract/mock-schemas';
import type { ServiceContext } from '../lab-services';
import { ServiceError } from '../service-error';
import { pemFile } from './mock-views';

export type MockHandlers = ContractHandlers<LabContract>['mock'];

export const CA_FILE_NAME = 'totango-lab-mock-ca.pem';

type Clock = { now: string; offsetSeconds: number };
type MockChangeKind = (typeof MOCK_CHANGE_KINDS)[number];

/** What `GET /admin/status` holds that the window shows; the rest (its own `status`, the data file) stays out. */
const adminStatusSchema = mockStatusSchema.omit({ state: true, message: true });

export function createMockServiceHandlers(context: ServiceContext): MockHandlers {
  const admin = context.mockAdmin;
  const changed = <T>(what: MockChangeKind, value: T): T => {
    context.events.emit('mock.changed', { what });
    return value;
  };

  return {
    async status(): Promise<MockStatus> {
      let body: unknown;
      try {
        body = await admin.json<unknown>('GET', '/admin/status');
      } catch (error) {
        const why = error instanceof ServiceError ? error.message : `the mock's admin API at "${admin.adminUrl}" failed`;
        return { state: 'stopped', message: why, warnings: [] };
      }
      const status = adminStatusSchema.safeParse(body);
      if (!status.success) {
        return { state: 'stopped', message: `the admin API at "${admin.adminUrl}" answered, but not with a mock Totango status`, warnings: [] };
      }
      return { state: context.mockRequests === undefined ? 'external' : 'embedded', ...status.data };
    },

    async caCertificate() {
      const { bytes } = await admin.bytes('GET', '/admin/pki/ca.pem');
      return pemFile(CA_FILE_NAME, bytes);
    },

    updateSettings: async (changes) => changed('settings', await admin.json<MockSettingsView>('PATCH', '/admin/settings', changes)),
    advanceClock: async ({ seconds }) => changed('clock', await admin.json<Clock>('POST', '/admin/clock/advance', { seconds })),
    resetClock: async () => changed('clock', await admin.json<Clock>('POST', '/admin/clock/reset')),

    async resetData() {
      await admin.json<{ reset: true }>('POST', '/admin/data/reset');
      return changed('data', { done: true as const });
    },

    // The token never reaches a log or an error message: the admin API names neither.
    revokeToken: ({ token }) => admin.json<{ revoked: boolean; jti?: string; region?: string }>('POST', '/admin/tokens/revoke', { token }),

    async requests({ after, limit }) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (after !== undefined) query.set('after', String(after));
      return admin.json<{ requests: MockRequestView[] }>('GET', `/admin/requests?${query.toString()}`);
    },
  };
}
