/**
 * The repro bundle's file format, version 1: the schema every import validates against.
 * The application's configuration holds no secret by construction (a strict object: a
 * `clientSecret` or any other unknown key is refused), the token is decoded (header and
 * claims, never the token itself), and the timeline holds exchanges already redacted.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2 (the claims of the decoded token)
 */
import { z } from 'zod';

export const REPRO_BUNDLE_FORMAT = 'totango-oauth-lab/repro-bundle';
export const REPRO_BUNDLE_SCHEMA_VERSION = 1;

const text = (max: number) => z.string().max(max);
const headers = z.record(z.string().max(200), text(64 * 1024));

export const reproAppSchema = z.strictObject({
  name: text(100).min(1),
  grantType: z.enum(['client_credentials', 'authorization_code']),
  /** The scopes the application holds. */
  scopes: z.array(text(100)).min(1).max(100),
  /** The scopes the failing token request asked for, when fewer than the application's. */
  requestedScopes: z.array(text(100)).max(100).optional(),
  accessTokenTtlSeconds: z.number().int().positive().max(86_400).optional(),
  mutualTls: z.boolean(),
  callbackUrls: z.array(text(2048)).max(20),
  /** Client credentials: the Totango user the application acts as, and their status when known. */
  actingUser: z
    .strictObject({ id: text(200), email: text(254), status: z.enum(['active', 'disabled', 'deleted']).optional() })
    .optional(),
  region: z.enum(['us', 'eu']),
  target: z.strictObject({ kind: z.enum(['mock', 'us', 'eu', 'custom']), baseUrl: text(2048).optional() }),
  clientAuthentication: z.enum(['client_secret_basic', 'client_secret_post']).optional(),
  /** The client id of the original application: not a secret, and handy to find it in the customer's logs. */
  originalClientId: text(200).optional(),
});
export type ReproApp = z.infer<typeof reproAppSchema>;

export const recordedExchangeSchema = z.object({
  id: text(100),
  purpose: text(500),
  startedAt: text(40),
  durationMs: z.number().nonnegative(),
  request: z.object({ method: text(20), url: text(16 * 1024), headers, body: text(2 * 1024 * 1024).optional() }),
  response: z.object({ status: z.number().int(), statusText: text(200), headers, body: text(2 * 1024 * 1024).optional() }).optional(),
  error: text(4000).optional(),
  clientCertificate: z.boolean(),
  customCa: z.boolean().optional(),
  timings: z.object({ waitMs: z.number(), receiveMs: z.number() }).optional(),
});

export const decodedTokenSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('jwt'), header: z.record(z.string(), z.unknown()), claims: z.record(z.string(), z.unknown()) }),
  z.strictObject({ kind: z.literal('opaque'), length: z.number().int().nonnegative() }),
]);
export type DecodedTokenRecord = z.infer<typeof decodedTokenSchema>;

const matrixRowSchema = z.looseObject({
  endpointId: text(100),
  method: text(10),
  path: text(500),
  requiredScope: text(100),
  predicted: z.enum(['allowed', 'denied']),
  verdict: z.enum(['pass', 'fail', 'mismatch', 'error', 'skipped']),
  note: text(4000),
});

export const diagnosticsSchema = z.looseObject({
  startedAt: text(40),
  durationMs: z.number().nonnegative(),
  target: z.object({ kind: z.enum(['mock', 'us', 'eu', 'custom']), apiBaseUrl: text(2048) }),
  grantedScopes: z.array(text(100)),
  rows: z.array(matrixRowSchema).max(1000),
  counts: z.record(z.string(), z.number().int()),
});

export const reproBundleSchema = z.strictObject({
  format: z.literal(REPRO_BUNDLE_FORMAT),
  schemaVersion: z.literal(REPRO_BUNDLE_SCHEMA_VERSION),
  createdAt: text(40),
  /** What the person saw, in their words. */
  description: text(4000).optional(),
  app: reproAppSchema,
  timeline: z.array(recordedExchangeSchema).max(5000),
  token: decodedTokenSchema.nullable(),
  diagnostics: diagnosticsSchema.nullable(),
});
export type ReproBundle = z.infer<typeof reproBundleSchema>;
