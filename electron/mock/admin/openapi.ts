/**
 * The OpenAPI 3.1 description of the admin API, served at `/openapi.json`. Request and
 * entity schemas are generated from the same zod schemas that validate the requests.
 */
import { z } from 'zod';
import { createApplicationInput, updateApplicationInput } from '../applications';
import { exportCertificateInput } from '../applications';
import { FAULT_TARGETS, faultInput } from '../faults';
import { applicationSchema, settingsSchema, userSchema } from '../mock-state';
import { advanceClockInput, revokeTokenInput } from './admin-support-routes';
import { createUserInput, updateUserInput } from '../users';
import { updateSettingsInput } from './admin-routes';
import { mockRequestSchema } from '../../../shared/contract/mock-schemas';
import { DEFAULT_LIST_LIMIT, REQUEST_LOG_CAPACITY } from '../request-log';

const schema = (s: z.ZodType, io: 'input' | 'output' = 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any' });

const errorSchema = {
  type: 'object',
  required: ['error', 'error_description'],
  properties: {
    error: { type: 'string', description: 'a stable code: validation_failed, application_limit_reached, not_found, conflict, forbidden, invalid_request' },
    error_description: { type: 'string' },
    field: { type: 'string', description: 'the input field at fault, as a dotted path' },
  },
};

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const errors = {
  '400': { description: 'invalid input', content: json('Error') },
  '403': { description: 'refused: the Host or Origin is not this admin API', content: json('Error') },
};
const notFound = { '404': { description: 'no such item', content: json('Error') } };
const clientIdParameter = [{ name: 'clientId', in: 'path', required: true, schema: { type: 'string' } }];
const noMutualTls = { '409': { description: 'the application does not use mutual TLS', content: json('Error') } };

export function openApiDocument(adminUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mock Totango admin API',
      version: '1',
      description:
        'Drives the mock Totango of Totango OAuth Lab: OAuth applications, Totango users and mock settings. Loopback only; JSON bodies only (Content-Type: application/json). Errors are { error, error_description, field? }.',
    },
    servers: [{ url: adminUrl }],
    paths: {
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
      '/admin/status': { get: { summary: 'Where the mock listens, its settings, clock and warnings', responses: { '200': { description: 'status' } } } },
      '/admin/scopes': { get: { summary: 'The scopes an application may pick, grouped by entity, and the coverage rules', responses: { '200': { description: 'scopes' } } } },
      '/admin/applications': {
        get: { summary: 'List the applications', responses: { '200': { description: 'the applications', content: { 'application/json': { schema: { type: 'object', properties: { applications: { type: 'array', items: { $ref: '#/components/schemas/Application' } } } } } } } } },
        post: {
          summary: 'Register an application; the response holds the client secret, once',
          requestBody: { required: true, content: json('CreateApplication') },
          responses: {
            '201': { description: 'created', content: { 'application/json': { schema: { type: 'object', required: ['application', 'clientSecret'], properties: { application: { $ref: '#/components/schemas/Application' }, clientSecret: { type: 'string', description: 'shown only here; stored as a scrypt hash' } } } } } },
            '409': { description: 'application_limit_reached: the account holds as many applications as the limit allows', content: json('Error') },
            ...errors,
          },
        },
      },
      '/admin/applications/{clientId}': {
        parameters: [{ name: 'clientId', in: 'path', required: true, schema: { type: 'string' } }],
        get: { summary: 'One application', responses: { '200': { description: 'the application', content: json('Application') }, ...notFound } },
        patch: { summary: 'Update the token lifetime or the callback URLs', requestBody: { required: true, content: json('UpdateApplication') }, responses: { '200': { description: 'updated', content: json('Application') }, ...errors, ...notFound } },
        delete: { summary: 'Delete the application; every token it was issued stops working', responses: { '204': { description: 'deleted' }, ...notFound } },
      },
      '/admin/applications/{clientId}/certificate': {
        parameters: clientIdParameter,
        get: { summary: 'The certificate of a mutual-TLS application (no private key)', responses: { '200': { description: 'the certificate', content: json('Certificate') }, ...noMutualTls, ...notFound } },
      },
      '/admin/applications/{clientId}/certificate/export': {
        parameters: clientIdParameter,
        post: {
          summary: 'Export the certificate with its private key: a PEM bundle (certificate, key, CA) or PKCS#12 with a password',
          requestBody: { required: true, content: json('ExportCertificate') },
          responses: {
            '200': { description: 'the file', content: { 'application/x-pem-file': { schema: { type: 'string' } }, 'application/x-pkcs12': { schema: { type: 'string', format: 'binary' } } } },
            ...errors,
            ...noMutualTls,
            ...notFound,
          },
        },
      },
      '/admin/applications/{clientId}/certificate/renew': {
        parameters: clientIdParameter,
        post: { summary: 'Issue a new certificate; the old one and every token bound to it stop working', responses: { '200': { description: 'the application', content: json('Application') }, ...noMutualTls, ...notFound } },
      },
      '/admin/applications/{clientId}/certificate/expire': {
        parameters: clientIdParameter,
        post: { summary: 'Fault: treat the certificate as expired', responses: { '200': { description: 'the application', content: json('Application') }, ...noMutualTls, ...notFound } },
      },
      '/admin/pki/ca.pem': { get: { summary: "The mock CA's certificate: trust it to reach the HTTPS endpoints", responses: { '200': { description: 'PEM', content: { 'application/x-pem-file': { schema: { type: 'string' } } } } } } },
      '/admin/clock': { get: { summary: "The mock clock: its time and its offset from real time", responses: { '200': { description: 'the clock', content: json('Clock') } } } },
      '/admin/clock/advance': { post: { summary: 'Move the mock clock (negative seconds move it back)', requestBody: { required: true, content: json('AdvanceClock') }, responses: { '200': { description: 'the clock', content: json('Clock') }, ...errors } } },
      '/admin/clock/reset': { post: { summary: 'Back to real time', responses: { '200': { description: 'the clock', content: json('Clock') } } } },
      '/admin/faults': {
        get: { summary: 'The faults in force', responses: { '200': { description: 'the faults' } } },
        post: { summary: `Inject a fault: an error, Totango's rate limit (429 with Retry-After) or latency, for the next "count" requests to a target (${FAULT_TARGETS.slice(0, 4).join(', ')}, or a catalogue endpoint id)`, requestBody: { required: true, content: json('Fault') }, responses: { '201': { description: 'the fault, with its id' }, ...errors } },
        delete: { summary: 'Clear every fault', responses: { '204': { description: 'cleared' } } },
      },
      '/admin/faults/{faultId}': {
        parameters: [{ name: 'faultId', in: 'path', required: true, schema: { type: 'string' } }],
        delete: { summary: 'Clear one fault', responses: { '204': { description: 'cleared' }, ...notFound } },
      },
      '/admin/tokens/revoke': { post: { summary: 'Revoke an access token issued by either region', requestBody: { required: true, content: json('RevokeToken') }, responses: { '200': { description: 'revoked: { revoked, jti, region }' }, ...errors } } },
      '/admin/data/reset': { post: { summary: "Put the tenant's data (accounts, users, collections, events, SCIM, touchpoints, audit) back to its seed; applications and Totango users are untouched", responses: { '200': { description: 'reset' } } } },
      '/admin/requests': {
        get: {
          summary: `The requests the mock answered (admin API and both regions, HTTP and HTTPS), oldest first; it keeps the last ${REQUEST_LOG_CAPACITY}. Paths carry no query string, and no credential is kept. This route itself is not logged`,
          parameters: [
            { name: 'after', in: 'query', required: false, description: 'only requests with a greater "seq" (to page forward); without it, the newest ones', schema: { type: 'integer', minimum: 0 } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: REQUEST_LOG_CAPACITY, default: DEFAULT_LIST_LIMIT } },
          ],
          responses: {
            '200': { description: 'the requests', content: { 'application/json': { schema: { type: 'object', required: ['requests'], properties: { requests: { type: 'array', items: { $ref: '#/components/schemas/MockRequest' } } } } } } },
            ...errors,
          },
        },
      },
      '/admin/users': {
        get: { summary: 'List the Totango users', responses: { '200': { description: 'the users' } } },
        post: { summary: 'Add an active user', requestBody: { required: true, content: json('CreateUser') }, responses: { '201': { description: 'created', content: json('User') }, '409': { description: 'the email exists', content: json('Error') }, ...errors } },
      },
      '/admin/users/{userId}': {
        parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }],
        get: { summary: 'One user', responses: { '200': { description: 'the user', content: json('User') }, ...notFound } },
        patch: { summary: 'Activate, disable or delete the user (deletion is final)', requestBody: { required: true, content: json('UpdateUser') }, responses: { '200': { description: 'updated', content: json('User') }, '409': { description: 'the user is deleted', content: json('Error') }, ...errors, ...notFound } },
        delete: { summary: 'Delete the user (sets status "deleted")', responses: { '200': { description: 'deleted', content: json('User') }, ...notFound } },
      },
      '/admin/settings': {
        get: { summary: 'The mock settings', responses: { '200': { description: 'settings', content: json('Settings') } } },
        patch: { summary: 'Change mock settings (application limit, PKCE required, signing algorithm, code lifetime)', requestBody: { required: true, content: json('UpdateSettings') }, responses: { '200': { description: 'settings', content: json('Settings') }, ...errors } },
      },
    },
    components: {
      schemas: {
        Error: errorSchema,
        Application: {
          ...schema(applicationSchema.omit({ clientSecretHash: true, certificate: true })),
          properties: {
            ...(schema(applicationSchema.omit({ clientSecretHash: true, certificate: true })) as { properties: Record<string, unknown> }).properties,
            certificate: { oneOf: [{ $ref: '#/components/schemas/Certificate' }, { type: 'null' }] },
          },
        },
        Certificate: {
          type: 'object',
          required: ['serial', 'thumbprint', 'notBefore', 'notAfter', 'expired', 'certificatePem'],
          properties: {
            serial: { type: 'string' },
            thumbprint: { type: 'string', description: 'base64url SHA-256 of the DER: the x5t#S256 of tokens bound to it' },
            notBefore: { type: 'string', format: 'date-time' },
            notAfter: { type: 'string', format: 'date-time' },
            expired: { type: 'boolean', description: 'by the mock clock, or by fault injection' },
            certificatePem: { type: 'string' },
          },
        },
        ExportCertificate: schema(exportCertificateInput, 'input'),
        Clock: { type: 'object', properties: { now: { type: 'string', format: 'date-time' }, offsetSeconds: { type: 'integer' } } },
        AdvanceClock: schema(advanceClockInput, 'input'),
        Fault: schema(faultInput, 'input'),
        RevokeToken: schema(revokeTokenInput, 'input'),
        CreateApplication: schema(createApplicationInput, 'input'),
        UpdateApplication: schema(updateApplicationInput, 'input'),
        User: schema(userSchema),
        CreateUser: schema(createUserInput, 'input'),
        UpdateUser: schema(updateUserInput, 'input'),
        Settings: schema(settingsSchema),
        MockRequest: schema(mockRequestSchema),
        UpdateSettings: schema(updateSettingsInput, 'input'),
      },
    },
  };
}
