/**
 * The contract between the window and the main process: every capability the window
 * needs, as services with methods and events. This map is the one source the preload,
 * the IPC handlers, the browser-mode host and the window's client are derived from.
 *
 * Methods with no input take `{}`.
 */
import { z } from 'zod';
import { event, method, service } from './define';
import {
  addCustomTargetSchema,
  apiCallSchema,
  authorizationCodeInputSchema,
  catalogueRequestSchema,
  clientCredentialsInputSchema,
  credentialsSummarySchema,
  currentTokenSchema,
  curlSchema,
  endpointIdSchema,
  exchangeSchema,
  flowOutcomeSchema,
  flowStepSchema,
  importBundleSchema,
  importedAppSchema,
  inspectTokenSchema,
  labInfoSchema,
  leastPrivilegeInputSchema,
  leastPrivilegeSchema,
  matrixRowSchema,
  matrixSchema,
  preferencesSchema,
  resolvedTargetSchema,
  runDiagnosticsSchema,
  sendCallSchema,
  setCredentialsSchema,
  targetKeySchema,
  targetViewSchema,
  tokenInspectionSchema,
  updatePreferencesSchema,
  useTokenSchema,
} from './client-schemas';
import {
  applicationViewSchema,
  clientIdInputSchema,
  createApplicationSchema,
  createUserSchema,
  exportCertificateSchema,
  faultInputSchema,
  faultViewSchema,
  fileExportSchema,
  mockChangedSchema,
  mockClockSchema,
  mockRequestSchema,
  mockSettingsSchema,
  mockStatusSchema,
  mockUserSchema,
  updateApplicationSchema,
  userStatusSchema,
} from './mock-schemas';

const none = z.strictObject({});
const done = z.object({ done: z.literal(true) });

