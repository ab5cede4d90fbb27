/**
 * What every command of the command line needs before it does its work: the target
 * resolved (the mock's URLs read from its admin status, a Totango region, or a custom
 * base URL), the application's credentials (files read, secrets from flags or the
 * environment, or those stored with `--remember`), a dispatcher for mutual TLS or a
 * CA, and a token from the client-credentials flow unless one was given.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414 (how the target's endpoints are found)
 */
import { readFile } from 'node:fs/promises';
import type { Agent } from 'undici';
import { splitScopeParameter } from '../../../shared/scopes';
import type { TargetKind } from '../diagnostics/write-policy';
import { runClientCredentialsFlow } from '../flows/client-credentials-flow';
import { LabError } from '../flows/lab-error';
import type { TokenResult } from '../flows/token-result';
import type { ExchangeSink } from '../http/exchange';
import type { ClientCertificateSource } from '../http/client-certificate';
import { createRecordingFetch } from '../http/recording-fetch';
import { createTlsAgent } from '../http/tls-agent';
import { decodeTokenForBundle } from '../recorder/repro-bundle';
import { AppCredentials } from '../targets/app-credentials';
import { resolveTarget } from '../targets/resolve-target';
import { mockTarget, targetKey, type ResolvedTarget, type TargetDefinition } from '../targets/target';
import type { CredentialArgs, TargetArgs } from './lab-args';

export interface LabSession {
  readonly kind: TargetKind;
  readonly target: ResolvedTarget;
  readonly credentials: AppCredentials | undefined;
  /** Where the catalogued APIs are called: the HTTPS origin when a certificate is loaded. */
  readonly apiBaseUrl: string;
  readonly dispatcher: Agent | undefined;
  /**
   * Epoch milliseconds by the target's clock: the mock's (its `/admin/status` offset,
   * read when the session opened) against the mock, else this machine's. Expiry is
   * judged by it, as the target's APIs judge it.
   */
  readonly now: () => number;
  /** "the mock's clock" when `now` is the mock's moved clock; undefined otherwise. */
  readonly clockName: string | undefined;
  close(): Promise<void>;
}

export interface AccessTokenInfo {
  readonly accessToken: string;
  readonly scopes: readonly string[];
  readonly result?: TokenResult;
}

/** The mock's admin status URL from `--mock-admin`: an origin, or the status URL itself. */
export function mockStatusUrl(mockAdmin: string): string {
  const trimmed = mockAdmin.replace(/\/+$/, '');
  return trimmed.endsWith('/admin/status') ? trimmed : `${trimmed}/admin/status`;
}

interface MockStatus {
  urls?: { caCertificate?: string; regions?: Record<string, { issuer: string; mtls?: { origin: string } }> };
  clock?: { offsetSeconds?: unknown };
}

