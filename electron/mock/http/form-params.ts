/**
 * `application/x-www-form-urlencoded` parameters, parsed strictly: bytes must be UTF-8,
 * percent-escapes must decode, and a parameter sent twice is visible, since OAuth
 * parameters "MUST NOT be included more than once" (RFC 6749 §3.1, §3.2).
 * An empty value counts as absent (RFC 6749 §3.1).
 */
import { OAuthError } from '../oauth-error';

export const MAX_FORM_BYTES = 16 * 1024;

export class FormParams {
  private constructor(private readonly values: ReadonlyMap<string, readonly string[]>) {}

  /** Parses a query string or a form body; throws `invalid_request` on bytes that are not UTF-8 or escapes that do not decode. */
  static parse(input: string | Buffer): FormParams {
    let text: string;
    if (typeof input === 'string') {
      text = input;
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(input);
      } catch {
        throw new OAuthError('invalid_request', 'the request body is not valid UTF-8');
      }
    }
    const values = new Map<string, string[]>();
    for (const pair of text.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const name = decode(eq < 0 ? pair : pair.slice(0, eq));
      const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
      const list = values.get(name);
      if (list) list.push(value);
      else values.set(name, [value]);
    }
    return new FormParams(values);
  }

  static fromUrl(url: string): FormParams {
    const q = url.indexOf('?');
    return FormParams.parse(q < 0 ? '' : url.slice(q + 1));
  }

  /** The value of a parameter; absent or empty gives undefined; sent twice is `invalid_request`. */
  get(name: string): string | undefined {
    const list = this.values.get(name);
    if (!list) return undefined;
    const present = list.filter((v) => v !== '');
    if (present.length > 1 || (list.length > 1 && present.length === 1)) {
      throw new OAuthError('invalid_request', `parameter "${name}" is repeated`);
    }
    return present[0];
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Throws `invalid_request` naming the first parameter sent more than once. */
  assertNoRepeats(): void {
    for (const [name, list] of this.values) {
      if (list.length > 1) throw new OAuthError('invalid_request', `parameter "${name}" is repeated`);
    }
  }

  names(): string[] {
    return [...this.values.keys()];
  }
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new OAuthError('invalid_request', 'a parameter has a malformed percent-escape or is not valid UTF-8');
  }
}
