/**
 * What the mock keeps on disk: the account's applications (with secret hashes only),
 * its Totango users, the mock settings, each region's signing keys and the revoked
 * tokens. Validated with zod on load; the schema version lets it migrate later.
 */
import { z } from 'zod';
import { REGION_IDS } from '../../shared/regions';
import { SIGNING_ALGORITHMS } from './signing-keys';

export const STATE_SCHEMA_VERSION = 2;

export const GRANT_TYPES = ['authorization_code', 'client_credentials'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

export const USER_STATUSES = ['active', 'disabled', 'deleted'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** The article: "Default is 24 hours, which is the maximum value." */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 24 * 60 * 60;
export const MIN_ACCESS_TOKEN_TTL_SECONDS = 60;

const storedKeySchema = z.looseObject({ kid: z.string(), alg: z.enum(SIGNING_ALGORITHMS), kty: z.string() });

const pemPairSchema = z.object({ certPem: z.string(), keyPem: z.string() });

/** An application's client certificate, private key included: Totango lets the user export it again. */
export const appCertificateSchema = z.object({
  serial: z.string(),
  certPem: z.string(),
  keyPem: z.string(),
  thumbprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** Set by fault injection: treated as expired whatever its dates say. */
  expiredByFault: z.boolean(),
});
export type AppCertificate = z.infer<typeof appCertificateSchema>;

export const retiredCertificateSchema = z.object({
  serial: z.string(),
  thumbprint: z.string(),
  retiredAt: z.string(),
  reason: z.enum(['renewed', 'mutual_tls_turned_off']),
});
export type RetiredCertificate = z.infer<typeof retiredCertificateSchema>;

export const applicationSchema = z.object({
  clientId: z.string(),
  name: z.string(),
  region: z.enum(REGION_IDS),
  grantType: z.enum(GRANT_TYPES),
  callbackUrls: z.array(z.string()),
  actingUserId: z.string().nullable(),
  scopes: z.array(z.string()),
  accessTokenTtlSeconds: z.number().int(),
  mutualTls: z.boolean(),
  clientSecretHash: z.string(),
  certificate: appCertificateSchema.nullable(),
  retiredCertificates: z.array(retiredCertificateSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredApplication = z.infer<typeof applicationSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(['admin', 'user']),
  status: z.enum(USER_STATUSES),
  createdAt: z.string(),
});
export type MockUser = z.infer<typeof userSchema>;

export const settingsSchema = z.object({
  applicationLimit: z.number().int().min(1).max(100),
  pkceRequired: z.boolean(),
  signingAlgorithm: z.enum(SIGNING_ALGORITHMS),
  authorizationCodeTtlSeconds: z.number().int().min(5).max(600),
});
export type MockSettings = z.infer<typeof settingsSchema>;

/** The article: "Totango limits the number of applications you can create to two." */
export const TOTANGO_APPLICATION_LIMIT = 2;

export const DEFAULT_SETTINGS: MockSettings = Object.freeze({
  applicationLimit: TOTANGO_APPLICATION_LIMIT,
  pkceRequired: false,
  signingAlgorithm: 'ES256',
  authorizationCodeTtlSeconds: 60,
});

export const stateSchema = z.object({
  schemaVersion: z.literal(STATE_SCHEMA_VERSION),
  account: z.object({ name: z.string(), serviceId: z.string() }),
  settings: settingsSchema,
  applications: z.array(applicationSchema),
  users: z.array(userSchema),
  keys: z.object({ us: z.array(storedKeySchema), eu: z.array(storedKeySchema) }),
  revokedTokens: z.array(z.object({ jti: z.string(), exp: z.number() })),
  /** The mock's CA and its TLS server certificate; created on first start. */
  pki: z.object({ ca: pemPairSchema, server: pemPairSchema }).nullable(),
});
export type MockState = z.infer<typeof stateSchema>;

/** Schema 1 had no PKI: its applications get no certificate yet, and the CA is created on open. */
export const STATE_MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (old) => ({
    ...old,
    pki: null,
    applications: (old['applications'] as Record<string, unknown>[]).map((app) => ({ ...app, certificate: null, retiredCertificates: [] })),
  }),
};

/** A few realistic Totango users of the mock account, one of each status. */
export function seedUsers(createdAt: string): MockUser[] {
  return [
    { id: 'u-1001', email: 'maya.cohen@acme-demo.example', firstName: 'Maya', lastName: 'Cohen', role: 'admin', status: 'active', createdAt },
    { id: 'u-1002', email: 'daniel.okafor@acme-demo.example', firstName: 'Daniel', lastName: 'Okafor', role: 'user', status: 'active', createdAt },
    { id: 'u-1003', email: 'integration.bot@acme-demo.example', firstName: 'Integration', lastName: 'Bot', role: 'user', status: 'active', createdAt },
    { id: 'u-1004', email: 'priya.raman@acme-demo.example', firstName: 'Priya', lastName: 'Raman', role: 'user', status: 'disabled', createdAt },
    { id: 'u-1005', email: 'lukas.becker@acme-demo.example', firstName: 'Lukas', lastName: 'Becker', role: 'user', status: 'deleted', createdAt },
  ];
}

export const MOCK_ACCOUNT = Object.freeze({ name: 'Acme Demo', serviceId: '9013' });