/** The mock's target, and how far its clock is moved from this machine's. */
async function mockDefinition(args: TargetArgs, fetchFn: typeof fetch): Promise<{ definition: TargetDefinition; clockOffsetMs: number }> {
  const statusUrl = mockStatusUrl(args.mockAdmin);
  let status: MockStatus;
  try {
    const response = await fetchFn(statusUrl, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    status = (await response.json()) as typeof status;
  } catch (error) {
    throw new LabError('network', `the mock's admin API at "${statusUrl}" did not answer (is \`npm run mock\` running? see "--mock-admin")`, { cause: error });
  }
  const region = status.urls?.regions?.[args.region];
  if (region === undefined) throw new LabError('invalid_response', `the mock's status at "${statusUrl}" lists no "${args.region}" region`);
  const caUrl = status.urls?.caCertificate;
  const caPem = caUrl === undefined ? undefined : await (await fetchFn(caUrl)).text();
  const offsetSeconds = status.clock?.offsetSeconds;
  return {
    definition: mockTarget(args.region, region.mtls === undefined ? { issuer: region.issuer } : { issuer: region.issuer, mtls: { origin: region.mtls.origin } }, caPem),
    clockOffsetMs: typeof offsetSeconds === 'number' && Number.isFinite(offsetSeconds) ? offsetSeconds * 1000 : 0,
  };
}

async function certificateSource(args: CredentialArgs): Promise<ClientCertificateSource | undefined> {
  if (args.pfxFile !== undefined) {
    if (args.pfxPassword === undefined) throw new LabError('invalid_configuration', '"--pfx" needs "--pfx-password" (or TOTANGO_PFX_PASSWORD)');
    return { kind: 'pkcs12', pkcs12: await readFile(args.pfxFile), password: args.pfxPassword };
  }
  if (args.certFile === undefined) return undefined;
  const certificatePem = await readFile(args.certFile, 'utf8');
  return args.keyFile === undefined ? { kind: 'pem', certificatePem } : { kind: 'pem', certificatePem, privateKeyPem: await readFile(args.keyFile, 'utf8') };
}

/** The key the target's credentials are stored under (`mock:us`, `totango:eu`, `custom:https://host`), known without the network. */
export function targetKeyOf(args: TargetArgs): string {
  return targetKey(args.kind === 'mock' ? mockTarget(args.region, { issuer: '' }) : args.kind === 'custom' ? { kind: 'custom', baseUrl: args.baseUrl ?? '' } : { kind: 'totango', region: args.kind });
}

export interface LabSessionOptions {
  readonly fetch?: typeof fetch;
  /** Credentials stored for the target, used when the command line names no client. */
  readonly storedCredentials?: AppCredentials;
}

export async function openLabSession(target: TargetArgs, credentialArgs: CredentialArgs, sink: ExchangeSink, options: LabSessionOptions = {}): Promise<LabSession> {
  const fetchFn = options.fetch ?? fetch;
  const customCa = target.caFile === undefined ? undefined : await readFile(target.caFile, 'utf8');
  let definition: TargetDefinition;
  let clockOffsetMs = 0;
  if (target.kind === 'mock') ({ definition, clockOffsetMs } = await mockDefinition(target, fetchFn));
  else if (target.kind === 'custom') definition = { kind: 'custom', baseUrl: target.baseUrl ?? '', ...(customCa === undefined ? {} : { caPem: customCa }) };
  else definition = { kind: 'totango', region: target.kind };
  const certificate = await certificateSource(credentialArgs);
  const stored = options.storedCredentials;
  const credentials =
    credentialArgs.clientId === undefined
      ? stored?.with({ ...(certificate === undefined ? {} : { certificate }), ...(customCa === undefined ? {} : { caPem: customCa }) })
      : new AppCredentials({
          clientId: credentialArgs.clientId,
          authMethod: credentialArgs.authMethod,
          ...(credentialArgs.clientSecret === undefined ? {} : { clientSecret: credentialArgs.clientSecret }),
          ...(certificate === undefined ? {} : { certificate }),
          ...(customCa === undefined ? {} : { caPem: customCa }),
        });
  const caPems = new Set([definition.kind === 'totango' ? undefined : definition.caPem, customCa, credentials?.caPem].filter((pem): pem is string => pem !== undefined));
  const caPem = [...caPems].join('\n') || undefined;
  const loaded = credentials?.certificate();
  const dispatcher = loaded === undefined && caPem === undefined ? undefined : createTlsAgent({ ...(loaded === undefined ? {} : { certificate: loaded }), ...(caPem === undefined ? {} : { caPem }) });
  const resolved = await resolveTarget(definition, { fetch: createRecordingFetch({ sink, ...(dispatcher === undefined ? {} : { dispatcher }) }) });
  return {
    kind: target.kind,
    target: resolved,
    credentials,
    apiBaseUrl: loaded === undefined ? resolved.apiBase : resolved.mtlsApiBase,
    dispatcher,
    now: clockOffsetMs === 0 ? Date.now : () => Date.now() + clockOffsetMs,
    clockName: clockOffsetMs === 0 ? undefined : "the mock's clock",
    close: async () => {
      await dispatcher?.close();
    },
  };
}

/** The token to use: the one given, else a client-credentials token for the scopes asked (all of the app's when none). */
export async function obtainAccessToken(session: LabSession, args: CredentialArgs, sink: ExchangeSink): Promise<AccessTokenInfo> {
  if (args.accessToken !== undefined) {
    const decoded = decodeTokenForBundle(args.accessToken);
    const scope = decoded.kind === 'jwt' && typeof decoded.claims['scope'] === 'string' ? decoded.claims['scope'] : '';
    return { accessToken: args.accessToken, scopes: splitScopeParameter(scope) };
  }
  if (session.credentials === undefined) {
    throw new LabError('invalid_configuration', 'no credentials: give "--client-id" and "--client-secret" (or TOTANGO_CLIENT_ID and TOTANGO_CLIENT_SECRET), or "--access-token"; "--remember" stores them for the next runs');
  }
  const result = await runClientCredentialsFlow({
    target: session.target,
    credentials: session.credentials,
    sink,
    ...(args.scope === undefined ? {} : { scopes: splitScopeParameter(args.scope) }),
  });
  return { accessToken: result.accessToken, scopes: result.scopes, result };
}
