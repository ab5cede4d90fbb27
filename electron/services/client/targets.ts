/**
 * The `targets` service: where flows, calls and diagnostics go, and the credentials
 * loaded for each. A mock application registered in this session is loaded in one step
 * (`useApplication`): its secret from the session, and for mutual TLS its certificate
 * and key exported from the mock.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414 (resolve)
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-3.1 (the certificate's x5t#S256 thumbprint)
 */
import type { ContractHandlers } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import type { TargetView } from '../../../shared/contract/client-schemas';
import type { ApplicationView } from '../../../shared/contract/mock-schemas';
import type { ClientCertificateSource } from '../../client/http/client-certificate';
import { AppCredentials } from '../../client/targets/app-credentials';
import { checkBaseUrl } from '../../client/targets/resolve-target';
import { ServiceError } from '../service-error';
import { checkCaPem, summarize } from './credential-keeper';
import { DEFAULT_TARGET } from './preferences';
import type { ClientSession } from './session-state';

type TargetsHandlers = ContractHandlers<LabContract>['targets'];
type SetCredentialsInput = Parameters<TargetsHandlers['setCredentials']>[0];

async function targetView(session: ClientSession, key: string): Promise<TargetView> {
  const entry = await session.targets.entry(key);
  return { ...entry, credentials: await session.credentials.summary(key) };
}

function requireKnown(session: ClientSession, key: string): void {
  if (!session.targets.has(key)) throw new ServiceError('not_found', `no target "${key.slice(0, 200)}": choose one of "targets.list", or add a custom base URL`, { field: 'targetKey' });
}

function certificateSource(input: SetCredentialsInput['certificate']): ClientCertificateSource | undefined {
  if (input === undefined) return undefined;
  if (input.kind === 'pem') return input.privateKeyPem === undefined ? { kind: 'pem', certificatePem: input.certificatePem } : { kind: 'pem', certificatePem: input.certificatePem, privateKeyPem: input.privateKeyPem };
  if (!/^[A-Za-z0-9+/=\s]+$/.test(input.pkcs12Base64)) throw new ServiceError('invalid_input', '"certificate.pkcs12Base64" is not base64', { field: 'certificate.pkcs12Base64' });
  return { kind: 'pkcs12', pkcs12: Buffer.from(input.pkcs12Base64, 'base64'), password: input.password };
}

/** Holds the credentials for a target, checking the certificate first (a wrong key or password fails here, not mid-flow). */
async function loadCredentials(session: ClientSession, key: string, credentials: AppCredentials, remember: boolean): Promise<{ persisted: boolean }> {
  credentials.certificate();
  const stored = await session.credentials.set(key, credentials, remember);
  session.targets.forget(key);
  return stored;
}

/**
 * Loads a mock application registered in this session as the credentials of its region's
 * mock target (with its certificate and key, exported from the mock, for mutual TLS),
 * and selects that target. Returns the target's key.
 */
export async function useMockApplication(session: ClientSession, clientId: string, authMethod?: 'client_secret_basic' | 'client_secret_post'): Promise<string> {
  const { context } = session;
  const app = await context.mockAdmin.json<ApplicationView>('GET', `/admin/applications/${encodeURIComponent(clientId)}`);
  const clientSecret = context.secrets.get(app.clientId);
  if (clientSecret === undefined) {
    throw new ServiceError('credentials_unavailable', `the Lab does not hold the client secret of "${app.clientId}" (the mock shows it once, to whoever registered the app): enter it with "targets.setCredentials"`, { field: 'clientId' });
  }
  let certificate: ClientCertificateSource | undefined;
  if (app.mutualTls) {
    const exported = await context.mockAdmin.bytes('POST', `/admin/applications/${encodeURIComponent(app.clientId)}/certificate/export`, { format: 'pem' });
    certificate = { kind: 'pem', certificatePem: Buffer.from(exported.bytes).toString('utf8') };
  }
  const key = `mock:${app.region}`;
  const credentials = new AppCredentials({ clientId: app.clientId, clientSecret, ...(authMethod === undefined ? {} : { authMethod }), ...(certificate === undefined ? {} : { certificate }) });
  await loadCredentials(session, key, credentials, false);
  await session.preferences.update({ selectedTarget: key });
  session.targetsChanged();
  return key;
}

