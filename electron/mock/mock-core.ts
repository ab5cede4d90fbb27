/**
 * The mock's services, built once over one data directory and shared by both regions'
 * servers and the admin API.
 */
import type { RegionId } from '../../shared/regions';
import { AccessTokens } from './access-tokens';
import { TenantData } from './api/tenant-data';
import { FaultInjector } from './faults';
import { ApplicationRegistry } from './applications';
import { AuthorizationCodes } from './authorization-codes';
import { MockClock } from './clock';
import { MockDatabase } from './mock-database';
import { RequestLog } from './request-log';
import { UserDirectory } from './users';

export interface MockCore {
  readonly dataDir: string;
  readonly clock: MockClock;
  readonly database: MockDatabase;
  readonly applications: ApplicationRegistry;
  readonly users: UserDirectory;
  readonly tokens: AccessTokens;
  readonly codes: AuthorizationCodes;
  /** The tenant's data behind the catalogued APIs: accounts, users, touchpoints, SCIM, audit. */
  readonly tenant: TenantData;
  readonly faults: FaultInjector;
  /** The last requests the admin API and both regions answered, for the Lab's live log. */
  readonly requestLog: RequestLog;
  /** The issuer URL of a region: its server's origin, known once it listens. */
  issuer(region: RegionId): string;
  setIssuer(region: RegionId, url: string): void;
  /** The HTTPS origin of a region, where mutual-TLS apps get tokens and call the APIs (RFC 8705 §5). */
  mtlsOrigin(region: RegionId): string;
  setMtlsOrigin(region: RegionId, url: string): void;
  /** Where unexpected errors are reported; never sent to a client. */
  readonly logError: (message: string, cause: unknown) => void;
}

export async function createMockCore(options: {
  dataDir: string;
  clock?: MockClock;
  logError?: (message: string, cause: unknown) => void;
}): Promise<MockCore> {
  const clock = options.clock ?? new MockClock();
  const database = await MockDatabase.open(options.dataDir, clock);
  const issuers: Partial<Record<RegionId, string>> = {};
  const issuer = (region: RegionId): string => {
    const url = issuers[region];
    if (url === undefined) throw new Error(`the ${region} region is not listening yet`);
    return url;
  };
  const mtlsOrigins: Partial<Record<RegionId, string>> = {};
  const applications = new ApplicationRegistry(database, clock);
  await applications.issueMissingCertificates();
  const users = new UserDirectory(database, clock);
  const tenant = await TenantData.open(options.dataDir, () => clock.now());
  return {
    dataDir: options.dataDir,
    clock,
    database,
    applications,
    users,
    tokens: new AccessTokens(database, clock, applications, users, issuer),
    codes: new AuthorizationCodes(clock, () => database.state.settings.authorizationCodeTtlSeconds),
    tenant,
    faults: new FaultInjector(),
    requestLog: new RequestLog(clock),
    issuer,
    setIssuer: (region, url) => {
      issuers[region] = url;
    },
    mtlsOrigin: (region) => {
      const url = mtlsOrigins[region];
      if (url === undefined) throw new Error(`the ${region} region's HTTPS server is not listening yet`);
      return url;
    },
    setMtlsOrigin: (region, url) => {
      mtlsOrigins[region] = url;
    },
    logError: options.logError ?? ((message, cause) => console.error(`[mock] ${message}`, cause)),
  };
}
