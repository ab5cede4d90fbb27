import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue';
import { clientCredentialsToken, registerClientApp, type ClientApp } from '../testing/diagnostics-fixture';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { mockBrowser } from '../testing/mock-browser';
import { freePort } from '../testing/test-support';
import { runLabCli } from './lab-cli';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cliPath = join(root, 'electron', 'client', 'cli', 'lab-cli.ts');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line as `npm run lab` would, with the app's secrets in the environment only. */
function spawnLab(args: string[], env: Record<string, string>, onStdout?: (text: string) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
    const child = spawn(tsx, [cliPath, ...args], { cwd: root, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the command line in this process, its output captured. */
async function runInProcess(args: string[], env: Record<string, string>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runLabCli(args, { env, stdout: { write: (text) => (stdout += text) }, stderr: { write: (text) => (stderr += text) } });
  return { code, stdout, stderr };
}

let lab: LabMock;
let app: ClientApp;
let env: Record<string, string>;
beforeAll(async () => {
  lab = await startLabMock();
  app = await registerClientApp(lab, ['account:read', 'touchpoint:all']);
  env = { TOTANGO_CLIENT_ID: app.clientId, TOTANGO_CLIENT_SECRET: app.clientSecret };
});
afterAll(async () => lab.stop());

describe('npm run lab -- diagnose', () => {
  it('prints the matrix for account:read + touchpoint:all: passes, and failures naming the missing scope; exits 1', async () => {
    const run = await spawnLab(['diagnose', '--mock-admin', lab.mock.urls.admin], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const verdictOf = (id: string) => lines.find((line) => line.split(/\s+/)[1] === id)?.split(/\s+/)[0];
    expect(verdictOf('search-accounts')).toBe('pass');
    for (const endpoint of CATALOGUE.filter((e) => e.requiredScope.startsWith('touchpoint:'))) expect(verdictOf(endpoint.id)).toBe('pass');
    for (const endpoint of CATALOGUE.filter((e) => e.requiredScope !== 'account:read' && !e.requiredScope.startsWith('touchpoint:'))) {
      expect(verdictOf(endpoint.id)).toBe('fail');
      expect(lines.find((line) => line.split(/\s+/)[1] === endpoint.id)).toContain(`missing ${endpoint.requiredScope}; add "${endpoint.requiredScope}"`);
    }
    expect(run.stdout).toContain('7 pass, 22 fail, 0 mismatch, 0 error, 0 skipped');
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout + run.stderr).not.toContain(app.clientSecret);
  });

  it('colours the verdicts when asked, and writes a repro bundle without the secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-cli-'));
    try {
      const bundleFile = join(dir, 'bundle.json');
      const run = await runInProcess(['diagnose', '--mock-admin', `${lab.mock.urls.admin}/admin/status`, '--color', '--scope', 'account:read', '--bundle', bundleFile], env);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('\u001b[32mpass');
      expect(run.stdout).toContain('\u001b[31mfail');
      expect(run.stdout).toContain('granted scopes: account:read\n');
      const bundle = await readFile(bundleFile, 'utf8');
      expect(JSON.parse(bundle)).toMatchObject({ app: { grantType: 'client_credentials', scopes: ['account:read'], actingUser: { id: 'u-1003' }, originalClientId: app.clientId }, diagnostics: { counts: { pass: 1 } } });
      expect(bundle).not.toContain(app.clientSecret);
      expect(run.stderr).toBe(`repro bundle written to ${bundleFile} (no secret in it)\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 0 when every endpoint passes', async () => {
    const admin = await registerClientApp(lab, ['admin']);
    const run = await runInProcess(['diagnose', '--mock-admin', lab.mock.urls.admin, '--json'], { TOTANGO_CLIENT_ID: admin.clientId, TOTANGO_CLIENT_SECRET: admin.clientSecret });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ counts: { pass: 29 }, target: { kind: 'mock' } });
  });

  it('says plainly when the mock is not there, or when no credentials were given', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const missing = await runInProcess(['diagnose', '--mock-admin', nowhere], env);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toBe(`lab: the mock's admin API at "${nowhere}/admin/status" did not answer (is \`npm run mock\` running? see "--mock-admin") (network)\n`);
    const anonymous = await runInProcess(['diagnose', '--mock-admin', lab.mock.urls.admin], {});
    expect(anonymous.stderr).toMatch(/^lab: no credentials: give "--client-id" and "--client-secret"/);
  });

  it('names the cause when the token is refused: a disabled acting user', async () => {
    const user = await lab.admin<{ id: string }>('POST', '/admin/users', { email: 'cli.bot@acme-demo.example', firstName: 'Cli', lastName: 'Bot' });
    const bot = await registerClientApp(lab, ['admin'], { actingUserId: user.body.id });
    await lab.admin('PATCH', `/admin/users/${user.body.id}`, { status: 'disabled' });
    const run = await runInProcess(['diagnose', '--mock-admin', lab.mock.urls.admin], { TOTANGO_CLIENT_ID: bot.clientId, TOTANGO_CLIENT_SECRET: bot.clientSecret });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\(invalid_grant\)\ncause: the acting user is disabled or deleted; reactivate the Totango user the application acts as/);
  });

  it('writes the run as HAR and curl commands without a secret, and reviews the scopes against --needs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-har-'));
    try {
      const harFile = join(dir, 'run.har');
      const run = await runInProcess(['diagnose', '--mock-admin', lab.mock.urls.admin, '--har', harFile, '--curl', '--needs', 'create-touchpoint,search-accounts'], env);
      expect(run.code).toBe(1);
      const har = JSON.parse(await readFile(harFile, 'utf8')) as { log: { version: string; entries: { request: { url: string } }[] } };
      expect(har.log.version).toBe('1.2');
      expect(har.log.entries.length).toBeGreaterThan(CATALOGUE.length);
      expect(har.log.entries.some((e) => e.request.url.endsWith('/oauth/token'))).toBe(true);
      expect((await stat(harFile)).mode & 0o777).toBe(0o600);
      expect(run.stderr).toContain(`HAR written to ${harFile} (${har.log.entries.length} exchange(s), secrets redacted)`);
      expect(run.stderr).toMatch(/# 1\. \S.*\ncurl /);
      expect(run.stderr).toContain(`--user '${app.clientId}:'"$CLIENT_SECRET"`);
      expect(run.stderr).toContain(`--header 'Authorization: Bearer '"$ACCESS_TOKEN"`);
      expect(run.stdout).toContain('least privilege for create-touchpoint, search-accounts: the smallest set of scopes is "account:read", "touchpoint:create"\n');
      expect(run.stdout).toContain('  warning: "touchpoint:all" grants every operation on its entity; the integration needs only "touchpoint:create"\n');
      const token = await clientCredentialsToken(lab, app);
      for (const secret of [app.clientSecret, token.accessToken.split('.')[2] ?? '']) {
        expect(await readFile(harFile, 'utf8')).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('warns of an {entity}:all held when no --needs is given', async () => {
    const run = await runInProcess(['diagnose', '--mock-admin', lab.mock.urls.admin, '--endpoints', 'whoami'], env);
    expect(run.stdout).toContain('least privilege:\n  warning: "touchpoint:all" grants every operation on its entity, definitions included\n');
  });

  it('writes the HAR of a run that failed, the refused token request included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-har-'));
    try {
      const harFile = join(dir, 'refused.har');
      const run = await runInProcess(['token', '--scope', 'user:read', '--mock-admin', lab.mock.urls.admin, '--har', harFile], env);
      expect(run.code).toBe(1);
      const har = JSON.parse(await readFile(harFile, 'utf8')) as { log: { entries: { request: { url: string }; response: { status: number } }[] } };
      expect(har.log.entries.find((e) => e.request.url.endsWith('/oauth/token'))?.response.status).toBe(400);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the cause of a scope the application does not hold in the words of invalid_scope', async () => {
    const run = await runInProcess(['diagnose', '--scope', 'user:read', '--mock-admin', lab.mock.urls.admin], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\(invalid_scope\)\ncause: a requested scope is not one the application holds; ask only for scopes the application was registered with/);
    expect(run.stderr).not.toContain('malformed');
  });

  it('treats a custom base URL as a real tenant: writes are skipped unless allowed', async () => {
    const admin = await registerClientApp(lab, ['admin']);
    const secrets = { TOTANGO_CLIENT_ID: admin.clientId, TOTANGO_CLIENT_SECRET: admin.clientSecret };
    const custom = ['diagnose', '--target', 'custom', '--base-url', lab.issuer(), '--json'];
    const cautious = await runInProcess(custom, secrets);
    const writes = CATALOGUE.filter((e) => e.effect !== 'read').length;
    expect(cautious.code).toBe(0);
    expect(JSON.parse(cautious.stdout)).toMatchObject({ target: { kind: 'custom' }, counts: { pass: CATALOGUE.length - writes, skipped: writes } });
    const allowed = await runInProcess([...custom, '--allow-writes'], secrets);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ counts: { pass: CATALOGUE.length, skipped: 0 } });
  });

  it('refuses bad arguments with exit status 2, naming the option', async () => {
    const run = await spawnLab(['diagnose', '--target', 'custom'], {});
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: 'lab: "--target custom" needs "--base-url"\nrun "npm run lab -- help" for the options\n' });
  });
});

