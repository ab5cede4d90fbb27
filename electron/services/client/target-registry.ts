/**
 * The targets the Lab knows (the mock's two regions, Totango US and EU, the custom base
 * URLs of the preferences), each resolved to its endpoints (RFC 8414 metadata, or the
 * article's fixed paths) and given one TLS dispatcher carrying the loaded certificate
 * and the CA it needs, as the command line's `openLabSession` does for one target.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414 (how a target's endpoints are found)
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-2 (the certificate on the connection)
 */
import type { Agent } from 'undici';
import { REGION_IDS, type RegionId } from '../../../shared/regions';
import { targetKindOf, type TargetKind } from '../../client/diagnostics/write-policy';
import { isLabError } from '../../client/flows/lab-error';
import type { ExchangeSink } from '../../client/http/exchange';
import { createRecordingFetch } from '../../client/http/recording-fetch';
import { createTlsAgent } from '../../client/http/tls-agent';
import type { AppCredentials } from '../../client/targets/app-credentials';
import { resolveTarget } from '../../client/targets/resolve-target';
import { articleTarget, mockTarget, targetBaseUrl, targetKey, targetLabel, type ResolvedTarget, type TargetDefinition } from '../../client/targets/target';
import { ServiceError } from '../service-error';
import type { CredentialKeeper } from './credential-keeper';
import type { MockEndpointSource } from './mock-endpoints';
import type { PreferencesStore } from './preferences';

export interface TargetEntry {
  readonly key: string;
  readonly kind: 'mock' | 'totango' | 'custom';
  readonly region?: RegionId;
  readonly label: string;
  readonly baseUrl: string;
}

/** Everything a flow, a call or a diagnostic run needs of the target. */
export interface TargetConnection {
  readonly target: ResolvedTarget;
  readonly kind: TargetKind;
  readonly credentials: AppCredentials | undefined;
  /** Carries the certificate and trusts the target's CA; undefined when neither is needed. */
  readonly dispatcher: Agent | undefined;
  /** Where the APIs are called: the HTTPS (mutual-TLS) origin when a certificate is loaded. */
  readonly apiBaseUrl: string;
}

/** `mock:us`, `mock:eu`, `totango:us`, `totango:eu`: the targets every Lab has. */
const BUILT_IN_KEY = new RegExp(`^(mock|totango):(${REGION_IDS.join('|')})$`);

export class TargetRegistry {
  readonly #resolved = new Map<string, ResolvedTarget>();
  readonly #dispatchers = new Map<string, Agent | undefined>();
  readonly #closing = new Set<Promise<void>>();

  constructor(
    private readonly mock: MockEndpointSource,
    private readonly preferences: PreferencesStore,
    private readonly credentials: CredentialKeeper,
    private readonly sink: ExchangeSink,
  ) {}

  /** Every target, in the order the window lists them; the mock's even when it does not answer. */
  async entries(): Promise<TargetEntry[]> {
    let mockRegions: Awaited<ReturnType<MockEndpointSource['get']>>['regions'] | undefined;
    try {
      mockRegions = (await this.mock.get()).regions;
    } catch {
      mockRegions = undefined;
    }
    const mock = REGION_IDS.map((region): TargetEntry => {
      const definition = mockTarget(region, mockRegions?.[region] ?? { issuer: '' });
      const label = mockRegions === undefined ? `${targetLabel(definition)}, not answering` : targetLabel(definition);
      return { key: targetKey(definition), kind: 'mock', region, label, baseUrl: mockRegions?.[region]?.issuer ?? '' };
    });
    const totango = REGION_IDS.map((region) => this.entryOf({ kind: 'totango', region }));
    const custom = this.preferences.current.customTargets.map((t) => this.entryOf({ kind: 'custom', ...t }));
    return [...mock, ...totango, ...custom];
  }

  /** Whether a key names a target the Lab knows (no network). */
  has(key: string): boolean {
    if (BUILT_IN_KEY.test(key)) return true;
    return this.preferences.current.customTargets.some((t) => `custom:${t.baseUrl}` === key);
  }

