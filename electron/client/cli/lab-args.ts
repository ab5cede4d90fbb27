/**
 * The command line of `npm run lab -- <command> …`: parsed into one typed command, or a
 * `UsageError` whose message names the option at fault. Secrets may come from the
 * environment (`TOTANGO_CLIENT_ID`, `TOTANGO_CLIENT_SECRET`, `TOTANGO_ACCESS_TOKEN`), so
 * that they stay out of shell history; the passphrase that seals remembered credentials
 * comes from `TOTANGO_LAB_PASSPHRASE` only.
 *
 * @see ./lab-help.ts (the options, as the user reads them)
 */
import { parseArgs } from 'node:util';
import { findEndpoint, type EndpointId } from '../../../shared/catalogue';
import { isRegionId, type RegionId } from '../../../shared/regions';
import { resolveDataDir } from '../../data-dir';
import type { TargetKind } from '../diagnostics/write-policy';
import { MIN_PASSPHRASE_LENGTH, PASSPHRASE_VARIABLE } from '../targets/passphrase-secret-store';

export const DEFAULT_MOCK_ADMIN = 'http://127.0.0.1:4780';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface TargetArgs {
  readonly kind: TargetKind;
  /** The region: implied by `us`/`eu`, chosen with `--region` on the mock (default us). */
  readonly region: RegionId;
  readonly baseUrl?: string;
  readonly mockAdmin: string;
  readonly caFile?: string;
}

export interface CredentialArgs {
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly authMethod: 'client_secret_basic' | 'client_secret_post';
  readonly scope?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly pfxFile?: string;
  readonly pfxPassword?: string;
  /** A token to use as it is, instead of getting one. */
  readonly accessToken?: string;
}

/** Credentials kept between runs (`--remember`, `--forget`), sealed in `<dataDir>/credentials.json`. */
export interface StoreArgs {
  /** `--data-dir`, else TOTANGO_LAB_DATA_DIR, else ~/.totango-oauth-lab. */
  readonly dataDir: string;
  readonly remember: boolean;
  readonly forget: boolean;
  /** From TOTANGO_LAB_PASSPHRASE only: a flag would land in shell history. */
  readonly passphrase?: string;
}

/** What a run leaves for a person to replay: its exchanges as HAR, and as curl commands. */
export interface RecordingArgs {
  /** `--har FILE`: write every HTTP exchange of the run as HAR 1.2 (redacted). */
  readonly harFile?: string;
  /** `--curl`: print each exchange as a curl command on stderr, secrets as shell variables. */
  readonly curl: boolean;
}

interface Common {
  readonly target: TargetArgs;
  readonly credentials: CredentialArgs;
  readonly store: StoreArgs;
  readonly recording: RecordingArgs;
  readonly json: boolean;
  readonly color: boolean | undefined;
}

export type LabCommand =
  | ({
      readonly command: 'diagnose';
      readonly endpointIds?: readonly EndpointId[];
      /** `--needs`: the endpoints the integration calls, for the least-privilege review. */
      readonly neededEndpointIds?: readonly EndpointId[];
      readonly bundleFile?: string;
      readonly allowWrites: boolean;
      readonly concurrency: number;
    } & Common)
  | ({ readonly command: 'token' } & Common)
  | ({ readonly command: 'call'; readonly endpointId: EndpointId; readonly params: Readonly<Record<string, string>>; readonly query: Readonly<Record<string, string>>; readonly bodyFile?: string } & Common)
  | ({ readonly command: 'flow'; readonly grant: 'authorization-code' | 'client-credentials'; readonly redirectPort: number; readonly timeoutSeconds: number } & Common)
  /** `--forget` with no command: remove the target's stored credentials, and nothing else. */
  | { readonly command: 'forget'; readonly target: TargetArgs; readonly store: StoreArgs }
  | { readonly command: 'help' };

