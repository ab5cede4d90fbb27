import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MOCK_ADMIN, parseLabArgs, UsageError } from './lab-args';

function usageError(argv: string[], env: Record<string, string> = {}): string {
  try {
    parseLabArgs(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('no usage error');
}

describe('parseLabArgs', () => {
  it('reads a diagnose command against the mock, with the defaults', () => {
    expect(parseLabArgs(['diagnose', '--client-id', 'abc', '--scope', 'account:read touchpoint:all'])).toEqual({
      command: 'diagnose',
      target: { kind: 'mock', region: 'us', mockAdmin: DEFAULT_MOCK_ADMIN },
      credentials: { clientId: 'abc', scope: 'account:read touchpoint:all', authMethod: 'client_secret_basic' },
      store: { dataDir: join(homedir(), '.totango-oauth-lab'), remember: false, forget: false },
      recording: { curl: false },
      json: false,
      color: undefined,
      allowWrites: false,
      concurrency: 8,
    });
  });

  it('takes the client id, secret and token from the environment when the flags are absent; flags win', () => {
    const env = { TOTANGO_CLIENT_ID: 'env-id', TOTANGO_CLIENT_SECRET: 'env-secret', TOTANGO_ACCESS_TOKEN: '' };
    const fromEnv = parseLabArgs(['token', '--target', 'eu'], env);
    expect(fromEnv).toMatchObject({ command: 'token', target: { kind: 'eu', region: 'eu' }, credentials: { clientId: 'env-id', clientSecret: 'env-secret' } });
    expect(fromEnv.command === 'token' && 'accessToken' in fromEnv.credentials).toBe(false);
    expect(parseLabArgs(['token', '--client-id', 'flag-id'], env)).toMatchObject({ credentials: { clientId: 'flag-id' } });
  });

  it('reads call with path parameters, query and a body file', () => {
    expect(parseLabArgs(['call', 'scim-get-user', '--param', 'service-id=9013', '--param', 'user-id=u-1002', '--query', 'a=b=c', '--body', 'b.json', '--no-color'])).toMatchObject({
      command: 'call',
      endpointId: 'scim-get-user',
      params: { 'service-id': '9013', 'user-id': 'u-1002' },
      query: { a: 'b=c' },
      bodyFile: 'b.json',
      color: false,
    });
  });

  it('reads --har and --curl for any command, and --needs for diagnose', () => {
    expect(parseLabArgs(['call', 'whoami', '--har', 'run.har', '--curl'])).toMatchObject({ recording: { harFile: 'run.har', curl: true } });
    expect(parseLabArgs(['diagnose', '--needs', 'create-touchpoint, search-accounts'])).toMatchObject({ neededEndpointIds: ['create-touchpoint', 'search-accounts'] });
  });

  it('reads the authorization-code flow with a fixed redirect port, and a custom target', () => {
    expect(parseLabArgs(['flow', 'authorization-code', '--target', 'custom', '--base-url', 'https://totango.example', '--redirect-port', '8765'])).toMatchObject({
      command: 'flow',
      grant: 'authorization-code',
      redirectPort: 8765,
      timeoutSeconds: 300,
      target: { kind: 'custom', baseUrl: 'https://totango.example' },
    });
  });

  it('reads --remember with the passphrase from the environment, and the data directory from the flag or the environment', () => {
    const env = { TOTANGO_CLIENT_ID: 'env-id', TOTANGO_LAB_PASSPHRASE: 'a long passphrase', TOTANGO_LAB_DATA_DIR: '/tmp/from-env' };
    expect(parseLabArgs(['token', '--target', 'us', '--remember'], env)).toMatchObject({ store: { dataDir: '/tmp/from-env', remember: true, forget: false, passphrase: 'a long passphrase' } });
    expect(parseLabArgs(['token', '--data-dir', 'here'], env)).toMatchObject({ store: { dataDir: resolve('here'), remember: false } });
  });

  it('reads --forget on its own as the forget command, and with a command as a step before it', () => {
    expect(parseLabArgs(['--forget', '--target', 'eu', '--data-dir', '/tmp/lab'])).toEqual({
      command: 'forget',
      target: { kind: 'eu', region: 'eu', mockAdmin: DEFAULT_MOCK_ADMIN },
      store: { dataDir: '/tmp/lab', remember: false, forget: true },
    });
    expect(parseLabArgs(['diagnose', '--forget'])).toMatchObject({ command: 'diagnose', store: { forget: true } });
  });

  it('gives help for no command, "help" and --help', () => {
    expect(parseLabArgs([])).toEqual({ command: 'help' });
    expect(parseLabArgs(['help'])).toEqual({ command: 'help' });
    expect(parseLabArgs(['diagnose', '-h'])).toEqual({ command: 'help' });
  });

  it.each([
    [['dance'], 'unknown command "dance" (choose diagnose, token, call, flow or help)'],
    [['diagnose', '--target', 'mars'], 'unknown target "mars" in "--target" (choose mock, us, eu or custom)'],
    [['diagnose', '--target', 'custom'], '"--target custom" needs "--base-url"'],
    [['diagnose', '--base-url', 'https://x.example'], '"--base-url" goes with "--target custom" only'],
    [['diagnose', '--target', 'us', '--region', 'eu'], '"--region eu" contradicts "--target us"'],
    [['diagnose', '--region', 'apac'], 'unknown region "apac" in "--region" (choose us or eu)'],
    [['diagnose', '--target', 'eu', '--mock-admin', 'http://127.0.0.1:1'], '"--mock-admin" goes with "--target mock" only'],
    [['diagnose', '--auth', 'jwt'], 'unknown client authentication "jwt" in "--auth" (choose basic or post)'],
    [['diagnose', '--endpoints', 'whoami,get-coffee'], 'unknown endpoint "get-coffee" in "--endpoints" (see "lab help" for the list)'],
    [['diagnose', '--concurrency', '0'], '"--concurrency" must be an integer from 1 to 64, got "0"'],
    [['diagnose', 'extra'], 'unexpected argument "extra" after "diagnose"'],
    [['diagnose', '--pfx', 'a.p12', '--cert', 'a.pem'], 'give either "--pfx" or "--cert" (with "--key"), not both'],
    [['diagnose', '--key', 'k.pem'], '"--key" needs "--cert"'],
    [['call'], 'missing endpoint id: "call <endpoint-id>"'],
    [['call', 'get-coffee'], 'unknown endpoint "get-coffee" in "call" (see "lab help" for the list)'],
    [['call', 'whoami', '--param', 'novalue'], '"--param" takes name=value, got "novalue"'],
    [['call', 'update-touchpoint', '--param', 'note_id=30002'], 'unknown path parameter "note_id" in "--param" for update-touchpoint (it takes "note-id")'],
    [['call', 'whoami', '--param', 'user-id=u-1'], 'unknown path parameter "user-id" in "--param" for whoami (it takes none)'],
    [['call', 'whoami', '--har', ''], '"--har" needs a file name'],
    [['token', '--needs', 'whoami'], '"--needs" goes with "diagnose" only'],
    [['diagnose', '--needs', 'whoami,get-coffee'], 'unknown endpoint "get-coffee" in "--needs" (see "lab help" for the list)'],
    [['flow', 'implicit'], 'unknown flow "implicit": "flow authorization-code" or "flow client-credentials"'],
    [['flow', 'authorization-code', '--redirect-port', '70000'], '"--redirect-port" must be an integer from 0 to 65535, got "70000"'],
  ])('refuses %j: %s', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });

  it.each([
    [['token', '--client-id', 'abc', '--remember'], {}, '"--remember" needs a passphrase to seal the credentials with: set TOTANGO_LAB_PASSPHRASE (at least 8 characters)'],
    [['token', '--client-id', 'abc', '--remember'], { TOTANGO_LAB_PASSPHRASE: 'short' }, '"--remember" needs a passphrase to seal the credentials with: set TOTANGO_LAB_PASSPHRASE (at least 8 characters)'],
    [['token', '--remember'], { TOTANGO_LAB_PASSPHRASE: 'a long passphrase' }, '"--remember" needs the credentials to store: "--client-id" (or TOTANGO_CLIENT_ID), with the secret or certificate'],
    [['token', '--client-id', 'abc', '--remember', '--forget'], { TOTANGO_LAB_PASSPHRASE: 'a long passphrase' }, 'give either "--remember" or "--forget", not both'],
    [['--remember', '--client-id', 'abc'], { TOTANGO_LAB_PASSPHRASE: 'a long passphrase' }, '"--remember" stores the credentials a command uses: give a command (diagnose, token, call or flow)'],
  ])('refuses %j with %j: %s', (argv, env, message) => {
    expect(usageError(argv, env)).toBe(message);
  });

  it('refuses an unknown option, naming it', () => {
    expect(usageError(['diagnose', '--frobnicate'])).toMatch(/unknown option '--frobnicate'/);
  });
});
