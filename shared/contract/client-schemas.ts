/**
 * Schemas of the client engine's side of the contract: targets and credentials, flows
 * and their steps, tokens, calls, diagnostics, the recorder and the Lab's preferences.
 * Everything here is already redacted where it must be: exchanges carry no secret; the
 * only secret that crosses is the access token itself, which the window shows shortened
 * and copies on request.
 */
import { z } from 'zod';
import { CATALOGUE } from '../catalogue';
import { COVERAGE_RULES } from '../scope-rules';
import { contractErrorDataSchema } from './wire';
import { isoTimeSchema, regionIdSchema } from './mock-schemas';

const endpointIds = CATALOGUE.map((e) => e.id) as [(typeof CATALOGUE)[number]['id'], ...(typeof CATALOGUE)[number]['id'][]];
export const endpointIdSchema = z.enum(endpointIds);

// ---- targets and credentials ------------------------------------------------------------

export const targetKindSchema = z.enum(['mock', 'totango', 'custom']);
export const targetKeySchema = z.string().min(1).max(2100);
export const authMethodSchema = z.enum(['client_secret_basic', 'client_secret_post']);

export const credentialsSummarySchema = z.object({
  clientId: z.string(),
  authMethod: authMethodSchema,
  hasClientSecret: z.boolean(),
  /** The loaded client certificate (mutual TLS), without its key. */
  certificate: z.object({ subject: z.string(), thumbprint: z.string(), notAfter: isoTimeSchema }).nullable(),
  hasCustomCa: z.boolean(),
  /** Kept encrypted on disk (real regions, when the user opted in); otherwise in memory for this session. */
  persisted: z.boolean(),
});
export type CredentialsSummary = z.infer<typeof credentialsSummarySchema>;

export const targetViewSchema = z.object({
  key: targetKeySchema,
  kind: targetKindSchema,
  region: regionIdSchema.optional(),
  label: z.string(),
  baseUrl: z.string(),
  credentials: credentialsSummarySchema.nullable(),
});
export type TargetView = z.infer<typeof targetViewSchema>;

export const resolvedTargetSchema = z.object({
  key: targetKeySchema,
  label: z.string(),
  issuer: z.string(),
  authorizationEndpoint: z.string(),
  tokenEndpoint: z.string(),
  mtlsTokenEndpoint: z.string().optional(),
  jwksUri: z.string().optional(),
  apiBase: z.string(),
  mtlsApiBase: z.string(),
  /** How the endpoints were found: RFC 8414 metadata, or the article's fixed paths. */
  source: z.enum(['rfc8414', 'article']),
});

export const certificateInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pem'), certificatePem: z.string().min(1).max(200_000), privateKeyPem: z.string().max(200_000).optional() }),
  z.strictObject({ kind: z.literal('pkcs12'), pkcs12Base64: z.string().min(1).max(400_000), password: z.string().max(256) }),
]);

export const setCredentialsSchema = z.strictObject({
  targetKey: targetKeySchema,
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().max(1000).optional(),
  authMethod: authMethodSchema.default('client_secret_basic'),
  certificate: certificateInputSchema.optional(),
  caPem: z.string().max(200_000).optional(),
  /** Keep them encrypted on disk for the next launches (real regions and custom targets). */
  remember: z.boolean().default(false),
});

export const addCustomTargetSchema = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/ }).max(2048),
  label: z.string().trim().min(1).max(100).optional(),
  caPem: z.string().max(200_000).optional(),
});

export const secureStorageSchema = z.object({
  /** Whether credentials can be kept encrypted on disk (Electron `safeStorage`, or a passphrase). */
  available: z.boolean(),
  description: z.string(),
});

// ---- HTTP exchanges (the recorder) ------------------------------------------------------

export const exchangeSchema = z.object({
  id: z.string(),
  purpose: z.string(),
  startedAt: isoTimeSchema,
  durationMs: z.number(),
  request: z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), body: z.string().optional() }),
  response: z.object({ status: z.number().int(), statusText: z.string(), headers: z.record(z.string(), z.string()), body: z.string().optional() }).optional(),
  error: z.string().optional(),
  clientCertificate: z.boolean(),
  customCa: z.boolean().optional(),
  timings: z.object({ waitMs: z.number(), receiveMs: z.number() }).optional(),
});
export type ExchangeView = z.infer<typeof exchangeSchema>;

// ---- flows --------------------------------------------------------------------------------

export const flowKindSchema = z.enum(['authorization_code', 'client_credentials']);
export const FLOW_STEP_NAMES = ['request-built', 'browser-opened', 'callback-received', 'code-exchanged', 'token-received', 'failed'] as const;

