/**
 * What the recorder keeps of a secret: nothing (client secrets, PKCE verifiers,
 * passwords, private keys, PKCS#12), or its first and last 4 characters around an
 * ellipsis (tokens and authorization codes), so that two exchanges can still be told
 * apart without the value being usable. Applied to every exchange before it is stored, so that nothing
 * built from the timeline (HAR, curl, a repro bundle) can leak one.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.3 (access tokens are secrets)
 * @see https://www.rfc-editor.org/rfc/rfc6819#section-5.1.6 (do not log secrets)
 */

export const REDACTED = '[redacted]';
export const PRIVATE_KEY_OMITTED = '[private key not recorded]';
export const PKCS12_OMITTED = '[PKCS#12 not recorded]';

/** Values shorter than this are redacted outright: the 8 characters kept would be most of them. */
const SHORTEST_SHORTENED = 16;

export interface RedactionOptions {
  /** Values to scrub wherever they appear (the client secret in use, for one), whatever their parameter is called. */
  readonly knownSecrets?: readonly string[];
}

export type ParameterTreatment = 'redact' | 'shorten';

const REDACTED_PARAMETERS = new Set(['clientsecret', 'codeverifier', 'password', 'passphrase', 'secret', 'clientassertion', 'privatekey', 'apptoken', 'apikey']);
const SHORTENED_PARAMETERS = new Set(['accesstoken', 'refreshtoken', 'idtoken', 'token', 'code', 'devicecode', 'subjecttoken', 'actortoken']);

/** How a form, query or JSON parameter of that name is kept: `client_secret` and `clientSecret` alike. */
export function parameterTreatment(name: string): ParameterTreatment | undefined {
  const normalized = name.toLowerCase().replace(/[-_]/g, '');
  if (REDACTED_PARAMETERS.has(normalized)) return 'redact';
  if (SHORTENED_PARAMETERS.has(normalized)) return 'shorten';
  return undefined;
}

/**
 * A token or code as the recorder keeps it: its first 4 and last 4 characters around
 * '…'. The end tells exchanges apart: every JWT of one issuer starts alike (`eyJ0eXAi`,
 * its header), while its last characters are its signature's.
 */
export function shortenSecret(value: string): string {
  return value.length < SHORTEST_SHORTENED ? REDACTED : `${value.slice(0, 4)}…${value.slice(-4)}`;
}

function treat(value: string, treatment: ParameterTreatment): string {
  return treatment === 'redact' ? REDACTED : shortenSecret(value);
}

const PRIVATE_KEY_PEM = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;
const JWT_LIKE = /\beyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*/g;

/** Free text: private keys dropped, anything that looks like a JWT shortened, known secrets scrubbed. */
export function redactText(text: string, options: RedactionOptions = {}): string {
  let result = text.replace(PRIVATE_KEY_PEM, PRIVATE_KEY_OMITTED).replace(JWT_LIKE, (jwt) => shortenSecret(jwt));
  for (const secret of options.knownSecrets ?? []) {
    if (secret.length < 6) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), formEncode(secret)])) result = result.split(form).join(REDACTED);
  }
  return result;
}

function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/**
 * `a=1&client_secret=…`: each secret parameter's value replaced, the rest kept byte for
 * byte (encoding included). The markers are written unencoded, to stay readable.
 */
export function redactFormText(form: string, options: RedactionOptions = {}): string {
  const pairs = form.split('&').map((pair) => {
    const equals = pair.indexOf('=');
    if (equals < 0) return pair;
    const treatment = parameterTreatment(formDecode(pair.slice(0, equals)));
    return treatment === undefined ? pair : `${pair.slice(0, equals + 1)}${treat(formDecode(pair.slice(equals + 1)), treatment)}`;
  });
  return redactText(pairs.join('&'), options);
}

/** A URL with the secret parameters of its query (and fragment, for implicit-style responses) replaced. */
export function redactUrl(url: string, options: RedactionOptions = {}): string {
  const match = /^([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s.exec(url);
  if (!match) return redactText(url, options);
  const [, base = '', query, fragment] = match;
  let result = base;
  if (query !== undefined) result += `?${redactFormText(query)}`;
  if (fragment !== undefined) result += `#${fragment.includes('=') ? redactFormText(fragment) : fragment}`;
  return redactText(result, options);
}

function redactJsonValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJsonValue);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const treatment = parameterTreatment(key);
    result[key] = treatment !== undefined && typeof inner === 'string' ? treat(inner, treatment) : redactJsonValue(inner);
  }
  return result;
}

/** A body by its media type: form and JSON parameter by parameter, anything else as free text. */
export function redactBody(body: string, contentType: string | undefined, options: RedactionOptions = {}): string {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-pkcs12' || type === 'application/pkcs12') return PKCS12_OMITTED;
  if (type === 'application/x-www-form-urlencoded') return redactFormText(body, options);
  const looksJson = type === 'application/json' || type.endsWith('+json') || (type === '' && /^\s*[[{]/.test(body));
  if (looksJson) {
    try {
      return redactText(JSON.stringify(redactJsonValue(JSON.parse(body))), options);
    } catch {
      // Not JSON after all: treated as text below.
    }
  }
  return redactText(body, options);
}

/** `Authorization: Basic …` keeps the client ID (not a secret) and drops the secret. */
function redactAuthorization(value: string): string {
  const [scheme = '', credentials = ''] = value.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon > 0 ? `Basic [redacted: client "${formDecode(decoded.slice(0, colon))}"]` : `Basic ${REDACTED}`;
  }
  if (credentials === '') return REDACTED;
  return `${scheme} ${shortenSecret(credentials)}`;
}

function redactCookies(value: string): string {
  return value.replace(/(^|[;,]\s*)([^=;,\s]+)=([^;,]*)/g, (_all, lead: string, name: string) => `${lead}${name}=${REDACTED}`);
}

/** Header names lowercased; credentials, cookies and API keys redacted. */
export function redactHeaders(headers: Readonly<Record<string, string>>, options: RedactionOptions = {}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (name === 'authorization' || name === 'proxy-authorization') result[name] = redactAuthorization(value);
    else if (name === 'cookie') result[name] = redactCookies(value);
    else if (name === 'set-cookie') result[name] = value.split('\n').map((cookie) => cookie.replace(/^([^=]+)=[^;]*/, `$1=${REDACTED}`)).join('\n');
    else if (parameterTreatment(name) !== undefined) result[name] = REDACTED;
    else result[name] = redactText(value, options);
  }
  return result;
}