  async entry(key: string): Promise<TargetEntry> {
    const found = (await this.entries()).find((e) => e.key === key);
    if (found === undefined) throw unknownTarget(key);
    return found;
  }

  async definition(key: string): Promise<TargetDefinition> {
    const builtIn = BUILT_IN_KEY.exec(key);
    if (builtIn !== null) {
      const region = builtIn[2] as RegionId;
      if (builtIn[1] === 'totango') return { kind: 'totango', region };
      const endpoints = await this.mock.get();
      return mockTarget(region, endpoints.regions[region], endpoints.caPem);
    }
    const custom = this.preferences.current.customTargets.find((t) => `custom:${t.baseUrl}` === key);
    if (custom === undefined) throw unknownTarget(key);
    return { kind: 'custom', ...custom };
  }

  /** The target's endpoints; kept once found, found again when `refresh` is set. */
  async resolve(key: string, refresh = false): Promise<ResolvedTarget> {
    const known = this.#resolved.get(key);
    if (known !== undefined && !refresh) return known;
    const definition = await this.definition(key);
    const fetch = createRecordingFetch({ sink: this.sink, purpose: 'metadata (RFC 8414)', ...withDispatcher(await this.dispatcher(key)) });
    let resolved: ResolvedTarget;
    try {
      resolved = await resolveTarget(definition, { fetch });
    } catch (error) {
      // Totango's own endpoints are the article's; offline they are still known, and a call will say why it fails.
      if (definition.kind === 'totango' && isLabError(error) && (error.code === 'network' || error.code === 'timeout')) return articleTarget(definition);
      throw error;
    }
    this.#resolved.set(key, resolved);
    return resolved;
  }

  async connect(key: string): Promise<TargetConnection> {
    const target = await this.resolve(key);
    const credentials = await this.credentials.get(key);
    const dispatcher = await this.dispatcher(key);
    const certificate = credentials?.certificate();
    return { target, kind: targetKindOf(target.definition), credentials, dispatcher, apiBaseUrl: certificate === undefined ? target.apiBase : target.mtlsApiBase };
  }

  /** The target's TLS dispatcher: the loaded certificate and the CAs of the target and the credentials. */
  async dispatcher(key: string): Promise<Agent | undefined> {
    if (this.#dispatchers.has(key)) return this.#dispatchers.get(key);
    const definition = await this.definition(key);
    const credentials = await this.credentials.get(key);
    const caPems = new Set([definition.kind === 'totango' ? undefined : definition.caPem, credentials?.caPem].filter((pem): pem is string => pem !== undefined));
    const caPem = [...caPems].join('\n') || undefined;
    const certificate = credentials?.certificate();
    const agent = certificate === undefined && caPem === undefined ? undefined : createTlsAgent({ ...(certificate === undefined ? {} : { certificate }), ...(caPem === undefined ? {} : { caPem }) });
    this.#dispatchers.set(key, agent);
    return agent;
  }

  /** Drops what was built for a target (after its credentials or its definition changed). */
  forget(key: string): void {
    this.#resolved.delete(key);
    const agent = this.#dispatchers.get(key);
    this.#dispatchers.delete(key);
    if (agent !== undefined) this.track(agent.close());
  }

  async close(): Promise<void> {
    for (const key of [...this.#dispatchers.keys()]) this.forget(key);
    await Promise.allSettled([...this.#closing]);
  }

  private track(closing: Promise<void>): void {
    const settled = closing.catch(() => undefined).finally(() => this.#closing.delete(settled));
    this.#closing.add(settled);
  }

  private entryOf(definition: TargetDefinition): TargetEntry {
    return {
      key: targetKey(definition),
      kind: definition.kind,
      ...(definition.kind === 'custom' ? {} : { region: definition.region }),
      label: targetLabel(definition),
      baseUrl: targetBaseUrl(definition),
    };
  }
}

export function withDispatcher(dispatcher: Agent | undefined): { dispatcher?: Agent } {
  return dispatcher === undefined ? {} : { dispatcher };
}

function unknownTarget(key: string): ServiceError {
  return new ServiceError('not_found', `no target "${key.slice(0, 200)}": choose one of "targets.list", or add a custom base URL`, { field: 'targetKey' });
}
