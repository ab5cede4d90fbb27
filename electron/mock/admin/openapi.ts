/**
 * The OpenAPI 3.1 description of the admin API, served at `/openapi.json`. Request and
 * entity schemas are generated from the same zod schemas that validate the requests.
 */
import { z } from 'zod';
import { createApplicationInput, updateApplicationInput } from '../applications';
import { applicationSchema, settingsSchema, userSchema } from '../mock-state';
import { createUserInput, updateUserInput } from '../users';
import { updateSettingsInput } from './admin-routes';

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
        Application: schema(applicationSchema.omit({ clientSecretHash: true })),
        CreateApplication: schema(createApplicationInput, 'input'),
        UpdateApplication: schema(updateApplicationInput, 'input'),
        User: schema(userSchema),
        CreateUser: schema(createUserInput, 'input'),
        UpdateUser: schema(updateUserInput, 'input'),
        Settings: schema(settingsSchema),
        UpdateSettings: schema(updateSettingsInput, 'input'),
      },
    },
  };
}
