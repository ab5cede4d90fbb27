/**
 * What the client services share for the life of the Lab: the preferences, the
 * credentials, the targets, one timeline that every flow, call and diagnostic run
 * records onto, the authorization-code runner (one flow waits at a time), the current
 * token and the last diagnostics matrix. Changes that the window shows are published as
 * contract events from here.
 */
import type { CurrentToken, MatrixView } from '../../../shared/contract/client-schemas';
import type { DiagnosticsMatrix } from '../../client/diagnostics/diagnose';
import { AuthorizationCodeFlows } from '../../client/flows/authorization-code-flow';
import { Timeline } from '../../client/recorder/timeline';
import type { ServiceContext } from '../lab-services';
import { CredentialKeeper } from './credential-keeper';
import { MockEndpointSource } from './mock-endpoints';
import { DEFAULT_TARGET, PreferencesStore } from './preferences';
import { TargetRegistry } from './target-registry';
import { currentTokenView, exchangeView } from './views';

/** The last diagnostics run: as the window sees it, as the engine made it (for repro bundles), and the client ID of the token it ran with. */
export interface LastDiagnostics {
  readonly view: MatrixView;
  readonly matrix: DiagnosticsMatrix;
  /** Undefined when the token (a pasted one) names no client. */
  readonly clientId: string | undefined;
}

export class ClientSession {
  readonly timeline: Timeline;
  readonly codeFlows = new AuthorizationCodeFlows();
  readonly mock: MockEndpointSource;
  readonly credentials: CredentialKeeper;
  readonly targets: TargetRegistry;
  #currentToken: CurrentToken | null = null;
  #lastDiagnostics: LastDiagnostics | null = null;
  readonly #running = new Set<Promise<unknown>>();
  readonly #unsubscribe: () => void;

  private constructor(
    readonly context: ServiceContext,
    readonly preferences: PreferencesStore,
  ) {
    const onCorruptFile = (movedTo: string, reason: string) => context.logError(`an unreadable file was set aside as "${movedTo}": ${reason}`, undefined);
    this.timeline = new Timeline({ onListenerError: (error) => context.logError('a timeline listener failed', error) });
    this.mock = new MockEndpointSource(context.mockAdmin);
    this.credentials = new CredentialKeeper({ dataDir: context.dataDir, onCorruptFile, ...(context.secretStore === undefined ? {} : { secretStore: context.secretStore }) });
    this.targets = new TargetRegistry(this.mock, preferences, this.credentials, this.timeline.sink);
    this.#unsubscribe = this.timeline.subscribe((event) => {
      if (event.kind === 'appended') context.events.emit('recorder.exchange', exchangeView(event.exchange));
      else context.events.emit('recorder.cleared', {});
    });
  }

  static async open(context: ServiceContext): Promise<ClientSession> {
    const preferences = await PreferencesStore.open({
      dataDir: context.dataDir,
      onCorruptFile: (movedTo, reason) => context.logError(`the preferences were unreadable and were set aside as "${movedTo}": ${reason}`, undefined),
    });
    const session = new ClientSession(context, preferences);
    if (!session.targets.has(preferences.current.selectedTarget)) await preferences.update({ selectedTarget: DEFAULT_TARGET });
    return session;
  }

  /** The key of the target flows, calls and diagnostics use. */
  get selectedTarget(): string {
    return this.preferences.current.selectedTarget;
  }

  get currentToken(): CurrentToken | null {
    return this.#currentToken === null ? null : currentTokenView(this.#currentToken);
  }

  setCurrentToken(token: CurrentToken | null): void {
    this.#currentToken = token;
    this.context.events.emit('tokens.changed', { token: this.currentToken });
  }

  /** The last diagnostics run (see `LastDiagnostics`). */
  get lastDiagnostics(): LastDiagnostics | null {
    return this.#lastDiagnostics;
  }

  set lastDiagnostics(run: LastDiagnostics | null) {
    this.#lastDiagnostics = run;
  }

  targetsChanged(): void {
    this.context.events.emit('targets.changed', { selected: this.selectedTarget });
  }

  /** Every secret the Lab holds (client secrets, PKCS#12 passwords, the current token): what no export may contain. */
  knownSecrets(): string[] {
    return [...this.credentials.knownSecrets(), ...(this.#currentToken === null ? [] : [this.#currentToken.accessToken])];
  }

  /** Runs work that `close()` must wait for (a flow, a diagnostic run). */
  async track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.#running.add(settled);
    try {
      return await work;
    } finally {
      this.#running.delete(settled);
    }
  }

  async close(): Promise<void> {
    this.codeFlows.cancel();
    await Promise.allSettled([...this.#running]);
    this.#unsubscribe();
    await this.targets.close();
  }
}