export function targetsHandlers(session: ClientSession): TargetsHandlers {
  return {
    async list() {
      const entries = await session.targets.entries();
      const targets = await Promise.all(entries.map(async (entry) => ({ ...entry, credentials: await session.credentials.summary(entry.key) })));
      return { targets, selected: session.selectedTarget };
    },
    async select({ targetKey }) {
      requireKnown(session, targetKey);
      await session.preferences.update({ selectedTarget: targetKey });
      session.targetsChanged();
      return targetView(session, targetKey);
    },
    async resolve({ targetKey }) {
      const key = targetKey ?? session.selectedTarget;
      requireKnown(session, key);
      const target = await session.targets.resolve(key, true);
      return {
        key: target.key,
        label: target.label,
        issuer: target.issuer,
        authorizationEndpoint: target.authorizationEndpoint,
        tokenEndpoint: target.tokenEndpoint,
        ...(target.mtlsTokenEndpoint === undefined ? {} : { mtlsTokenEndpoint: target.mtlsTokenEndpoint }),
        ...(target.jwksUri === undefined ? {} : { jwksUri: target.jwksUri }),
        apiBase: target.apiBase,
        mtlsApiBase: target.mtlsApiBase,
        source: target.source,
      };
    },
    async addCustom({ baseUrl, label, caPem }) {
      const url = checkBaseUrl(baseUrl).href.replace(/\/+$/, '');
      if (caPem !== undefined) checkCaPem(caPem, 'caPem');
      await session.preferences.putCustomTarget({ baseUrl: url, ...(label === undefined ? {} : { label }), ...(caPem === undefined ? {} : { caPem }) });
      const key = `custom:${url}`;
      session.targets.forget(key);
      session.targetsChanged();
      return targetView(session, key);
    },
    async removeCustom({ targetKey }) {
      if (!targetKey.startsWith('custom:')) throw new ServiceError('invalid_input', `"targetKey" must name a custom target; "${targetKey.slice(0, 200)}" is built in`, { field: 'targetKey' });
      requireKnown(session, targetKey);
      await session.credentials.forget(targetKey);
      session.targets.forget(targetKey);
      await session.preferences.removeCustomTarget(targetKey.slice('custom:'.length));
      if (session.selectedTarget === targetKey) await session.preferences.update({ selectedTarget: DEFAULT_TARGET });
      session.targetsChanged();
      return { done: true as const };
    },
    async setCredentials(input) {
      requireKnown(session, input.targetKey);
      if (input.caPem !== undefined) checkCaPem(input.caPem, 'caPem');
      const certificate = certificateSource(input.certificate);
      const credentials = new AppCredentials({
        clientId: input.clientId,
        authMethod: input.authMethod,
        ...(input.clientSecret === undefined || input.clientSecret === '' ? {} : { clientSecret: input.clientSecret }),
        ...(certificate === undefined ? {} : { certificate }),
        ...(input.caPem === undefined ? {} : { caPem: input.caPem }),
      });
      const { persisted } = await loadCredentials(session, input.targetKey, credentials, input.remember);
      session.targetsChanged();
      return summarize(credentials, persisted);
    },
    async useApplication({ clientId }) {
      const key = await useMockApplication(session, clientId);
      return targetView(session, key);
    },
    async forgetCredentials({ targetKey }) {
      requireKnown(session, targetKey);
      const forgotten = await session.credentials.forget(targetKey);
      session.targets.forget(targetKey);
      if (forgotten) session.targetsChanged();
      return { forgotten };
    },
  };
}
