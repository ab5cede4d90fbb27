/**
 * The client services behind the contract's dispatcher, as a transport drives them: raw
 * calls validated before any service runs (the field at fault named), errors as data
 * with their codes, and answers that pass the output schemas.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/contract/define';
import { CLIENT_CONTRACT, openServices, startTestMock, type RunningMock, type ServicesUnderTest } from './services-fixture';

let running: RunningMock;
let lab: ServicesUnderTest;

beforeAll(async () => {
  running = await startTestMock();
});
afterAll(async () => {
  await running.stop();
});
beforeEach(async () => {
  lab = await openServices(running);
});
afterEach(async () => {
  await lab.close();
  expect(lab.loggedErrors).toEqual([]);
});

describe('the dispatcher over the client services', () => {
  it('has a handler for every method of the seven services', () => {
    for (const [service, method] of methodNames(CLIENT_CONTRACT)) {
      expect(typeof (lab.handlers as unknown as Record<string, Record<string, unknown>>)[service]?.[method], `${service}.${method}`).toBe('function');
    }
  });

  it.each([
    ['targets', 'setCredentials', { targetKey: 'totango:us', clientId: '   ' }, 'clientId'],
    ['targets', 'setCredentials', { targetKey: 'totango:us', clientId: 'c', certificate: { kind: 'der', bytes: 'AA' } }, 'certificate.kind'],
    ['targets', 'addCustom', { baseUrl: 'ftp://files.example' }, 'baseUrl'],
    ['flows', 'authorizationCode', { callbackPort: 80 }, 'callbackPort'],
    ['flows', 'clientCredentials', { secret: 'x' }, undefined],
    ['diagnostics', 'run', { endpointIds: ['no-such-endpoint'] }, 'endpointIds.0'],
    ['calls', 'send', { request: { endpointId: 'whoami', pathParams: {}, query: {} }, confirmed: 'yes' }, 'confirmed'],
    ['tokens', 'inspect', { token: '' }, 'token'],
    ['diagnostics', 'export', { format: 'xlsx' }, 'format'],
  ])('refuses %s.%s with %j before the service runs', async (service, method, input, field) => {
    const answer = await lab.call(service, method, input);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid_input');
    expect(answer.error.field).toBe(field);
    expect(answer.error.message).toMatch(field === undefined ? /^invalid input of "/ : new RegExp(`^invalid "${field.replace('.', '\\.')}": `));
    expect(lab.events).toEqual([]);
  });

  it('answers an unknown method, and turns a service error into data with its code', async () => {
    expect(await lab.call('tokens', 'steal', {})).toEqual({ ok: false, error: { code: 'unknown_method', message: 'no method "tokens.steal" in the contract' } });
    expect(await lab.call('calls', 'send', { request: { endpointId: 'whoami', pathParams: {}, query: {} } })).toEqual({
      ok: false,
      error: { code: 'invalid_configuration', message: 'no current token: run a flow ("flows.clientCredentials" or "flows.authorizationCode") or paste a token ("tokens.use") first' },
    });
  });

  it('applies the defaults of the input schemas and answers within the output schemas', async () => {
    const summary = await lab.call('targets', 'setCredentials', { targetKey: 'mock:eu', clientId: ' padded-id ', clientSecret: 's3cret-not-echoed' });
    expect(summary).toEqual({ ok: true, value: { clientId: 'padded-id', authMethod: 'client_secret_basic', hasClientSecret: true, certificate: null, hasCustomCa: false, persisted: false } });
    expect(JSON.stringify(lab.events)).not.toContain('s3cret-not-echoed');
    const list = await lab.call('targets', 'list', {});
    expect(list.ok && (list.value as { selected: string }).selected).toBe('mock:us');
    expect(await lab.call('diagnostics', 'last', {})).toEqual({ ok: true, value: { matrix: null } });
  });
});
