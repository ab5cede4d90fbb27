/**
 * Bodies as the recorder keeps them: text when they are text (at most 1 MiB), a short
 * note when they are binary, streamed, or PKCS#12 (never recorded, even in part).
 */
import { PKCS12_OMITTED } from './redaction';

/** The most of a response body the recorder keeps. */
export const MAX_RECORDED_BODY_BYTES = 1024 * 1024;

function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function isPkcs12(type: string): boolean {
  return type === 'application/x-pkcs12' || type === 'application/pkcs12';
}

function isTextual(type: string): boolean {
  return (
    type === '' ||
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type.endsWith('+xml') ||
    type === 'application/xml' ||
    type === 'application/x-www-form-urlencoded' ||
    type === 'application/javascript' ||
    type === 'application/jwt' ||
    type === 'application/x-pem-file'
  );
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array, type: string): string {
  if (isPkcs12(type)) return PKCS12_OMITTED;
  if (!isTextual(type)) return `[${bytes.byteLength} bytes of ${type} not recorded]`;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return `[${bytes.byteLength} bytes that are not UTF-8 text, not recorded]`;
  }
}

/** The text of a request body as given to fetch; undefined when there is none. */
export function requestBodyText(body: unknown, contentType: string | null): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return isPkcs12(mediaType(contentType)) ? PKCS12_OMITTED : body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return decode(new Uint8Array(body), mediaType(contentType));
  if (ArrayBuffer.isView(body)) return decode(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), mediaType(contentType));
  if (body instanceof FormData) return '[multipart form data not recorded]';
  if (body instanceof Blob) return `[${body.size} bytes of ${body.type || 'data'} not recorded]`;
  return '[streamed body not recorded]';
}

/** Reads (a clone of) a response body, up to `MAX_RECORDED_BODY_BYTES`; undefined when it has none. */
export async function readBodyText(response: Response, contentType: string | null): Promise<string | undefined> {
  if (response.body === null) return undefined;
  const type = mediaType(contentType);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > MAX_RECORDED_BODY_BYTES || isPkcs12(type)) {
      truncated = true;
      // Not awaited: cancelling one branch of a tee settles only once the other branch is cancelled too.
      reader.cancel().catch(() => undefined);
      break;
    }
  }
  if (isPkcs12(type)) return PKCS12_OMITTED;
  if (size === 0) return undefined;
  const bytes = Buffer.concat(chunks).subarray(0, MAX_RECORDED_BODY_BYTES);
  if (!truncated) return decode(bytes, type);
  if (!isTextual(type)) return `[more than ${MAX_RECORDED_BODY_BYTES} bytes of ${type} not recorded]`;
  // A cut may fall inside a character, which the strict decoder refuses: decode leniently.
  return `${new TextDecoder().decode(bytes)}\n[… cut at ${MAX_RECORDED_BODY_BYTES} bytes]`;
}
