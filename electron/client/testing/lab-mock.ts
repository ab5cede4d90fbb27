/**
 * Test support for the client engine: the real mock Totango on free loopback ports over
 * a fresh data directory, and its admin API over HTTP. The client under test reaches
 * the mock only over HTTP(S), through the URLs the mock reports, as it reaches Totango;
 * this file is the only one of the client's that starts it (tests only).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegionId } from '../../../shared/regions';
import { startMockTotango, type MockTotango } from '../../mock/mock-totango';
import { mockTarget, type TargetDefinition } from '../targets/target';

export interface RegisteredApp {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly application: Readonly<Record<string, unknown>>;
}

export interface AppRegistration {
  readonly name?: string;
  readonly region?: RegionId;
  readonly grantType: 'authorization_code' | 'client_credentials';
  readonly callbackUrls?: readonly string[];
  readonly actingUserId?: string;
  readonly scopes: readonly string[];
  readonly accessTokenTtlSeconds?: number;
  readonly mutualTls?: boolean;
}

export interface LabMock {
  readonly mock: MockTotango;
  /** The mock CA (PEM), for its HTTPS origins. */
  readonly caPem: string;
  /** Everything the mock logged as a server error (a test that sees one has found a mock bug). */
  readonly loggedErrors: string[];
  /** The mock as a target (what the app passes from the ready line). */
  target(region?: RegionId): TargetDefinition;
  issuer(region?: RegionId): string;
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  register(input: AppRegistration): Promise<RegisteredApp>;
  exportPem(clientId: string): Promise<string>;
  exportPkcs12(clientId: string, password: string): Promise<Buffer>;
  /** Moves the mock clock; returns the mock's time afterwards (epoch ms). */
  advanceClock(seconds: number): Promise<number>;
  resetClock(): Promise<void>;
  stop(): Promise<void>;
}

export async function startLabMock(): Promise<LabMock> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lab-client-'));
  const loggedErrors: string[] = [];
  const mock = await startMockTotango({ dataDir, port: 0, logError: (message) => loggedErrors.push(message) });
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${mock.urls.admin}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  };
  const caPem = await (await fetch(mock.urls.caCertificate)).text();
  const settings = await admin('PATCH', '/admin/settings', { applicationLimit: 100 });
  if (settings.status !== 200) throw new Error(`raising the application limit failed: ${settings.status}`);

  const exportCertificate = async (clientId: string, body: unknown): Promise<Response> => {
    const response = await fetch(`${mock.urls.admin}/admin/applications/${clientId}/certificate/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 200) throw new Error(`exporting the certificate failed: ${response.status} ${await response.text()}`);
    return response;
  };

  return {
    mock,
    caPem,
    loggedErrors,
    target: (region = 'us') => mockTarget(region, mock.urls.regions[region], caPem),
    issuer: (region = 'us') => mock.urls.regions[region].issuer,
    admin,
    async register(input) {
      const response = await admin<{ application: Record<string, unknown>; clientSecret: string }>('POST', '/admin/applications', { name: 'Lab client test', ...input });
      if (response.status !== 201) throw new Error(`registering the application failed: ${response.status} ${JSON.stringify(response.body)}`);
      return { clientId: String(response.body.application['clientId']), clientSecret: response.body.clientSecret, application: response.body.application };
    },
    exportPem: async (clientId) => (await exportCertificate(clientId, { format: 'pem' })).text(),
    exportPkcs12: async (clientId, password) => Buffer.from(await (await exportCertificate(clientId, { format: 'pkcs12', password })).arrayBuffer()),
    async advanceClock(seconds) {
      const response = await admin<{ now: string }>('POST', '/admin/clock/advance', { seconds });
      return Date.parse(response.body.now);
    },
    async resetClock() {
      await admin('POST', '/admin/clock/reset');
    },
    async stop() {
      await mock.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