export const LAB_CONTRACT = Object.freeze({
  lab: service('The Lab itself: what it is, where it keeps its data, its preferences.', {
    info: method('Name, version, shell (Electron or browser mode), data directory and secure storage.', none, labInfoSchema),
    preferences: method('The Lab preferences: callback port, theme, selected target.', none, preferencesSchema),
    updatePreferences: method('Change the callback port or the theme.', updatePreferencesSchema, preferencesSchema),
  }),

  mock: service(
    'The embedded mock Totango: status, settings, clock, data reset, request log.',
    {
      status: method('Where the mock listens, its settings, clock, counts and warnings.', none, mockStatusSchema),
      caCertificate: method("The mock CA's certificate (PEM), to trust its HTTPS endpoints.", none, fileExportSchema),
      updateSettings: method('Change the application limit, PKCE requirement, signing algorithm or code lifetime.', mockSettingsSchema.partial().strict(), mockSettingsSchema),
      advanceClock: method('Move the mock clock (negative seconds move it back).', z.strictObject({ seconds: z.number().int().min(-10 * 365 * 86400).max(10 * 365 * 86400) }), mockClockSchema),
      resetClock: method('Put the mock clock back to real time.', none, mockClockSchema),
      resetData: method("Put the tenant's data back to its seed; applications and users are untouched.", none, done),
      revokeToken: method('Revoke an access token issued by either region.', z.strictObject({ token: z.string().min(1).max(16 * 1024) }), z.object({ revoked: z.boolean(), jti: z.string().optional(), region: z.string().optional() })),
      requests: method('The requests the mock served, newest last, after a sequence number.', z.strictObject({ after: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(1000).default(200) }), z.object({ requests: z.array(mockRequestSchema) })),
    },
    {
      request: event('A request the mock served.', mockRequestSchema),
      changed: event('Something the window shows changed: refresh it.', mockChangedSchema),
    },
  ),

  applications: service("The mock account's OAuth applications, as Totango's Integrations > OAuth Applications page.", {
    list: method('The applications, with the limit of the account.', none, z.object({ applications: z.array(applicationViewSchema), limit: z.number().int() })),
    get: method('One application.', clientIdInputSchema, applicationViewSchema),
    create: method('Register an application; the client secret comes back once.', createApplicationSchema, z.object({ application: applicationViewSchema, clientSecret: z.string() })),
    update: method('Update the token lifetime, the callback URLs or mutual TLS.', updateApplicationSchema, applicationViewSchema),
    remove: method('Delete the application: every token it was issued stops working.', clientIdInputSchema, done),
    exportCertificate: method('Export the client certificate with its key: PEM bundle, or PKCS#12 with a password.', exportCertificateSchema, fileExportSchema),
    renewCertificate: method('Issue a new certificate; the old one and its tokens stop working.', clientIdInputSchema, applicationViewSchema),
    expireCertificate: method('Fault: treat the certificate as expired.', clientIdInputSchema, applicationViewSchema),
  }),

  users: service('The Totango users of the mock account (the acting users of client-credentials apps).', {
    list: method('Every user, with status.', none, z.object({ users: z.array(mockUserSchema) })),
    create: method('Add an active user.', createUserSchema, mockUserSchema),
    setStatus: method('Activate, disable or delete a user (deletion is final).', z.strictObject({ userId: z.string().min(1).max(100), status: userStatusSchema }), mockUserSchema),
  }),

  faults: service('Fault injection on the mock, for reproducing a customer failure.', {
    list: method('The faults in force.', none, z.object({ faults: z.array(faultViewSchema) })),
    inject: method('Fail, rate-limit or slow the next requests to a target.', faultInputSchema, faultViewSchema),
    clear: method('Clear one fault.', z.strictObject({ faultId: z.string().min(1).max(100) }), done),
    clearAll: method('Clear every fault.', none, done),
  }),

  targets: service(
    'Where flows, calls and diagnostics go: the mock, Totango US or EU, a custom base URL; and their credentials.',
    {
      list: method('The targets, the selected one, and which have credentials.', none, z.object({ targets: z.array(targetViewSchema), selected: targetKeySchema })),
      select: method('Make a target the one flows, calls and diagnostics use.', z.strictObject({ targetKey: targetKeySchema }), targetViewSchema),
      resolve: method("A target's endpoints (RFC 8414 metadata, or the article's fixed paths).", z.strictObject({ targetKey: targetKeySchema.optional() }), resolvedTargetSchema),
      addCustom: method('Add a custom base URL as a target.', addCustomTargetSchema, targetViewSchema),
      removeCustom: method('Remove a custom target and forget its credentials.', z.strictObject({ targetKey: targetKeySchema }), done),
      setCredentials: method("Load an app's credentials for a target (client ID and secret, certificate, CA).", setCredentialsSchema, credentialsSummarySchema),
      useApplication: method('Use a mock application this Lab registered (its secret is held for the session).', clientIdInputSchema, targetViewSchema),
      forgetCredentials: method("Forget a target's credentials, on disk and in memory.", z.strictObject({ targetKey: targetKeySchema }), z.object({ forgotten: z.boolean() })),
    },
    { changed: event('Targets or credentials changed.', z.object({ selected: targetKeySchema })) },
  ),

  flows: service(
    'The OAuth flows, run step by step.',
    {
      clientCredentials: method('Get a token with the client-credentials grant.', clientCredentialsInputSchema, flowOutcomeSchema),
      authorizationCode: method('Run the authorization-code flow with PKCE through the system browser and a loopback callback.', authorizationCodeInputSchema, flowOutcomeSchema),
      cancel: method('Cancel the flow waiting for its callback.', none, z.object({ cancelled: z.boolean() })),
    },
    {
      step: event('A step of a running flow.', flowStepSchema),
      openUrl: event('Browser mode: the window should open this authorization URL in a new tab.', z.object({ flowId: z.string(), url: z.string() })),
    },
  ),

  tokens: service(
    'The current token, and any pasted one: decoded, explained, verified.',
    {
      current: method('The token calls and diagnostics use, if any.', none, z.object({ token: currentTokenSchema.nullable() })),
      inspect: method('Decode, explain and verify a token.', inspectTokenSchema, tokenInspectionSchema),
      use: method('Make a pasted token the current one.', useTokenSchema, currentTokenSchema),
      clear: method('Forget the current token.', none, done),
    },
    { changed: event('The current token changed.', z.object({ token: currentTokenSchema.nullable() })) },
  ),

  calls: service('The 29 catalogued endpoints, called with the current token.', {
    example: method('A valid example request for an endpoint, to edit.', z.strictObject({ endpointId: endpointIdSchema }), catalogueRequestSchema),
    send: method('Send a request with the current token (and certificate).', sendCallSchema, apiCallSchema),
  }),

  diagnostics: service(
    'Every endpoint run with the current token: the pass/fail/mismatch matrix and least privilege.',
    {
      run: method('Run the diagnostics; rows also arrive one by one as events.', runDiagnosticsSchema, matrixSchema),
      last: method('The last matrix, if any.', none, z.object({ matrix: matrixSchema.nullable() })),
      leastPrivilege: method('The smallest set of scopes that covers the endpoints, and warnings about wider grants.', leastPrivilegeInputSchema, leastPrivilegeSchema),
      export: method('The last matrix as JSON or CSV.', z.strictObject({ format: z.enum(['json', 'csv']) }), fileExportSchema),
    },
    { row: event('A row of a running diagnostics run.', z.object({ runId: z.string(), row: matrixRowSchema })) },
  ),

  recorder: service(
    'The timeline of every HTTP exchange, HAR and curl export, repro bundles.',
    {
      timeline: method('Every recorded exchange, oldest first.', none, z.object({ exchanges: z.array(exchangeSchema) })),
      clear: method('Empty the timeline.', none, done),
      curl: method('One exchange as a curl command that reproduces it.', z.strictObject({ exchangeId: z.string().min(1).max(100) }), curlSchema),
      exportHar: method('The timeline as HAR 1.2.', none, fileExportSchema),
      exportBundle: method('A repro bundle: app configuration (no secret), timeline, decoded token, diagnostics.', z.strictObject({ clientId: z.string().max(200).optional() }), fileExportSchema),
      importBundle: method('Recreate a repro bundle’s app on the local mock, to replay the failure.', importBundleSchema, importedAppSchema),
    },
    {
      exchange: event('An exchange was recorded.', exchangeSchema),
      cleared: event('The timeline was emptied.', z.object({})),
    },
  ),
});

export type LabContract = typeof LAB_CONTRACT;
