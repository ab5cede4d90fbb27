/**
 * The whole mock Totango: the US and EU regions, each an issuer on its own port with its
 * own keys, and the admin API, all on loopback, over one data directory.
 */
import type { FastifyInstance } from 'fastify';
import { REGION_IDS, type RegionId } from '../../shared/regions';
import { createAdminServer } from './admin/admin-server';
import type { MockClock } from './clock';
import { listenOnLoopback } from './http/server-shell';
import { createMockCore, type MockCore } from './mock-core';
import { regionUrls, type MockUrls } from './mock-urls';
import { createRegionServer } from './region-server';

export interface MockTotangoOptions {
  readonly dataDir: string;
  /**
   * The admin API's port; the US and EU regions take the next two (HTTP) and the two after
   * (HTTPS, for mutual TLS). 0 picks free ports for all five.
   */
  readonly port?: number;
  readonly clock?: MockClock;
  readonly logError?: (message: string, cause: unknown) => void;
}

export const DEFAULT_PORT = 4780;

export interface MockTotango {
  readonly core: MockCore;
  readonly urls: MockUrls;
  stop(): Promise<void>;
}

export async function startMockTotango(options: MockTotangoOptions): Promise<MockTotango> {
  const core = await createMockCore(options);
  const base = options.port ?? DEFAULT_PORT;
  const portFor = (offset: number) => (base === 0 ? 0 : base + offset);
  let urls: MockUrls | undefined;
  const currentUrls = (): MockUrls => {
    if (!urls) throw new Error('the mock is still starting');
    return urls;
  };
  const servers: FastifyInstance[] = [];
  try {
    const admin = createAdminServer(core, currentUrls);
    servers.push(admin);
    const adminUrl = await listenOnLoopback(admin, portFor(0));
    const regions: Partial<Record<RegionId, ReturnType<typeof regionUrls>>> = {};
    for (const [i, region] of REGION_IDS.entries()) {
      const plain = createRegionServer(core, region, 'http');
      const secure = createRegionServer(core, region, 'https');
      servers.push(plain, secure);
      const issuer = await listenOnLoopback(plain, portFor(i + 1));
      const mtlsOrigin = await listenOnLoopback(secure, portFor(i + 1 + REGION_IDS.length), 'https');
      core.setIssuer(region, issuer);
      core.setMtlsOrigin(region, mtlsOrigin);
      regions[region] = regionUrls(issuer, mtlsOrigin);
    }
    urls = {
      admin: adminUrl,
      openapi: `${adminUrl}/openapi.json`,
      caCertificate: `${adminUrl}/admin/pki/ca.pem`,
      regions: regions as Record<RegionId, ReturnType<typeof regionUrls>>,
    };
  } catch (error) {
    await Promise.allSettled([...servers.map((s) => s.close()), core.tokens.close()]);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    core,
    urls,
    stop: () =>
      (stopping ??= (async () => {
        await Promise.allSettled(servers.map((s) => s.close()));
        await Promise.all([core.database.flush(), core.tenant.flush(), core.tokens.close()]);
      })()),
  };
}
