/**
 * A repro bundle for support: one JSON file holding the application's configuration
 * (no secret), the timeline (exchanges already redacted), the decoded token (header and
 * claims, never the token) and the diagnostics matrix. Serializing scrubs the text once
 * more (known secrets, anything shaped like a JWT, private keys), so that a secret that
 * slipped into a note or a description still never reaches the file. Importing
 * validates it against the schema; `repro-import.ts` recreates the app on the mock.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6819#section-5.1.6 (do not log secrets)
 */
import type { DiagnosticsMatrix } from '../diagnostics/diagnose';
import type { HttpExchange } from '../http/exchange';
import { redactText } from '../http/redaction';
import { decodeToken } from '../tokens/token-decoder';
import {
  REPRO_BUNDLE_FORMAT,
  REPRO_BUNDLE_SCHEMA_VERSION,
  reproBundleSchema,
  type DecodedTokenRecord,
  type ReproApp,
  type ReproBundle,
} from './repro-bundle-schema';

export interface ReproBundleInput {
  readonly app: ReproApp;
  readonly timeline: readonly HttpExchange[];
  /** The access token: decoded into the bundle, never stored itself. */
  readonly accessToken?: string;
  readonly diagnostics?: DiagnosticsMatrix;
  readonly description?: string;
  readonly now?: () => number;
}

export interface SerializeOptions {
  /** Values that must not appear in the file (the client secret, the token, a PKCS#12 password). */
  readonly knownSecrets?: readonly string[];
}

/** A token's header and claims, decoded without verifying it; any other token is recorded by its length only. */
export function decodeTokenForBundle(token: string): DecodedTokenRecord {
  const decoded = decodeToken(token);
  return decoded.kind === 'jwt' ? { kind: 'jwt', header: { ...decoded.header }, claims: { ...decoded.claims } } : { kind: 'opaque', length: token.length };
}

export function buildReproBundle(input: ReproBundleInput): ReproBundle {
  const bundle: ReproBundle = {
    format: REPRO_BUNDLE_FORMAT,
    schemaVersion: REPRO_BUNDLE_SCHEMA_VERSION,
    createdAt: new Date((input.now ?? Date.now)()).toISOString(),
    ...(input.description === undefined ? {} : { description: input.description }),
    app: structuredClone(input.app),
    timeline: structuredClone([...input.timeline]) as ReproBundle['timeline'],
    token: input.accessToken === undefined ? null : decodeTokenForBundle(input.accessToken),
    diagnostics: input.diagnostics === undefined ? null : (structuredClone(input.diagnostics) as unknown as ReproBundle['diagnostics']),
  };
  return parseBundleValue(bundle);
}

/** The bundle as the file's text: pretty JSON, scrubbed of known secrets, JWTs and private keys, and checked to parse back. */
export function serializeReproBundle(bundle: ReproBundle, options: SerializeOptions = {}): string {
  const text = redactText(JSON.stringify(bundle, null, 2), { knownSecrets: options.knownSecrets ?? [] });
  parseReproBundle(text);
  return `${text}\n`;
}

/** Reads a bundle file's text; every problem is an error naming the field at fault. */
export function parseReproBundle(text: string): ReproBundle {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error('the repro bundle is not valid JSON', { cause: error });
  }
  return parseBundleValue(value);
}

function parseBundleValue(value: unknown): ReproBundle {
  if (isObject(value) && value['format'] === REPRO_BUNDLE_FORMAT && typeof value['schemaVersion'] === 'number' && value['schemaVersion'] > REPRO_BUNDLE_SCHEMA_VERSION) {
    throw new Error(`the repro bundle has "schemaVersion" ${value['schemaVersion']}, newer than this Lab reads (${REPRO_BUNDLE_SCHEMA_VERSION}); update the Lab`);
  }
  const parsed = reproBundleSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue === undefined || issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.');
    throw new Error(`invalid repro bundle: "${path}": ${issue?.message ?? 'does not match the schema'}`, { cause: parsed.error });
  }
  return parsed.data;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
