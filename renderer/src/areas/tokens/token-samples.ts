/**
 * Tokens and inspections as the Lab answers them, for the tokens screen's tests: a mock
 * client-credentials JWT verified against its issuer, and the answers for pasted text
 * that is not a JWT.
 */
import type { CurrentTokenView } from '../../stores/workbench-store';
import type { TokenInspection } from './token-words';

export const SAMPLE_ISSUER = 'http://127.0.0.1:4781';
/** Long enough to be shortened on screen; its middle must never show. */
export const SAMPLE_ACCESS_TOKEN = `eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.${'eyJzdWIiOiJhcHAtMSJ9'.repeat(6)}.MIDDLE-OF-THE-SIGNATURE-abcdef`;

export function sampleCurrentToken(overrides: Partial<CurrentTokenView> = {}): CurrentTokenView {
  return {
    accessToken: SAMPLE_ACCESS_TOKEN,
    tokenType: 'Bearer',
    scopes: ['account:read', 'touchpoint:all'],
    source: 'client_credentials',
    targetKey: 'mock:us',
    clientId: 'app-1',
    receivedAt: '2026-03-04T10:00:00.000Z',
    expiresAt: '2026-03-05T10:00:00.000Z',
    overMutualTls: false,
    ...overrides,
  };
}

export function sampleJwtInspection(secondsLeft = 86_399): TokenInspection {
  const exp = 1_772_704_800;
  return {
    decoded: {
      kind: 'jwt',
      header: { alg: 'ES256', typ: 'at+jwt', kid: 'us-1' },
      claims: { iss: SAMPLE_ISSUER, sub: 'app-1', client_id: 'app-1', scope: 'account:read touchpoint:all', exp, iat: exp - 86_400, jti: 'tok-1', house_rule: 'x' },
      headerExplanations: [
        { name: 'alg', value: 'ES256', known: true, explanation: 'Signature algorithm: ES256 (ECDSA on P-256 with SHA-256).' },
        { name: 'typ', value: 'at+jwt', known: true, explanation: 'Type: an OAuth 2.0 access token in JWT form (at+jwt, RFC 9068 §2.1).' },
        { name: 'kid', value: 'us-1', known: true, explanation: "Key ID: which key of the issuer's JWKS signed the token (us-1)." },
      ],
      claimExplanations: [
        { name: 'iss', value: SAMPLE_ISSUER, known: true, explanation: `Issuer: the authorization server that issued the token (${SAMPLE_ISSUER}).` },
        { name: 'sub', value: 'app-1', known: true, explanation: 'Subject: the application itself (its client ID).' },
        { name: 'client_id', value: 'app-1', known: true, explanation: 'The application the token was issued to (client ID app-1).' },
        {
          name: 'scope',
          value: 'account:read touchpoint:all',
          known: true,
          explanation: 'Scopes: what the token allows, 2 in all (each below).',
          details: ['account:read: Read accounts', 'touchpoint:all: Every operation on touchpoints, definitions included'],
        },
        { name: 'exp', value: exp, known: true, explanation: 'Expires at Mar 5, 2026 (23 h 59 min left).' },
        { name: 'iat', value: exp - 86_400, known: true, explanation: 'Issued at Mar 4, 2026.' },
        { name: 'jti', value: 'tok-1', known: true, explanation: 'Token ID: unique to this token (tok-1).' },
        { name: 'house_rule', value: 'x', known: false, explanation: 'An unknown claim: not part of RFC 9068 or of Totango tokens as the Lab knows them.' },
      ],
      times: {
        issuedAt: { epochSeconds: exp - 86_400, local: 'Mar 4, 2026' },
        expiresAt: { epochSeconds: exp, local: 'Mar 5, 2026' },
        secondsLeft,
        timeLeft: '23 h 59 min left',
        expired: secondsLeft <= 0,
      },
      summary: `a JWT access token (RFC 9068) from ${SAMPLE_ISSUER}, 23 h 59 min left; decoded, not yet verified`,
    },
    verification: {
      valid: true,
      checks: [
        { name: 'signature', status: 'pass', message: `the signature verifies with a key of ${SAMPLE_ISSUER}/jwks` },
        { name: 'typ', status: 'pass', message: 'typ is "at+jwt": an access token (RFC 9068 §2.1)' },
        { name: 'iss', status: 'pass', message: `issued by ${SAMPLE_ISSUER}, the selected target` },
        { name: 'aud', status: 'fail', message: 'meant for https://elsewhere, not for the selected target' },
        { name: 'exp', status: 'pass', message: 'not expired: 23 h 59 min left' },
        { name: 'nbf', status: 'skipped', message: 'the token has no "nbf"' },
        { name: 'cnf', status: 'skipped', message: 'the token is not bound to a certificate' },
      ],
    },
  };
}

export const OPAQUE_INSPECTION: TokenInspection = {
  decoded: { kind: 'opaque', summary: 'the token is opaque: not a JWT, so its meaning is known only to the server that issued it (ask its introspection endpoint, RFC 7662)' },
  verificationSkipped: 'only a JWT can be verified here: the token is opaque',
};

export const INVALID_INSPECTION: TokenInspection = {
  decoded: { kind: 'invalid', summary: 'not a token: it holds characters a bearer token cannot hold (RFC 6750 §2.1)' },
  verificationSkipped: 'only a JWT can be verified here: not a token',
};
