/**
 * The `tokens` service: the current token (from a flow, or pasted), and any token
 * decoded, explained and verified against a target's issuer and JWKS, and against the
 * loaded certificate for a bound one. When the issuer cannot be reached the token is
 * still decoded, and the answer says why it was not verified; the call never fails for it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4 (validating JWT access tokens)
 * @see https://www.rfc-editor.org/rfc/rfc8705#section-3 (certificate-bound tokens)
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1 (the bearer token's syntax)
 */
import type { ContractHandlers } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import { splitScopeParameter } from '../../../shared/scopes';
import { createRecordingFetch, describeFetchFailure, type LabFetch } from '../../client/http/recording-fetch';
import { decodeToken, normalizePastedToken, verificationFor, verifyToken, type DecodedToken } from '../../client/tokens/token-inspector';
import { ServiceError } from '../service-error';
import type { ClientSession } from './session-state';
import { withDispatcher } from './target-registry';

type TokensHandlers = ContractHandlers<LabContract>['tokens'];

function requireKnown(session: ClientSession, key: string): void {
  if (!session.targets.has(key)) throw new ServiceError('not_found', `no target "${key.slice(0, 200)}": choose one of "targets.list"`, { field: 'targetKey' });
}

type Explanation = Extract<DecodedToken, { kind: 'jwt' }>['headerExplanations'][number];

function explanationView(e: Explanation): { name: string; value: unknown; known: boolean; explanation: string; details?: string[] } {
  return { name: e.name, value: e.value, known: e.known, explanation: e.explanation, ...(e.details === undefined ? {} : { details: [...e.details] }) };
}

/** The decoded token as the contract carries it (plain arrays and records). */
function decodedView(decoded: DecodedToken) {
  if (decoded.kind !== 'jwt') return { kind: decoded.kind, summary: decoded.summary };
  return {
    kind: decoded.kind,
    header: { ...decoded.header },
    claims: { ...decoded.claims },
    headerExplanations: decoded.headerExplanations.map(explanationView),
    claimExplanations: decoded.claimExplanations.map(explanationView),
    times: { ...decoded.times },
    summary: decoded.summary,
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The clock tokens are judged by: the mock's (it can be moved) for a mock target, else this machine's. */
async function clockFor(session: ClientSession, targetKey: string): Promise<() => number> {
  if (!targetKey.startsWith('mock:')) return Date.now;
  const offset = await session.mock.clockOffsetMs();
  return () => Date.now() + offset;
}

async function inspect(session: ClientSession, token: string, verifyAgainst: string | false | undefined) {
  const result = await inspectWith(session, token, verifyAgainst);
  return { ...result, decoded: decodedView(result.decoded) };
}

async function inspectWith(session: ClientSession, token: string, verifyAgainst: string | false | undefined) {
  if (verifyAgainst === false) return { decoded: decodeToken(token) };
  const targetKey = verifyAgainst ?? session.selectedTarget;
  requireKnown(session, targetKey);
  const now = await clockFor(session, targetKey);
  const decoded: DecodedToken = decodeToken(token, { now });
  if (decoded.kind !== 'jwt') return { decoded, verificationSkipped: `only a JWT can be verified here: ${decoded.summary}` };
  let connection;
  try {
    connection = await session.targets.connect(targetKey);
  } catch (error) {
    return { decoded, verificationSkipped: `the target "${targetKey}" could not be reached to verify the token: ${reason(error)}` };
  }
  let unreachable: string | undefined;
  const recording = createRecordingFetch({ sink: session.timeline.sink, purpose: 'JWKS (token verification)', ...withDispatcher(connection.dispatcher) });
  const fetch: LabFetch = async (input, init) => {
    try {
      return await recording(input, init);
    } catch (error) {
      unreachable ??= describeFetchFailure(error);
      throw error;
    }
  };
  let certificate;
  try {
    certificate = connection.credentials?.certificate();
  } catch {
    certificate = undefined;
  }
  const options = verificationFor(connection.target, fetch, certificate);
  const verification = await verifyToken(token, { ...options, now });
  if (unreachable !== undefined) {
    const jwksUri = options.jwksUri ?? `${connection.target.issuer}/.well-known/jwks.json`;
    return { decoded, verificationSkipped: `the issuer's keys at ${jwksUri} could not be fetched (${unreachable}): the token is decoded, not verified` };
  }
  return { decoded, verification: { valid: verification.valid, checks: [...verification.checks] } };
}

export function tokensHandlers(session: ClientSession): TokensHandlers {
  return {
    async current() {
      return { token: session.currentToken };
    },
    inspect: async ({ token, verifyAgainst }) => inspect(session, token, verifyAgainst),
    async use({ token, targetKey }) {
      const pasted = normalizePastedToken(token);
      const decoded = decodeToken(pasted);
      if (decoded.kind === 'invalid') throw new ServiceError('invalid_input', `"token" cannot be used: ${decoded.summary}`, { field: 'token' });
      const key = targetKey ?? session.selectedTarget;
      requireKnown(session, key);
      const claims = decoded.kind === 'jwt' ? decoded.claims : {};
      const cnf = claims['cnf'];
      const bound = typeof cnf === 'object' && cnf !== null && typeof (cnf as Record<string, unknown>)['x5t#S256'] === 'string';
      const exp = claims['exp'];
      const current = {
        accessToken: pasted,
        tokenType: 'Bearer',
        scopes: typeof claims['scope'] === 'string' ? splitScopeParameter(claims['scope']) : [],
        source: 'pasted' as const,
        targetKey: key,
        ...(typeof claims['client_id'] === 'string' ? { clientId: claims['client_id'] } : {}),
        receivedAt: new Date().toISOString(),
        ...(typeof exp === 'number' && Math.abs(exp) < 8.64e12 ? { expiresAt: new Date(exp * 1000).toISOString() } : {}),
        overMutualTls: bound,
      };
      session.setCurrentToken(current);
      return current;
    },
    async clear() {
      session.setCurrentToken(null);
      return { done: true as const };
    },
  };
}
