/**
 * Test support for the calls, diagnostics, recorder and command-line tests, on top of
 * `lab-mock.ts`: a client-credentials app registered in one call, and its token fetched
 * from the mock's token endpoint over plain HTTP, as any integration would.
 *
 * @see ./lab-mock.ts
 */
import type { RegionId } from '../../../shared/regions';
import type { LabMock, RegisteredApp } from './lab-mock';

export interface ClientApp extends RegisteredApp {
  readonly region: RegionId;
}

export interface ClientAppOptions {
  readonly actingUserId?: string;
  readonly region?: RegionId;
  readonly mutualTls?: boolean;
  readonly accessTokenTtlSeconds?: number;
}

/** A client-credentials app acting as `u-1003` (the seeded integration user) unless told otherwise. */
export async function registerClientApp(lab: LabMock, scopes: readonly string[], options: ClientAppOptions = {}): Promise<ClientApp> {
  const region = options.region ?? 'us';
  const app = await lab.register({
    name: 'Diagnostics test',
    grantType: 'client_credentials',
    actingUserId: options.actingUserId ?? 'u-1003',
    scopes,
    region,
    ...(options.mutualTls === undefined ? {} : { mutualTls: options.mutualTls }),
    ...(options.accessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds: options.accessTokenTtlSeconds }),
  });
  return { ...app, region };
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly scopes: readonly string[];
}

/** A client-credentials token from the app's region (form-body authentication). */
export async function clientCredentialsToken(lab: LabMock, app: ClientApp, scope?: string): Promise<IssuedToken> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret, ...(scope === undefined ? {} : { scope }) });
  const response = await fetch(lab.mock.urls.regions[app.region].token, { method: 'POST', body: form });
  const body = (await response.json()) as { access_token?: string; scope?: string };
  if (response.status !== 200 || body.access_token === undefined) throw new Error(`no token: ${response.status} ${JSON.stringify(body)}`);
  return { accessToken: body.access_token, scopes: (body.scope ?? '').split(' ').filter((s) => s !== '') };
}