const OPTIONS = {
  target: { type: 'string', default: 'mock' },
  region: { type: 'string' },
  'base-url': { type: 'string' },
  'mock-admin': { type: 'string' },
  ca: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  auth: { type: 'string', default: 'basic' },
  scope: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  pfx: { type: 'string' },
  'pfx-password': { type: 'string' },
  'access-token': { type: 'string' },
  remember: { type: 'boolean', default: false },
  forget: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
  endpoints: { type: 'string' },
  needs: { type: 'string' },
  bundle: { type: 'string' },
  har: { type: 'string' },
  curl: { type: 'boolean', default: false },
  'allow-writes': { type: 'boolean', default: false },
  concurrency: { type: 'string', default: '8' },
  param: { type: 'string', multiple: true },
  query: { type: 'string', multiple: true },
  body: { type: 'string' },
  'redirect-port': { type: 'string', default: '0' },
  timeout: { type: 'string', default: '300' },
  json: { type: 'boolean', default: false },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseLabArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): LabCommand {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^./, (c) => c.toLowerCase()).split('\n')[0] ?? 'bad arguments', { cause: error });
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help === true || command === 'help' || (command === undefined && !values.forget && !values.remember)) return { command: 'help' };
  const credentials = credentialArgs(values, env);
  const store = storeArgs(values, credentials, env);
  if (command === undefined) {
    if (values.remember) throw new UsageError('"--remember" stores the credentials a command uses: give a command (diagnose, token, call or flow)');
    return { command: 'forget', target: targetArgs(values), store };
  }
  if (values.har === '') throw new UsageError('"--har" needs a file name');
  if (values.needs !== undefined && command !== 'diagnose') throw new UsageError('"--needs" goes with "diagnose" only');
  const common: Common = {
    target: targetArgs(values),
    credentials,
    store,
    recording: { ...(values.har === undefined ? {} : { harFile: values.har }), curl: values.curl },
    json: values.json,
    color: values['no-color'] === true ? false : values.color,
  };
  switch (command) {
    case 'diagnose':
      noMorePositionals(rest, 'diagnose');
      return {
        command,
        ...common,
        ...(values.endpoints === undefined ? {} : { endpointIds: values.endpoints.split(',').map((id) => endpointId(id.trim(), '--endpoints')) }),
        ...(values.needs === undefined ? {} : { neededEndpointIds: values.needs.split(',').map((id) => endpointId(id.trim(), '--needs')) }),
        ...(values.bundle === undefined ? {} : { bundleFile: values.bundle }),
        allowWrites: values['allow-writes'],
        concurrency: integer(values.concurrency, '--concurrency', 1, 64),
      };
    case 'token':
      noMorePositionals(rest, 'token');
      return { command, ...common };
    case 'call': {
      const [id, ...extra] = rest;
      if (id === undefined) throw new UsageError('missing endpoint id: "call <endpoint-id>"');
      noMorePositionals(extra, 'call');
      const endpoint = endpointId(id, 'call');
      return { command, ...common, endpointId: endpoint, params: pathParams(endpoint, pairs(values.param, '--param')), query: pairs(values.query, '--query'), ...(values.body === undefined ? {} : { bodyFile: values.body }) };
    }
    case 'flow': {
      const [grant, ...extra] = rest;
      if (grant !== 'authorization-code' && grant !== 'client-credentials') throw new UsageError(`unknown flow "${grant ?? ''}": "flow authorization-code" or "flow client-credentials"`);
      noMorePositionals(extra, 'flow');
      return { command, ...common, grant, redirectPort: integer(values['redirect-port'], '--redirect-port', 0, 65535), timeoutSeconds: integer(values.timeout, '--timeout', 1, 3600) };
    }
    default:
      throw new UsageError(`unknown command "${command}" (choose diagnose, token, call, flow or help)`);
  }
}

function targetArgs(values: { target: string; region?: string | undefined; 'base-url'?: string | undefined; 'mock-admin'?: string | undefined; ca?: string | undefined }): TargetArgs {
  const kind = values.target;
  if (kind !== 'mock' && kind !== 'us' && kind !== 'eu' && kind !== 'custom') throw new UsageError(`unknown target "${kind}" in "--target" (choose mock, us, eu or custom)`);
  if (values.region !== undefined && !isRegionId(values.region)) throw new UsageError(`unknown region "${values.region}" in "--region" (choose us or eu)`);
  if ((kind === 'us' || kind === 'eu') && values.region !== undefined && values.region !== kind) throw new UsageError(`"--region ${values.region}" contradicts "--target ${kind}"`);
  if (kind === 'custom' && values['base-url'] === undefined) throw new UsageError('"--target custom" needs "--base-url"');
  if (kind !== 'custom' && values['base-url'] !== undefined) throw new UsageError('"--base-url" goes with "--target custom" only');
  if (kind !== 'mock' && values['mock-admin'] !== undefined) throw new UsageError('"--mock-admin" goes with "--target mock" only');
  const region: RegionId = kind === 'us' || kind === 'eu' ? kind : ((values.region ?? 'us') as RegionId);
  return {
    kind,
    region,
    mockAdmin: values['mock-admin'] ?? DEFAULT_MOCK_ADMIN,
    ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
    ...(values.ca === undefined ? {} : { caFile: values.ca }),
  };
}

