/**
 * The `applications` service: the mock account's OAuth applications, as Totango's
 * Integrations > OAuth Applications page, through the mock admin API. The client secret
 * comes back once at creation; the Lab keeps it in memory for the session (never on
 * disk, never sent to the window again), so that the app can run a flow right away.
 */
import type { ContractHandlers } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import type { MockSettingsView } from '../../../shared/contract/mock-schemas';
import type { ServiceContext } from '../lab-services';
import { ServiceError } from '../service-error';
import { applicationView, pemFile, pkcs12File, safeFileStem, segment, type AdminApplication } from './mock-views';

export type ApplicationsHandlers = ContractHandlers<LabContract>['applications'];

export function createApplicationsHandlers(context: ServiceContext): ApplicationsHandlers {
  const { mockAdmin: admin, secrets } = context;
  const view = (application: AdminApplication) => applicationView(application, secrets);
  const path = (clientId: string, rest = '') => `/admin/applications/${segment(clientId)}${rest}`;
  const changed = <T>(value: T): T => {
    context.events.emit('mock.changed', { what: 'applications' });
    return value;
  };

  return {
    async list() {
      const [{ applications }, settings] = await Promise.all([
        admin.json<{ applications: AdminApplication[] }>('GET', '/admin/applications'),
        admin.json<MockSettingsView>('GET', '/admin/settings'),
      ]);
      return { applications: applications.map(view), limit: settings.applicationLimit };
    },

    async get({ clientId }) {
      return view(await admin.json<AdminApplication>('GET', path(clientId)));
    },

    async create(input) {
      // The mock's own message for a third application (Totango's) reaches the window unchanged.
      const created = await admin.json<{ application: AdminApplication; clientSecret: string }>('POST', '/admin/applications', input);
      secrets.remember(created.application.clientId, created.clientSecret);
      return changed({ application: view(created.application), clientSecret: created.clientSecret });
    },

    async update({ clientId, ...changes }) {
      return changed(view(await admin.json<AdminApplication>('PATCH', path(clientId), changes)));
    },

    async remove({ clientId }) {
      await admin.json<undefined>('DELETE', path(clientId));
      secrets.forget(clientId);
      return changed({ done: true as const });
    },

    async exportCertificate({ clientId, format, password }) {
      if (format === 'pkcs12' && password === undefined) {
        throw new ServiceError('invalid_input', 'a PKCS#12 export needs a "password" (at least 4 characters) to protect the private key', { field: 'password' });
      }
      if (format === 'pem' && password !== undefined) {
        throw new ServiceError('invalid_input', 'a PEM export takes no "password": the private key in the bundle is unencrypted', { field: 'password' });
      }
      const application = await admin.json<AdminApplication>('GET', path(clientId));
      const stem = safeFileStem(application.name);
      const file = await admin.bytes('POST', path(clientId, '/certificate/export'), format === 'pem' ? { format } : { format, password });
      return format === 'pem' ? pemFile(`${stem}.pem`, file.bytes) : pkcs12File(`${stem}.p12`, file.bytes);
    },

    async renewCertificate({ clientId }) {
      return changed(view(await admin.json<AdminApplication>('POST', path(clientId, '/certificate/renew'))));
    },

    async expireCertificate({ clientId }) {
      return changed(view(await admin.json<AdminApplication>('POST', path(clientId, '/certificate/expire'))));
    },
  };
}
