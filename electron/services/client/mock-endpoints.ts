/**
 * Where the mock's regions listen and which CA signs their HTTPS origins, read from its
 * admin API (`GET /admin/status`, `GET /admin/pki/ca.pem`) the way the command line
 * reads them: the Lab reaches the mock over HTTP, as it reaches Totango. Kept once read
 * (the embedded mock's ports do not change); a failed read is tried again next time.
 */
import type { RegionId } from '../../../shared/regions';
import type { MockRegionUrls } from '../../client/targets/target';
import type { MockAdminClient } from '../mock-admin-client';
import { ServiceError } from '../service-error';

export interface MockEndpoints {
  readonly regions: Readonly<Record<RegionId, MockRegionUrls>>;
  /** The mock CA (PEM), to trust its HTTPS origins. */
  readonly caPem: string;
}

interface StatusBody {
  readonly urls?: { readonly regions?: Partial<Record<RegionId, { readonly issuer?: unknown; readonly mtls?: { readonly origin?: unknown } }>> };
}

export class MockEndpointSource {
  #known: MockEndpoints | undefined;
  #pending: Promise<MockEndpoints> | undefined;

  constructor(private readonly admin: MockAdminClient) {}

  /** What is known already, without asking (undefined until the mock answered once). */
  get known(): MockEndpoints | undefined {
    return this.#known;
  }

  /** The mock's endpoints; a `ServiceError` `unavailable` when its admin API does not answer. */
  async get(): Promise<MockEndpoints> {
    if (this.#known !== undefined) return this.#known;
    this.#pending ??= this.read().finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  /** The mock clock's offset from real time, in milliseconds (0 when the mock does not say). */
  async clockOffsetMs(): Promise<number> {
    try {
      const clock = await this.admin.json<{ offsetSeconds?: unknown }>('GET', '/admin/clock');
      return typeof clock.offsetSeconds === 'number' ? clock.offsetSeconds * 1000 : 0;
    } catch {
      return 0;
    }
  }

  private async read(): Promise<MockEndpoints> {
    const status = await this.admin.json<StatusBody>('GET', '/admin/status');
    const regionOf = (region: RegionId): MockRegionUrls => {
      const urls = status.urls?.regions?.[region];
      if (typeof urls?.issuer !== 'string') throw new ServiceError('unavailable', `the mock's status at "${this.admin.adminUrl}/admin/status" lists no "${region}" region`);
      return typeof urls.mtls?.origin === 'string' ? { issuer: urls.issuer, mtls: { origin: urls.mtls.origin } } : { issuer: urls.issuer };
    };
    const regions = { us: regionOf('us'), eu: regionOf('eu') };
    const ca = await this.admin.bytes('GET', '/admin/pki/ca.pem');
    const known: MockEndpoints = { regions, caPem: Buffer.from(ca.bytes).toString('utf8') };
    this.#known = known;
    return known;
  }
}