type CredentialValues = { auth: string; 'client-id'?: string | undefined; 'client-secret'?: string | undefined; scope?: string | undefined; cert?: string | undefined; key?: string | undefined; pfx?: string | undefined; 'pfx-password'?: string | undefined; 'access-token'?: string | undefined };

function credentialArgs(values: CredentialValues, env: Readonly<Record<string, string | undefined>>): CredentialArgs {
  if (values.auth !== 'basic' && values.auth !== 'post') throw new UsageError(`unknown client authentication "${values.auth}" in "--auth" (choose basic or post)`);
  if (values.pfx !== undefined && (values.cert !== undefined || values.key !== undefined)) throw new UsageError('give either "--pfx" or "--cert" (with "--key"), not both');
  if (values.key !== undefined && values.cert === undefined) throw new UsageError('"--key" needs "--cert"');
  const pick = (flag: string | undefined, name: string) => flag ?? (env[name] === '' ? undefined : env[name]);
  const result: Record<string, string> = {};
  const set = (key: keyof CredentialArgs, value: string | undefined) => {
    if (value !== undefined) result[key] = value;
  };
  set('clientId', pick(values['client-id'], 'TOTANGO_CLIENT_ID'));
  set('clientSecret', pick(values['client-secret'], 'TOTANGO_CLIENT_SECRET'));
  set('accessToken', pick(values['access-token'], 'TOTANGO_ACCESS_TOKEN'));
  set('pfxPassword', pick(values['pfx-password'], 'TOTANGO_PFX_PASSWORD'));
  set('scope', values.scope);
  set('certFile', values.cert);
  set('keyFile', values.key);
  set('pfxFile', values.pfx);
  return { ...result, authMethod: values.auth === 'post' ? 'client_secret_post' : 'client_secret_basic' };
}

function storeArgs(values: { remember: boolean; forget: boolean; 'data-dir'?: string | undefined }, credentials: CredentialArgs, env: Readonly<Record<string, string | undefined>>): StoreArgs {
  const passphrase = env[PASSPHRASE_VARIABLE] === '' ? undefined : env[PASSPHRASE_VARIABLE];
  if (values.remember && values.forget) throw new UsageError('give either "--remember" or "--forget", not both');
  if (values.remember && credentials.clientId === undefined) throw new UsageError('"--remember" needs the credentials to store: "--client-id" (or TOTANGO_CLIENT_ID), with the secret or certificate');
  if (values.remember && (passphrase === undefined || passphrase.length < MIN_PASSPHRASE_LENGTH)) {
    throw new UsageError(`"--remember" needs a passphrase to seal the credentials with: set ${PASSPHRASE_VARIABLE} (at least ${MIN_PASSPHRASE_LENGTH} characters)`);
  }
  return { dataDir: resolveDataDir(values['data-dir'], env), remember: values.remember, forget: values.forget, ...(passphrase === undefined ? {} : { passphrase }) };
}

function endpointId(id: string, where: string): EndpointId {
  if (findEndpoint(id) === undefined) throw new UsageError(`unknown endpoint "${id}" in "${where}" (see "lab help" for the list)`);
  return id as EndpointId;
}

function pairs(list: readonly string[] | undefined, flag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of list ?? []) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`"${flag}" takes name=value, got "${pair}"`);
    result[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return result;
}

/** `--param` names must be the endpoint's own: a typo would otherwise leave the example's value in place, and act on the wrong record. */
function pathParams(id: EndpointId, params: Record<string, string>): Record<string, string> {
  const known = findEndpoint(id)?.pathParams ?? [];
  for (const name of Object.keys(params)) {
    if (!known.includes(name)) {
      const takes = known.length === 0 ? 'it takes none' : `it takes ${known.map((n) => `"${n}"`).join(', ')}`;
      throw new UsageError(`unknown path parameter "${name}" in "--param" for ${id} (${takes})`);
    }
  }
  return params;
}

function integer(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`"${flag}" must be an integer from ${min} to ${max}, got "${text}"`);
  return value;
}

function noMorePositionals(extra: readonly string[], command: string): void {
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" after "${command}"`);
}
