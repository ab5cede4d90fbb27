/**
 * The `calls` service: an editable example request for each catalogued endpoint, and
 * one request sent with the current token to the selected target (its HTTPS origin and
 * the certificate when one is loaded). Against a real tenant (Totango's regions, or a
 * custom base URL, which may be one) a write or delete runs only once the user
 * confirmed it; against the mock everything runs.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1 (the Authorization header)
 */
import { findEndpoint } from '../../../shared/catalogue';
import type { ContractHandlers } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import type { CurrentToken } from '../../../shared/contract/client-schemas';
import { callEndpoint } from '../../client/calls/api-caller';
import type { CatalogueRequest } from '../../client/calls/catalogue-request';
import { exampleRequest } from '../../client/calls/example-requests';
import { explainResponse } from '../../client/diagnostics/failure-causes';
import { ServiceError } from '../service-error';
import type { ClientSession } from './session-state';
import { withDispatcher } from './target-registry';

type CallsHandlers = ContractHandlers<LabContract>['calls'];

/** The current token, or the error that says how to get one. */
export function requireToken(session: ClientSession): CurrentToken {
  const token = session.currentToken;
  if (token === null) throw new ServiceError('invalid_configuration', 'no current token: run a flow ("flows.clientCredentials" or "flows.authorizationCode") or paste a token ("tokens.use") first');
  return token;
}

/** Whether a target key names a real tenant: Totango's regions, or a custom base URL (it may be one). */
export function isRealTarget(targetKey: string): boolean {
  return !targetKey.startsWith('mock:');
}

export function callsHandlers(session: ClientSession): CallsHandlers {
  return {
    async example({ endpointId }) {
      return exampleRequest(endpointId);
    },
    async send({ request, confirmed }) {
      const token = requireToken(session);
      const targetKey = session.selectedTarget;
      const endpoint = findEndpoint(request.endpointId);
      if (endpoint === undefined) throw new ServiceError('invalid_input', `unknown endpoint "${request.endpointId}" in "request.endpointId"`, { field: 'request.endpointId' });
      if (endpoint.effect !== 'read' && isRealTarget(targetKey) && !confirmed) {
        throw new ServiceError(
          'forbidden',
          `"${endpoint.id}" ${endpoint.effect === 'delete' ? 'deletes' : 'writes'} data on the real tenant of "${targetKey}": send it with "confirmed": true once the user has confirmed it`,
          { field: 'confirmed' },
        );
      }
      const connection = await session.targets.connect(targetKey);
      let result;
      try {
        result = await callEndpoint(request as CatalogueRequest, {
          baseUrl: connection.apiBaseUrl,
          accessToken: token.accessToken,
          sink: session.timeline.sinkFor(token.clientId),
          ...withDispatcher(connection.dispatcher),
        });
      } catch (error) {
        // Only a request that cannot be built throws (a missing path parameter): the caller's input.
        throw new ServiceError('invalid_input', error instanceof Error ? error.message : 'the request cannot be built', { field: 'request', cause: error });
      }
      const response = result.response;
      const failure = result.failure ?? (response === undefined ? undefined : explainResponse({ status: response.status, headers: response.headers, body: response.body }));
      return {
        method: result.method,
        url: result.url,
        startedAt: result.startedAt,
        durationMs: result.durationMs,
        ...(response === undefined ? {} : { response: { status: response.status, statusText: response.statusText, headers: { ...response.headers }, body: response.body, bodyText: response.bodyText } }),
        ...(failure === undefined ? {} : { failure }),
        ...(result.exchange === undefined ? {} : { exchangeId: result.exchange.id }),
      };
    },
  };
}
