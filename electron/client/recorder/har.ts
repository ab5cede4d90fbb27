/**
 * HAR 1.2 export of recorded exchanges, for browser devtools (Chrome's Network panel
 * imports it) and other HTTP tools. Exchanges are already redacted, so the HAR is too.
 *
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
import type { HttpExchange } from '../http/exchange';

export interface HarNameValue {
  readonly name: string;
  readonly value: string;
}

export interface HarEntry {
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly httpVersion: string;
    readonly cookies: readonly HarNameValue[];
    readonly headers: readonly HarNameValue[];
    readonly queryString: readonly HarNameValue[];
    readonly postData?: { readonly mimeType: string; readonly text: string; readonly params?: readonly HarNameValue[] };
    readonly headersSize: number;
    readonly bodySize: number;
  };
  readonly response: {
    readonly status: number;
    readonly statusText: string;
    readonly httpVersion: string;
    readonly cookies: readonly HarNameValue[];
    readonly headers: readonly HarNameValue[];
    readonly content: { readonly size: number; readonly mimeType: string; readonly text?: string };
    readonly redirectURL: string;
    readonly headersSize: number;
    readonly bodySize: number;
    readonly _error?: string;
  };
  readonly cache: Record<string, never>;
  readonly timings: { readonly blocked: number; readonly dns: number; readonly connect: number; readonly ssl: number; readonly send: number; readonly wait: number; readonly receive: number };
  readonly comment: string;
}

export interface Har {
  readonly log: {
    readonly version: '1.2';
    readonly creator: { readonly name: string; readonly version: string };
    readonly entries: readonly HarEntry[];
    readonly comment?: string;
  };
}

export interface HarOptions {
  readonly creator?: { readonly name: string; readonly version: string };
  readonly comment?: string;
}

export const DEFAULT_HAR_CREATOR = Object.freeze({ name: 'Totango OAuth Lab', version: '0.1.0' });

const HTTP_VERSION = 'HTTP/1.1';

function headerList(headers: Readonly<Record<string, string>>): HarNameValue[] {
  // A recorded set-cookie holds one cookie a line; HAR wants one header each.
  return Object.entries(headers).flatMap(([name, value]) => value.split('\n').map((line) => ({ name, value: line })));
}

function queryString(url: string): HarNameValue[] {
  const query = /\?([^#]*)/.exec(url)?.[1];
  if (query === undefined || query === '') return [];
  return query.split('&').map((pair) => {
    const equals = pair.indexOf('=');
    const decode = (value: string) => {
      try {
        return decodeURIComponent(value.replace(/\+/g, ' '));
      } catch {
        return value;
      }
    };
    return equals < 0 ? { name: decode(pair), value: '' } : { name: decode(pair.slice(0, equals)), value: decode(pair.slice(equals + 1)) };
  });
}

function mimeTypeOf(headers: Readonly<Record<string, string>>, fallback: string): string {
  return headers['content-type'] ?? fallback;
}

function byteLength(text: string | undefined): number {
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

/**
 * The body's size as it went over the wire: its Content-Length when it has one, since the
 * recorded text is redacted (shorter than what was sent); else the recorded text's.
 */
function wireSize(headers: Readonly<Record<string, string>>, body: string | undefined): number {
  const declared = headers['content-length'];
  return declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : byteLength(body);
}

/** One exchange as a HAR entry. An exchange that got no response has status 0 and its reason in `_error`. */
export function harEntry(exchange: HttpExchange): HarEntry {
  const { request, response } = exchange;
  const requestMime = mimeTypeOf(request.headers, 'application/octet-stream');
  const postData =
    request.body === undefined
      ? undefined
      : requestMime.startsWith('application/x-www-form-urlencoded')
        ? { mimeType: requestMime, text: request.body, params: queryString(`?${request.body}`) }
        : { mimeType: requestMime, text: request.body };
  const wait = exchange.timings?.waitMs ?? exchange.durationMs;
  const receive = exchange.timings?.receiveMs ?? 0;
  return {
    startedDateTime: exchange.startedAt,
    time: exchange.durationMs,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: HTTP_VERSION,
      cookies: [],
      headers: headerList(request.headers),
      queryString: queryString(request.url),
      ...(postData === undefined ? {} : { postData }),
      headersSize: -1,
      bodySize: wireSize(request.headers, request.body),
    },
    response: {
      status: response?.status ?? 0,
      statusText: response?.statusText ?? '',
      httpVersion: response === undefined ? '' : HTTP_VERSION,
      cookies: [],
      headers: response === undefined ? [] : headerList(response.headers),
      content: {
        size: response === undefined ? 0 : wireSize(response.headers, response.body),
        mimeType: response === undefined ? 'x-unknown' : mimeTypeOf(response.headers, 'x-unknown'),
        ...(response?.body === undefined ? {} : { text: response.body }),
      },
      redirectURL: response?.headers['location'] ?? '',
      headersSize: -1,
      bodySize: response === undefined ? 0 : wireSize(response.headers, response.body),
      ...(exchange.error === undefined ? {} : { _error: exchange.error }),
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait, receive },
    comment: exchange.clientCertificate ? `${exchange.purpose} (with a client certificate)` : exchange.purpose,
  };
}

/** The exchanges as a HAR 1.2 document. */
export function toHar(exchanges: readonly HttpExchange[], options: HarOptions = {}): Har {
  return {
    log: {
      version: '1.2',
      creator: options.creator ?? DEFAULT_HAR_CREATOR,
      entries: exchanges.map(harEntry),
      ...(options.comment === undefined ? {} : { comment: options.comment }),
    },
  };
}

/** The HAR as the text of a `.har` file. */
export function harJson(exchanges: readonly HttpExchange[], options: HarOptions = {}): string {
  return `${JSON.stringify(toHar(exchanges, options), null, 2)}\n`;
}
