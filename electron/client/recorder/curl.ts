/**
 * A curl command that reproduces a recorded exchange. Secrets are never in it: each is a
 * shell variable (`"$CLIENT_SECRET"`, `"$ACCESS_TOKEN"`, `"$AUTHORIZATION_CODE"`) for
 * the person to set, and a client certificate is `--cert/--key` placeholders. The
 * recorded exchange is redacted already; the variables say what goes where.
 */
import type { HttpExchange } from '../http/exchange';
import { parameterTreatment } from '../http/redaction';

/** A piece of a shell word: text said literally, or a variable expanded. */
type Segment = { readonly literal: string } | { readonly variable: string };

const WELL_KNOWN_VARIABLES: Readonly<Record<string, string>> = {
  clientsecret: 'CLIENT_SECRET',
  code: 'AUTHORIZATION_CODE',
  codeverifier: 'CODE_VERIFIER',
  accesstoken: 'ACCESS_TOKEN',
  token: 'ACCESS_TOKEN',
  refreshtoken: 'REFRESH_TOKEN',
  idtoken: 'ID_TOKEN',
};

/** The shell variable that stands for a secret parameter, or undefined when the parameter is not secret. */
export function secretVariable(parameter: string): string | undefined {
  if (parameterTreatment(parameter) === undefined) return undefined;
  const normalized = parameter.toLowerCase().replace(/[-_]/g, '');
  return WELL_KNOWN_VARIABLES[normalized] ?? parameter.replace(/[^A-Za-z0-9]+/g, '_').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function shellWord(segments: readonly Segment[]): string {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if ('literal' in segment && segment.literal === '') continue;
    if ('literal' in segment && last !== undefined && 'literal' in last) merged[merged.length - 1] = { literal: last.literal + segment.literal };
    else merged.push(segment);
  }
  const word = merged
    .map((segment) => ('literal' in segment ? singleQuoted(segment.literal) : `"$${segment.variable}"`))
    .join('');
  return word === '' ? "''" : word;
}

function decodeForm(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** `a=1&code=…` with each secret value swapped for its variable; the rest kept as recorded. */
function pairsWithVariables(pairs: string): Segment[] {
  return pairs.split('&').flatMap((pair, i): Segment[] => {
    const separator: Segment[] = i === 0 ? [] : [{ literal: '&' }];
    const equals = pair.indexOf('=');
    const variable = equals < 0 ? undefined : secretVariable(decodeForm(pair.slice(0, equals)));
    return variable === undefined ? [...separator, { literal: pair }] : [...separator, { literal: pair.slice(0, equals + 1) }, { variable }];
  });
}

function urlWord(url: string): Segment[] {
  const match = /^([^?#]*)(?:\?([^#]*))?(#.*)?$/s.exec(url);
  if (!match?.[2]) return [{ literal: url }];
  return [{ literal: `${match[1]}?` }, ...pairsWithVariables(match[2]), { literal: match[3] ?? '' }];
}

/** A private-use character: JSON.stringify keeps it as it is, and no recorded body holds it. */
const MARK = '\uE000';

function jsonWithVariables(text: string): Segment[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        const variable = typeof inner === 'string' ? secretVariable(key) : undefined;
        return [key, variable === undefined ? walk(inner) : `${MARK}${variable}${MARK}`];
      }),
    );
  };
  return JSON.stringify(walk(parsed))
    .split(MARK)
    .map((piece, i): Segment => (i % 2 === 1 ? { variable: piece } : { literal: piece }));
}

const SKIPPED_HEADERS = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

function headerArgument(name: string, value: string): string {
  if (name === 'authorization') {
    const basic = /^Basic \[redacted: client "(.*)"\]$/.exec(value);
    if (basic) return `--user ${shellWord([{ literal: `${basic[1]}:` }, { variable: 'CLIENT_SECRET' }])}`;
    const scheme = /^(\S+)\s/.exec(value)?.[1];
    if (scheme?.toLowerCase() === 'bearer') return `--header ${shellWord([{ literal: 'Authorization: Bearer ' }, { variable: 'ACCESS_TOKEN' }])}`;
    return `--header ${shellWord([{ literal: `Authorization: ${scheme === undefined ? '' : `${scheme} `}` }, { variable: 'AUTHORIZATION' }])}`;
  }
  if (name === 'cookie') return `--header ${shellWord([{ literal: 'cookie: ' }, { variable: 'COOKIE' }])}`;
  const variable = secretVariable(name);
  if (variable !== undefined) return `--header ${shellWord([{ literal: `${name}: ` }, { variable }])}`;
  return `--header ${singleQuoted(`${name}: ${value}`)}`;
}

function bodyArguments(body: string, contentType: string | undefined): string[] {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') {
    return body.split('&').map((pair) => {
      const equals = pair.indexOf('=');
      const name = decodeForm(equals < 0 ? pair : pair.slice(0, equals));
      const variable = secretVariable(name);
      if (variable !== undefined) return `--data-urlencode ${shellWord([{ literal: `${name}=` }, { variable }])}`;
      return `--data-urlencode ${singleQuoted(equals < 0 ? name : `${name}=${decodeForm(pair.slice(equals + 1))}`)}`;
    });
  }
  return [`--data-raw ${shellWord(jsonWithVariables(body) ?? [{ literal: body }])}`];
}

/** The command, one option a line. Set the variables of `curlVariables(exchange)` before running it. */
export function toCurl(exchange: HttpExchange): string {
  const { request } = exchange;
  const parts = [`curl${request.method === 'GET' ? '' : ` --request ${request.method}`} ${shellWord(urlWord(request.url))}`];
  const https = request.url.startsWith('https:');
  if (https && exchange.clientCertificate) parts.push('--cert "$CLIENT_CERT_FILE"', '--key "$CLIENT_KEY_FILE"');
  if (https && (exchange.clientCertificate || exchange.customCa === true)) parts.push('--cacert "$CA_CERT_FILE"');
  for (const [name, value] of Object.entries(request.headers)) {
    if (!SKIPPED_HEADERS.has(name)) parts.push(headerArgument(name, value));
  }
  if (request.body !== undefined) parts.push(...bodyArguments(request.body, request.headers['content-type']));
  return parts.join(' \\\n  ');
}

/** The shell variables `toCurl(exchange)` expects, in the order they first appear. */
export function curlVariables(exchange: HttpExchange): string[] {
  return [...new Set([...toCurl(exchange).matchAll(/"\$([A-Z0-9_]+)"/g)].map((match) => match[1] ?? ''))];
}
