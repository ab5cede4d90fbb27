/**
 * Schemas of the mock's side of the contract: its status, applications, users, settings,
 * clock, faults and request log. They mirror the mock admin API (its OpenAPI document),
 * which is what the main process drives on the window's behalf.
 */
import { z } from 'zod';
import { CATALOGUE } from '../catalogue';
import { REGION_IDS } from '../regions';

export const regionIdSchema = z.enum(REGION_IDS);
export const grantTypeSchema = z.enum(['authorization_code', 'client_credentials']);
export const userStatusSchema = z.enum(['active', 'disabled', 'deleted']);
export const signingAlgorithmSchema = z.enum(['ES256', 'RS256']);
export const isoTimeSchema = z.string();

/** The article: "Default is 24 hours, which is the maximum value." */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
export const MIN_TOKEN_LIFETIME_SECONDS = 60;

/** A file the window saves (a download in browser mode, a save dialog in Electron). */
export const fileExportSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type FileExport = z.infer<typeof fileExportSchema>;

export const regionUrlsSchema = z.object({
  issuer: z.string(),
  metadata: z.string(),
  authorization: z.string(),
  token: z.string(),
  jwks: z.string(),
  introspection: z.string(),
  revocation: z.string(),
  mtls: z.object({ origin: z.string(), token: z.string(), introspection: z.string(), revocation: z.string() }),
});

export const mockSettingsSchema = z.object({
  /** Totango allows two; "contact your representative" raises it. */
  applicationLimit: z.number().int().min(1).max(100),
  pkceRequired: z.boolean(),
  signingAlgorithm: signingAlgorithmSchema,
  authorizationCodeTtlSeconds: z.number().int().min(5).max(600),
});
export type MockSettingsView = z.infer<typeof mockSettingsSchema>;

export const mockClockSchema = z.object({ now: isoTimeSchema, offsetSeconds: z.number().int() });

export const mockStatusSchema = z.object({
  /** `embedded`: started by the Lab; `external`: one the Lab reaches at a configured admin URL; `stopped`: not reachable. */
  state: z.enum(['embedded', 'external', 'stopped']),
  message: z.string().optional(),
  urls: z
    .object({
      admin: z.string(),
      openapi: z.string(),
      caCertificate: z.string(),
      regions: z.object({ us: regionUrlsSchema, eu: regionUrlsSchema }),
    })
    .optional(),
  dataDir: z.string().optional(),
  account: z.object({ name: z.string(), serviceId: z.string() }).optional(),
  settings: mockSettingsSchema.optional(),
  clock: mockClockSchema.optional(),
  counts: z.object({ applications: z.number().int(), users: z.number().int() }).optional(),
  warnings: z.array(z.string()),
});
export type MockStatus = z.infer<typeof mockStatusSchema>;

export const certificateViewSchema = z.object({
  serial: z.string(),
  /** base64url SHA-256 of the DER: the `x5t#S256` of tokens bound to it. */
  thumbprint: z.string(),
  notBefore: isoTimeSchema,
  notAfter: isoTimeSchema,
  /** By the mock clock, or by fault injection. */
  expired: z.boolean(),
  certificatePem: z.string(),
});

export const applicationViewSchema = z.object({
  clientId: z.string(),
  name: z.string(),
  region: regionIdSchema,
  grantType: grantTypeSchema,
  callbackUrls: z.array(z.string()),
  actingUserId: z.string().nullable(),
  scopes: z.array(z.string()),
  accessTokenTtlSeconds: z.number().int(),
  mutualTls: z.boolean(),
  certificate: certificateViewSchema.nullable(),
  retiredCertificates: z.array(z.object({ serial: z.string(), thumbprint: z.string(), retiredAt: isoTimeSchema, reason: z.string() })),
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  /** Whether the Lab holds this app's client secret for this session (it was created or imported here). */
  secretInLab: z.boolean(),
});
export type ApplicationView = z.infer<typeof applicationViewSchema>;

const lifetimeSchema = z.number().int().min(MIN_TOKEN_LIFETIME_SECONDS).max(MAX_TOKEN_LIFETIME_SECONDS);

/** Totango's "Register New OAuth Application" form, field by field. */
export const createApplicationSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  region: regionIdSchema.default('us'),
  grantType: grantTypeSchema,
  callbackUrls: z.array(z.string().max(2048)).max(10).optional(),
  actingUserId: z.string().max(100).optional(),
  scopes: z.array(z.string().max(100)).min(1).max(100),
  accessTokenTtlSeconds: lifetimeSchema.default(MAX_TOKEN_LIFETIME_SECONDS),
  mutualTls: z.boolean().default(false),
});

export const updateApplicationSchema = z.strictObject({
  clientId: z.string().min(1).max(200),
  accessTokenTtlSeconds: lifetimeSchema.optional(),
  callbackUrls: z.array(z.string().max(2048)).max(10).optional(),
  mutualTls: z.boolean().optional(),
});

export const clientIdInputSchema = z.strictObject({ clientId: z.string().min(1).max(200) });

export const exportCertificateSchema = z.strictObject({
  clientId: z.string().min(1).max(200),
  format: z.enum(['pem', 'pkcs12']),
  /** PKCS#12 only: the password the user chooses. */
  password: z.string().min(4).max(256).optional(),
});

export const mockUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(['admin', 'user']),
  status: userStatusSchema,
  createdAt: isoTimeSchema,
});
export type MockUserView = z.infer<typeof mockUserSchema>;

export const createUserSchema = z.strictObject({
  email: z.email().max(254),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  role: z.enum(['admin', 'user']).default('user'),
});

export const FAULT_TARGETS = ['token', 'authorize', 'any_api', 'any', ...CATALOGUE.map((e) => e.id)] as const;

export const faultInputSchema = z.strictObject({
  target: z.enum(FAULT_TARGETS),
  kind: z.enum(['error', 'rate_limit', 'latency']),
  count: z.number().int().min(1).max(10_000).optional(),
  status: z.number().int().min(400).max(599).optional(),
  error: z.string().max(100).optional(),
  errorDescription: z.string().max(500).optional(),
  latencyMs: z.number().int().min(1).max(30_000).optional(),
  retryAfterSeconds: z.number().int().min(1).max(3600).optional(),
});

export const faultViewSchema = faultInputSchema.extend({ id: z.string(), remaining: z.number().int().nullable() });
export type FaultView = z.infer<typeof faultViewSchema>;

/** One request the mock served, for the live log of the Mock server screen. Never holds a credential. */
export const mockRequestSchema = z.object({
  seq: z.number().int(),
  at: isoTimeSchema,
  /** Which server answered. */
  server: z.enum(['admin', 'us', 'eu']),
  tls: z.boolean(),
  method: z.string(),
  /** Path only: the query string may hold codes and states. */
  path: z.string(),
  status: z.number().int(),
  durationMs: z.number(),
  clientId: z.string().optional(),
  /** The OAuth or bearer error the mock answered with, when it did. */
  error: z.string().optional(),
});
export type MockRequestView = z.infer<typeof mockRequestSchema>;

export const MOCK_CHANGE_KINDS = ['applications', 'users', 'settings', 'clock', 'faults', 'data', 'status'] as const;
export const mockChangedSchema = z.object({ what: z.enum(MOCK_CHANGE_KINDS) });
