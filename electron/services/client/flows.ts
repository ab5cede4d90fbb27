/**
 * The `flows` service: the client-credentials and authorization-code grants on the
 * client engine, each step published live as a `flows.step` event under the flow's id,
 * every exchange on the timeline, and the token obtained made the current one. The
 * authorization URL opens in the system browser (Electron) or, in browser mode, goes to
 * the window as a `flows.openUrl` event.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1 (authorization code)
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4 (client credentials)
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7.3 (the loopback redirect)
 */
import { randomUUID } from 'node:crypto';
import type { ContractHandlers } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import type { CurrentToken, FlowStepView } from '../../../shared/contract/client-schemas';
import { runClientCredentialsFlow } from '../../client/flows/client-credentials-flow';
import type { FlowKind, FlowStep } from '../../client/flows/flow-steps';
import type { FlowOptions } from '../../client/flows/oauth-client';
import type { TokenResult } from '../../client/flows/token-result';
import { ServiceError } from '../service-error';
import type { ClientSession } from './session-state';
import { flowStepView } from './views';

type FlowsHandlers = ContractHandlers<LabContract>['flows'];
type CodeInput = Parameters<FlowsHandlers['authorizationCode']>[0];

/** The port and path of an exact loopback callback URL (the Lab receives callbacks on 127.0.0.1 only). */
function loopbackRedirect(input: CodeInput, preferredPort: number | null): { port: number; path?: string } {
  const fixedPort = input.callbackPort === undefined ? preferredPort : input.callbackPort;
  if (input.redirectUri === undefined) return { port: fixedPort ?? 0 };
  const url = new URL(input.redirectUri);
  if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1' || url.port === '' || url.search !== '' || url.hash !== '') {
    throw new ServiceError('invalid_input', '"redirectUri" must be a loopback URL with a port, such as "http://127.0.0.1:8765/callback": the Lab receives the callback on 127.0.0.1 (RFC 8252 §7.3)', { field: 'redirectUri' });
  }
  const port = Number(url.port);
  if (input.callbackPort !== undefined && input.callbackPort !== null && input.callbackPort !== port) {
    throw new ServiceError('invalid_input', `"callbackPort" ${input.callbackPort} differs from the port of "redirectUri" (${port}); give one of them`, { field: 'callbackPort' });
  }
  return { port, path: url.pathname };
}

function tokenOf(result: TokenResult, targetKey: string, clientId: string): CurrentToken {
  return {
    accessToken: result.accessToken,
    tokenType: result.tokenType,
    scopes: [...result.scopes],
    source: result.flow,
    targetKey,
    clientId,
    receivedAt: result.receivedAt,
    ...(result.expiresAt === undefined ? {} : { expiresAt: result.expiresAt }),
    overMutualTls: result.overMutualTls,
  };
}

export function flowsHandlers(session: ClientSession): FlowsHandlers {
  const { context } = session;

  /** Prepares the flow's options, runs it, and makes its token the current one. */
  async function run(
    flow: FlowKind,
    input: { targetKey?: string | undefined; scopes?: string[] | undefined; authMethod?: 'client_secret_basic' | 'client_secret_post' | undefined },
    start: (options: FlowOptions & { scopes?: readonly string[] }, flowId: string) => Promise<TokenResult>,
  ) {
    const targetKey = input.targetKey ?? session.selectedTarget;
    if (!session.targets.has(targetKey)) throw new ServiceError('not_found', `no target "${targetKey.slice(0, 200)}": choose one of "targets.list"`, { field: 'targetKey' });
    const connection = await session.targets.connect(targetKey);
    if (connection.credentials === undefined) {
      throw new ServiceError('invalid_configuration', `no credentials for "${targetKey}": load an application with "targets.useApplication" or "targets.setCredentials" first`, { field: 'targetKey' });
    }
    const credentials = input.authMethod === undefined ? connection.credentials : connection.credentials.with({ authMethod: input.authMethod });
    const flowId = randomUUID();
    const steps: FlowStepView[] = [];
    const onStep = (step: FlowStep) => {
      const view = flowStepView(flowId, step);
      steps.push(view);
      context.events.emit('flows.step', view);
    };
    const options = { target: connection.target, credentials, sink: session.timeline.sinkFor(credentials.clientId), onStep, ...(input.scopes === undefined ? {} : { scopes: input.scopes }) };
    const result = await session.track(start(options, flowId));
    const token = tokenOf(result, targetKey, credentials.clientId);
    session.setCurrentToken(token);
    return { flowId, flow, steps, token };
  }

  return {
    clientCredentials: (input) => run('client_credentials', input, (options) => runClientCredentialsFlow(options)),
    async authorizationCode(input) {
      const redirect = loopbackRedirect(input, session.preferences.current.callbackPort);
      return run('authorization_code', input, (options, flowId) =>
        session.codeFlows.run({
          ...options,
          redirectPort: redirect.port,
          ...(redirect.path === undefined ? {} : { redirectPath: redirect.path }),
          ...(input.timeoutSeconds === undefined ? {} : { timeoutMs: input.timeoutSeconds * 1000 }),
          opener:
            context.openBrowser ??
            (async (url) => {
              context.events.emit('flows.openUrl', { flowId, url });
            }),
        }),
      );
    },
    async cancel() {
      return { cancelled: session.codeFlows.cancel() };
    },
  };
}
