/**
 * The tokens screen's words: what each verification check proves, what each kind of
 * undecodable token means, where a current token came from.
 */
import type { MethodOutput } from '../../../../shared/contract/define';
import type { LabContract } from '../../../../shared/contract/lab-contract';
import type { CurrentTokenView } from '../../stores/workbench-store';

export type TokenInspection = MethodOutput<LabContract, 'tokens', 'inspect'>;
export type DecodedToken = TokenInspection['decoded'];
export type DecodedJwt = Extract<DecodedToken, { kind: 'jwt' }>;
export type TokenCheck = NonNullable<TokenInspection['verification']>['checks'][number];
export type Explanation = DecodedJwt['claimExplanations'][number];

export const CHECK_LABELS: Readonly<Record<TokenCheck['name'], string>> = Object.freeze({
  format: 'Format',
  signature: 'Signature',
  typ: 'Type (at+jwt)',
  iss: 'Issuer',
  aud: 'Audience',
  exp: 'Not expired',
  nbf: 'Already valid',
  cnf: 'Certificate binding',
});

export const CHECK_STATUS_COLOR: Readonly<Record<TokenCheck['status'], string>> = Object.freeze({ pass: 'teal', fail: 'red', skipped: 'gray' });

/** What a token that is not a readable JWT is, as a title, and what to make of it. */
export const UNREADABLE_TOKEN: Readonly<Record<Exclude<DecodedToken['kind'], 'jwt'>, { readonly title: string; readonly meaning: string }>> = Object.freeze({
  opaque: {
    title: 'Opaque token',
    meaning: 'It is not a JWT, so it carries no claims the Lab can read. The Lab and the mock issue JWTs; an opaque token comes from another server, or is not an access token at all.',
  },
  encrypted: {
    title: 'Encrypted token',
    meaning: 'It is an encrypted JWT (JWE): its claims are readable only by the server that holds its key.',
  },
  invalid: {
    title: 'Not a valid token',
    meaning: 'This text cannot be an access token. Copy the token again, whole: from the flow, or from the "Authorization: Bearer" header of a request.',
  },
});

export const SOURCE_LABELS: Readonly<Record<CurrentTokenView['source'], string>> = Object.freeze({
  authorization_code: 'Authorization-code flow',
  client_credentials: 'Client-credentials flow',
  pasted: 'Pasted',
});

/** Names of claims that hold a time (RFC 7519 NumericDate), shown in local time too. */
export const TIME_CLAIMS: ReadonlySet<string> = new Set(['exp', 'iat', 'nbf', 'auth_time']);

/** The service's sentences start lowercase (they are also error messages); on screen, a capital. */
export function sentence(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** A scope's line of the `scope` claim's details, "account:read: Read accounts", split in two. */
export function splitScopeDetail(detail: string): { readonly scope: string; readonly meaning: string } {
  const at = detail.indexOf(': ');
  return at === -1 ? { scope: detail, meaning: '' } : { scope: detail.slice(0, at), meaning: detail.slice(at + 2) };
}