export const flowStepSchema = z.object({
  flowId: z.string(),
  flow: flowKindSchema,
  step: z.enum(FLOW_STEP_NAMES),
  at: isoTimeSchema,
  explanation: z.string(),
  exchange: exchangeSchema.optional(),
  url: z.string().optional(),
  error: contractErrorDataSchema.optional(),
});
export type FlowStepView = z.infer<typeof flowStepSchema>;

/** The token a flow obtained or the user pasted: the one the calls and diagnostics use. */
export const currentTokenSchema = z.object({
  /** The token itself: the window shows it shortened and copies it on request; it never goes to a log. */
  accessToken: z.string(),
  tokenType: z.string(),
  scopes: z.array(z.string()),
  source: z.enum(['authorization_code', 'client_credentials', 'pasted']),
  targetKey: targetKeySchema,
  clientId: z.string().optional(),
  receivedAt: isoTimeSchema,
  expiresAt: isoTimeSchema.optional(),
  overMutualTls: z.boolean(),
});
export type CurrentToken = z.infer<typeof currentTokenSchema>;

const flowCommonSchema = {
  targetKey: targetKeySchema.optional(),
  /** Default: the application's scopes (client credentials), or the target app's (authorization code). */
  scopes: z.array(z.string().max(100)).max(100).optional(),
  authMethod: authMethodSchema.optional(),
};

export const clientCredentialsInputSchema = z.strictObject(flowCommonSchema);

export const authorizationCodeInputSchema = z.strictObject({
  ...flowCommonSchema,
  /** A fixed loopback port (a real Totango app registers exact callback URLs); null or absent for an ephemeral one. */
  callbackPort: z.number().int().min(1024).max(65535).nullable().optional(),
  /** The exact callback URL registered with the app, when it is not `http://127.0.0.1:{port}/callback`. */
  redirectUri: z.url().max(2048).optional(),
  /** How long to wait for the person to sign in, in seconds (default 300). */
  timeoutSeconds: z.number().int().min(10).max(3600).optional(),
});

export const flowOutcomeSchema = z.object({
  flowId: z.string(),
  flow: flowKindSchema,
  steps: z.array(flowStepSchema),
  token: currentTokenSchema,
});

// ---- tokens -------------------------------------------------------------------------------

export const explanationSchema = z.object({ name: z.string(), value: z.unknown(), known: z.boolean(), explanation: z.string(), details: z.array(z.string()).optional() });

export const decodedTokenSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('jwt'),
    header: z.record(z.string(), z.unknown()),
    claims: z.record(z.string(), z.unknown()),
    headerExplanations: z.array(explanationSchema),
    claimExplanations: z.array(explanationSchema),
    times: z.object({
      issuedAt: z.object({ epochSeconds: z.number(), local: z.string() }).optional(),
      notBefore: z.object({ epochSeconds: z.number(), local: z.string() }).optional(),
      expiresAt: z.object({ epochSeconds: z.number(), local: z.string() }).optional(),
      secondsLeft: z.number().optional(),
      timeLeft: z.string().optional(),
      expired: z.boolean().optional(),
    }),
    summary: z.string(),
  }),
  z.object({ kind: z.enum(['opaque', 'encrypted', 'invalid']), summary: z.string() }),
]);

export const tokenCheckSchema = z.object({
  name: z.enum(['format', 'signature', 'typ', 'iss', 'aud', 'exp', 'nbf', 'cnf']),
  status: z.enum(['pass', 'fail', 'skipped']),
  message: z.string(),
});

export const tokenInspectionSchema = z.object({
  decoded: decodedTokenSchema,
  verification: z.object({ valid: z.boolean(), checks: z.array(tokenCheckSchema) }).optional(),
  /** Why it was not verified, when it was not (no target, the issuer unreachable). */
  verificationSkipped: z.string().optional(),
});

export const inspectTokenSchema = z.strictObject({
  token: z.string().min(1).max(64 * 1024),
  /** Verify against this target's issuer and JWKS (default: the selected target); false to decode only. */
  verifyAgainst: z.union([targetKeySchema, z.literal(false)]).optional(),
});

export const useTokenSchema = z.strictObject({ token: z.string().min(1).max(64 * 1024), targetKey: targetKeySchema.optional() });

// ---- calls --------------------------------------------------------------------------------

export const requestBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('json'), json: z.unknown() }),
  z.strictObject({ kind: z.literal('form'), fields: z.record(z.string(), z.string()) }),
]);

export const catalogueRequestSchema = z.strictObject({
  endpointId: endpointIdSchema,
  pathParams: z.record(z.string(), z.string().max(2048)),
  query: z.record(z.string(), z.string().max(2048)),
  body: requestBodySchema.optional(),
});
export type CatalogueRequestView = z.infer<typeof catalogueRequestSchema>;

