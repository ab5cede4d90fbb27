import { describe, expect, it } from 'vitest';
import { formFieldOf, initialValues, toCreateInput, validateRegistration, type RegistrationValues } from './registration-form';

const base = initialValues('http://127.0.0.1:8765/callback');
const valid: RegistrationValues = { ...base, name: 'Renewals sync', scopes: ['account:read'] };

describe('the registration rules', () => {
  it('starts as the article says: mutual TLS off, 24 hours, the Lab callback offered, US', () => {
    expect(base).toMatchObject({ mutualTls: false, lifetime: { hours: 24, minutes: 0 }, callbackUrls: ['http://127.0.0.1:8765/callback'], region: 'us', scopes: [] });
  });

  it('asks for a name and at least one scope', () => {
    expect(validateRegistration(base, [])).toEqual({ name: 'Enter the application name.', scopes: 'Select at least one scope.' });
    expect(validateRegistration({ ...valid, name: '   ' }, []).name).toBe('Enter the application name.');
    expect(validateRegistration(valid, [])).toEqual({});
  });

  it('asks an authorization-code app for valid callback URLs, naming the line at fault', () => {
    expect(validateRegistration({ ...valid, callbackUrls: [] }, []).callbackUrls).toBe('Add one or more callback URLs: Totango redirects to them during the authorization flow.');
    expect(validateRegistration({ ...valid, callbackUrls: ['https://a.example/cb', 'http://a.example/cb'] }, [])).toEqual({
      'callbackUrls.1': 'Plain http is allowed only on a loopback host: use https, or http://127.0.0.1 (RFC 8252).',
    });
  });

  it('asks a client-credentials app for an active acting user', () => {
    const cc: RegistrationValues = { ...valid, grantType: 'client_credentials' };
    expect(validateRegistration(cc, ['u-1']).actingUserId).toBe('Select the user the application acts as.');
    expect(validateRegistration({ ...cc, actingUserId: 'u-2' }, ['u-1']).actingUserId).toBe('This user is no longer active: select an active one.');
    expect(validateRegistration({ ...cc, actingUserId: 'u-1', callbackUrls: ['not a url'] }, ['u-1'])).toEqual({});
  });
});

describe('the contract input', () => {
  it('carries the callback URLs of an authorization-code app, and no acting user', () => {
    expect(toCreateInput({ ...valid, name: ' Renewals sync ', lifetime: { hours: 1, minutes: 30 }, mutualTls: true, region: 'eu' })).toEqual({
      name: 'Renewals sync',
      region: 'eu',
      grantType: 'authorization_code',
      callbackUrls: ['http://127.0.0.1:8765/callback'],
      scopes: ['account:read'],
      accessTokenTtlSeconds: 5_400,
      mutualTls: true,
    });
  });

  it('carries the acting user of a client-credentials app, no callback URLs, and only the scopes nothing else covers', () => {
    expect(toCreateInput({ ...valid, grantType: 'client_credentials', actingUserId: 'u-1003', scopes: ['account:read', 'account:all', 'event:read'] })).toEqual({
      name: 'Renewals sync',
      region: 'us',
      grantType: 'client_credentials',
      actingUserId: 'u-1003',
      scopes: ['account:all', 'event:read'],
      accessTokenTtlSeconds: 86_400,
      mutualTls: false,
    });
  });
});

describe('where a contract error lands', () => {
  it.each([
    ['name', 'name'],
    ['accessTokenTtlSeconds', 'lifetime'],
    ['scopes.2', 'scopes'],
    ['callbackUrls', 'callbackUrls'],
    ['callbackUrls.1', 'callbackUrls.1'],
    ['actingUserId', 'actingUserId'],
    ['region', 'region'],
  ])('%s lands on %s', (field, formField) => {
    expect(formFieldOf(field)).toBe(formField);
  });

  it('leaves an error with no field, or an unknown one, to the whole form', () => {
    expect(formFieldOf(undefined)).toBeUndefined();
    expect(formFieldOf('clientId')).toBeUndefined();
  });
});