describe('npm run lab -- token, call, flow', () => {
  it('prints the token decoded, explained and verified, never the token itself', async () => {
    const token = await clientCredentialsToken(lab, app);
    const run = await runInProcess(['token', '--mock-admin', lab.mock.urls.admin], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^a JWT access token \(RFC 9068\) from http:\/\/127\.0\.0\.1:\d+, /);
    expect(run.stdout).toContain('  typ: "at+jwt"\n');
    expect(run.stdout).toContain('  scope: "account:read touchpoint:all"\n');
    expect(run.stdout).toContain('        touchpoint:all: Every operation on touchpoints, definitions included\n');
    expect(run.stdout).toContain('verification: valid\n');
    expect(run.stdout).toMatch(/pass {4}signature: the signature verifies/);
    for (const part of token.accessToken.split('.')) expect(run.stdout).not.toContain(part);
  });

  it('judges expiry by the mock\'s clock once it has been moved, as the mock\'s APIs do', async () => {
    const token = await clientCredentialsToken(lab, app);
    await lab.advanceClock(2 * 86_400);
    try {
      const run = await runInProcess(['token', '--mock-admin', lab.mock.urls.admin], { TOTANGO_ACCESS_TOKEN: token.accessToken });
      expect(run.stdout).toMatch(/^a JWT access token \(RFC 9068\) from http:\/\/127\.0\.0\.1:\d+, expired 1 d ago; decoded, and verified below\n/);
      expect(run.stdout).toContain("times by the mock's clock, 2 d ahead of this machine's\n");
      expect(run.stdout).toContain('verification: NOT valid\n');
      expect(run.stdout).toMatch(/ {2}fail {4}exp: expired by the mock's clock 1 d ago\n/);
    } finally {
      await lab.resetClock();
    }
  });

  it('calls one endpoint with a path parameter of its own', async () => {
    const admin = await registerClientApp(lab, ['admin']);
    const run = await runInProcess(['call', 'scim-get-user', '--param', 'user-id=u-1001', '--mock-admin', lab.mock.urls.admin], { TOTANGO_CLIENT_ID: admin.clientId, TOTANGO_CLIENT_SECRET: admin.clientSecret });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/api\/v2\/scim\/services\/9013\/Users\/u-1001\n200 OK in [\d.]+ ms\n/);
    expect(run.stdout).toContain('"userName": "maya.cohen@acme-demo.example"');
    const denied = await runInProcess(['call', 'whoami', '--mock-admin', lab.mock.urls.admin], env);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toBe('the token lacks the scope "system_user:read": add "system_user:read" to the application and get a new token\n');
  });

  it('runs the authorization-code flow: prints the URL, waits for the callback, prints the token decoded', async () => {
    const port = await freePort();
    const web = await lab.register({ grantType: 'authorization_code', callbackUrls: [`http://127.0.0.1:${port}/callback`], scopes: ['account:read'] });
    let opened: Promise<void> | undefined;
    const run = await spawnLab(['flow', 'authorization-code', '--mock-admin', lab.mock.urls.admin, '--redirect-port', String(port)], { TOTANGO_CLIENT_ID: web.clientId, TOTANGO_CLIENT_SECRET: web.clientSecret }, (stdout) => {
      const url = /open this URL in a browser to sign in and consent:\n(\S+)\n/.exec(stdout)?.[1];
      if (url !== undefined && opened === undefined) opened = mockBrowser({ userId: 'u-1002' })(url);
    });
    await opened;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  sub: "u-1002"\n');
    expect(run.stderr).toContain('[token-received]');
    expect(run.stdout + run.stderr).not.toContain(web.clientSecret);
  });

  it('names the flag to change when the callback port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const web = await lab.register({ grantType: 'authorization_code', callbackUrls: [`http://127.0.0.1:${port}/callback`], scopes: ['account:read'] });
      const run = await runInProcess(['flow', 'authorization-code', '--mock-admin', lab.mock.urls.admin, '--redirect-port', String(port)], { TOTANGO_CLIENT_ID: web.clientId, TOTANGO_CLIENT_SECRET: web.clientSecret });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(run.stderr).toContain('choose another "--redirect-port"');
      expect(run.stderr).not.toContain('"redirectPort"');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('names a denied consent as access_denied, with the words for it', async () => {
    const port = await freePort();
    const web = await lab.register({ grantType: 'authorization_code', callbackUrls: [`http://127.0.0.1:${port}/callback`], scopes: ['account:read'] });
    let opened: Promise<void> | undefined;
    const run = await spawnLab(['flow', 'authorization-code', '--mock-admin', lab.mock.urls.admin, '--redirect-port', String(port)], { TOTANGO_CLIENT_ID: web.clientId, TOTANGO_CLIENT_SECRET: web.clientSecret }, (stdout) => {
      const url = /open this URL in a browser to sign in and consent:\n(\S+)\n/.exec(stdout)?.[1];
      if (url !== undefined && opened === undefined) opened = mockBrowser({ decision: 'deny' })(url);
    });
    await opened;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\(access_denied\)\ncause: the authorization was denied: the user pressed Deny/);
  });
});