export const failureCauseSchema = z.object({
  code: z.string(),
  summary: z.string(),
  action: z.string(),
  serverDescription: z.string().optional(),
  retryAfterSeconds: z.number().optional(),
});

export const apiCallSchema = z.object({
  method: z.string(),
  url: z.string(),
  startedAt: isoTimeSchema,
  durationMs: z.number(),
  response: z
    .object({ status: z.number().int(), statusText: z.string(), headers: z.record(z.string(), z.string()), body: z.unknown(), bodyText: z.string() })
    .optional(),
  failure: failureCauseSchema.optional(),
  exchangeId: z.string().optional(),
});

export const sendCallSchema = z.strictObject({
  request: catalogueRequestSchema,
  /** Run a write or delete against a real Totango region: the user confirmed it. */
  confirmed: z.boolean().default(false),
});

// ---- diagnostics --------------------------------------------------------------------------

export const verdictSchema = z.enum(['pass', 'fail', 'mismatch', 'error', 'skipped']);

export const matrixRowSchema = z.object({
  endpointId: endpointIdSchema,
  method: z.string(),
  path: z.string(),
  effect: z.enum(['read', 'write', 'delete']),
  requiredScope: z.string(),
  coveredBy: z.object({ scope: z.string(), rule: z.enum(COVERAGE_RULES), ruleText: z.string() }).nullable(),
  predicted: z.enum(['allowed', 'denied']),
  actual: z
    .object({ status: z.number().int(), error: z.string().optional(), errorDescription: z.string().optional(), wwwAuthenticate: z.string().optional(), durationMs: z.number() })
    .nullable(),
  verdict: verdictSchema,
  note: z.string(),
  fix: z.object({ addScope: z.string(), widerOptions: z.array(z.string()), text: z.string() }).optional(),
  cause: failureCauseSchema.optional(),
  exchangeId: z.string().optional(),
});
export type MatrixRowView = z.infer<typeof matrixRowSchema>;

export const matrixSchema = z.object({
  runId: z.string(),
  startedAt: isoTimeSchema,
  durationMs: z.number(),
  target: z.object({ kind: z.enum(['mock', 'us', 'eu', 'custom']), apiBaseUrl: z.string() }),
  grantedScopes: z.array(z.string()),
  rows: z.array(matrixRowSchema),
  counts: z.record(verdictSchema, z.number().int()),
});
export type MatrixView = z.infer<typeof matrixSchema>;

export const runDiagnosticsSchema = z.strictObject({
  /** The endpoints to run (default: all 29). */
  endpointIds: z.array(endpointIdSchema).max(CATALOGUE.length).optional(),
  /** Against a real region: the writes and deletes the user confirmed, one by one. Reads always run. */
  confirmedWrites: z.array(endpointIdSchema).max(CATALOGUE.length).default([]),
});

export const leastPrivilegeInputSchema = z.strictObject({
  endpointIds: z.array(endpointIdSchema).max(CATALOGUE.length),
  /** The scopes an app holds, to warn about (default: the current token's). */
  grantedScopes: z.array(z.string().max(100)).max(100).optional(),
});

export const leastPrivilegeSchema = z.object({
  needed: z.array(z.object({ scope: z.string(), endpointIds: z.array(endpointIdSchema) })),
  missing: z.array(z.string()),
  warnings: z.array(z.object({ kind: z.enum(['admin', 'entity_all', 'unused']), scope: z.string(), message: z.string() })),
});

// ---- recorder and bundles ------------------------------------------------------------------

export const curlSchema = z.object({
  command: z.string(),
  /** The shell variables the command expects (`TOTANGO_CLIENT_SECRET`…), whose values were redacted. */
  variables: z.array(z.string()),
});

export const importBundleSchema = z.strictObject({ content: z.string().min(1).max(20 * 1024 * 1024) });

export const importedAppSchema = z.object({
  clientId: z.string(),
  region: regionIdSchema,
  actingUserId: z.string().optional(),
  notes: z.array(z.string()),
});

// ---- the Lab itself ------------------------------------------------------------------------

export const themeSchema = z.enum(['light', 'dark', 'auto']);

export const preferencesSchema = z.object({
  /** The loopback port of the authorization-code callback; null for an ephemeral one. */
  callbackPort: z.number().int().min(1024).max(65535).nullable(),
  theme: themeSchema,
  /** The target flows, calls and diagnostics use. */
  selectedTarget: targetKeySchema,
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const updatePreferencesSchema = z.strictObject({
  callbackPort: z.number().int().min(1024).max(65535).nullable().optional(),
  theme: themeSchema.optional(),
});

export const labInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Where the window runs: the Electron app, or browser mode. */
  shell: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  platform: z.string(),
  secureStorage: secureStorageSchema,
});
