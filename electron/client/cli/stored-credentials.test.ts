/**
 * `--remember`, `--forget` and the credentials stored between runs, through the command
 * line against the mock: sealed on disk with TOTANGO_LAB_PASSPHRASE, reused by a later
 * run that names no client, refused with a clear message under another passphrase, and
 * never written without `--remember`.
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerClientApp, type ClientApp } from '../testing/diagnostics-fixture';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { runLabCli } from './lab-cli';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const PASSPHRASE = 'a passphrase for the lab tests';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

async function runInProcess(args: string[], env: Record<string, string>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runLabCli(args, { env, stdout: { write: (text) => (stdout += text) }, stderr: { write: (text) => (stderr += text) } });
  return { code, stdout, stderr };
}

/** The command line in its own process, as `npm run lab` runs it. */
function spawnLab(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, TOTANGO_CLIENT_ID: _id, TOTANGO_CLIENT_SECRET: _secret, TOTANGO_LAB_PASSPHRASE: _passphrase, ...inherited } = process.env;
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'electron', 'client', 'cli', 'lab-cli.ts'), ...args], { cwd: root, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

let lab: LabMock;
let admin: string;
let dataDir: string;
let credentialsFile: string;

beforeAll(async () => {
  lab = await startLabMock();
  admin = lab.mock.urls.admin;
});
afterAll(async () => lab.stop());

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lab-stored-'));
  credentialsFile = join(dataDir, 'credentials.json');
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A bound (mutual-TLS) app allowed to call whoami, and its certificate and key as the mock exports them. */
async function boundApp(): Promise<{ app: ClientApp; pemFile: string; pem: string }> {
  const app = await registerClientApp(lab, ['system_user:read'], { mutualTls: true });
  const pem = await lab.exportPem(app.clientId);
  const pemFile = join(dataDir, 'app.pem');
  await writeFile(pemFile, pem);
  return { app, pemFile, pem };
}

describe('npm run lab -- … --remember', () => {
  it('stores the credentials sealed, and a later run naming no client uses them against the mock', async () => {
    const { app, pemFile, pem } = await boundApp();
    const remembered = await runInProcess(['call', 'whoami', '--mock-admin', admin, '--cert', pemFile, '--remember'], {
      TOTANGO_CLIENT_ID: app.clientId,
      TOTANGO_CLIENT_SECRET: app.clientSecret,
      TOTANGO_LAB_PASSPHRASE: PASSPHRASE,
      TOTANGO_LAB_DATA_DIR: dataDir,
    });
    expect(remembered.code).toBe(0);
    expect(remembered.stderr).toBe(`lab: stored the credentials of mock:us (client id ${app.clientId}) in "${credentialsFile}", sealed with the passphrase in TOTANGO_LAB_PASSPHRASE\n`);

    const text = await readFile(credentialsFile, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ schemaVersion: 1, targets: { 'mock:us': { clientId: app.clientId, authMethod: 'client_secret_basic', sealed: expect.any(String) as unknown } } });
    const keyBody = /-----BEGIN [A-Z ]*PRIVATE KEY-----\n([\s\S]+?)\n-----END/.exec(pem)?.[1] ?? '';
    expect(keyBody.length).toBeGreaterThan(100);
    for (const secret of [app.clientSecret, 'PRIVATE KEY', keyBody.split('\n')[1] ?? keyBody, PASSPHRASE]) expect(text).not.toContain(secret);

    // Its own process, with nothing but the passphrase and the data directory: no client id, no secret, no certificate file.
    const reused = await spawnLab(['call', 'whoami', '--mock-admin', admin, '--data-dir', dataDir], { TOTANGO_LAB_PASSPHRASE: PASSPHRASE });
    expect(reused.stderr).toBe(`lab: using the credentials stored for mock:us (client id ${app.clientId})\n`);
    expect(reused.code).toBe(0);
    // whoami on the HTTPS origin with a bound token: the certificate and key came back too.
    expect(reused.stdout).toMatch(/^GET https:\/\/127\.0\.0\.1:\d+\/api\/v1\/users\/whoami\n200 OK/);
    expect(reused.stdout + reused.stderr).not.toContain(app.clientSecret);
  });

  it('keeps a PKCS#12 file and its password sealed too, and the token verifies as bound to it', async () => {
    const app = await registerClientApp(lab, ['account:read'], { mutualTls: true });
    const pfx = await lab.exportPkcs12(app.clientId, 'pfx-password-for-test');
    const pfxFile = join(dataDir, 'app.p12');
    await writeFile(pfxFile, pfx);
    const env = { TOTANGO_LAB_PASSPHRASE: PASSPHRASE, TOTANGO_LAB_DATA_DIR: dataDir };
    const remembered = await runInProcess(['token', '--mock-admin', admin, '--pfx', pfxFile, '--remember'], { ...env, TOTANGO_CLIENT_ID: app.clientId, TOTANGO_CLIENT_SECRET: app.clientSecret, TOTANGO_PFX_PASSWORD: 'pfx-password-for-test' });
    expect(remembered.code).toBe(0);
    const text = await readFile(credentialsFile, 'utf8');
    for (const secret of [app.clientSecret, 'pfx-password-for-test', pfx.toString('base64').slice(0, 40)]) expect(text).not.toContain(secret);

    const reused = await runInProcess(['token', '--mock-admin', admin], env);
    expect(reused.code).toBe(0);
    expect(reused.stdout).toContain('verification: valid\n');
    expect(reused.stdout).toMatch(/pass {4}[^\n]*cnf/);
  });

  it('writes nothing without --remember', async () => {
    const app = await registerClientApp(lab, ['account:read']);
    const run = await runInProcess(['token', '--mock-admin', admin], { TOTANGO_CLIENT_ID: app.clientId, TOTANGO_CLIENT_SECRET: app.clientSecret, TOTANGO_LAB_PASSPHRASE: PASSPHRASE, TOTANGO_LAB_DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(await exists(credentialsFile)).toBe(false);
  });

  it('lets a client named on the command line win over the stored one', async () => {
    const stored = await registerClientApp(lab, ['account:read']);
    const other = await registerClientApp(lab, ['touchpoint:all']);
    const env = { TOTANGO_LAB_PASSPHRASE: PASSPHRASE, TOTANGO_LAB_DATA_DIR: dataDir };
    expect((await runInProcess(['token', '--mock-admin', admin, '--remember'], { ...env, TOTANGO_CLIENT_ID: stored.clientId, TOTANGO_CLIENT_SECRET: stored.clientSecret })).code).toBe(0);
    const run = await runInProcess(['token', '--mock-admin', admin], { ...env, TOTANGO_CLIENT_ID: other.clientId, TOTANGO_CLIENT_SECRET: other.clientSecret });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('granted scopes: touchpoint:all\n');
  });
});

describe('stored credentials refused, and forgotten', () => {
  let app: ClientApp;
  beforeEach(async () => {
    app = await registerClientApp(lab, ['account:read']);
    const run = await runInProcess(['token', '--mock-admin', admin, '--remember'], { TOTANGO_CLIENT_ID: app.clientId, TOTANGO_CLIENT_SECRET: app.clientSecret, TOTANGO_LAB_PASSPHRASE: PASSPHRASE, TOTANGO_LAB_DATA_DIR: dataDir });
    expect(run.code).toBe(0);
  });

  it('says plainly that the passphrase is wrong, naming the variable and neither passphrase', async () => {
    const run = await runInProcess(['token', '--mock-admin', admin], { TOTANGO_LAB_PASSPHRASE: 'not the passphrase at all', TOTANGO_LAB_DATA_DIR: dataDir });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(
      `lab: the credentials stored for "mock:us" (client id ${app.clientId}) do not open with the passphrase in TOTANGO_LAB_PASSPHRASE: set the one they were stored with, or store them again with "--remember" (or remove them with "--forget") (credentials_unavailable)\n`,
    );
    expect(run.stderr).not.toContain('not the passphrase at all');
    expect(run.stderr).not.toContain(PASSPHRASE);
  });

  it('says that stored credentials need the passphrase when it is not set', async () => {
    const run = await runInProcess(['token', '--mock-admin', admin, '--data-dir', dataDir], {});
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(`lab: credentials for "mock:us" (client id ${app.clientId}) are stored in "${credentialsFile}": set TOTANGO_LAB_PASSPHRASE to open them, or give "--client-id" (credentials_unavailable)\n`);
  });

  it('keeps credentials per target: another region does not see them', async () => {
    const run = await runInProcess(['token', '--mock-admin', admin, '--region', 'eu'], { TOTANGO_LAB_PASSPHRASE: PASSPHRASE, TOTANGO_LAB_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^lab: no credentials: give "--client-id"/);
  });

  it('forgets them with --forget, without the passphrase; a later run then has none', async () => {
    const forgot = await runInProcess(['--forget', '--data-dir', dataDir], {});
    expect(forgot).toEqual({ code: 0, stdout: '', stderr: `lab: forgot the credentials stored for mock:us (client id ${app.clientId})\n` });
    expect(JSON.parse(await readFile(credentialsFile, 'utf8'))).toEqual({ schemaVersion: 1, targets: {} });
    const again = await runInProcess(['--forget', '--data-dir', dataDir], {});
    expect(again).toEqual({ code: 0, stdout: '', stderr: `lab: no credentials are stored for mock:us in "${credentialsFile}"\n` });
    const run = await runInProcess(['token', '--mock-admin', admin], { TOTANGO_LAB_PASSPHRASE: PASSPHRASE, TOTANGO_LAB_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^lab: no credentials: give "--client-id"/);
  });

  it('forgets before a command when --forget goes with one', async () => {
    const run = await runInProcess(['token', '--mock-admin', admin, '--forget'], { TOTANGO_LAB_PASSPHRASE: PASSPHRASE, TOTANGO_LAB_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^lab: forgot the credentials stored for mock:us \\(client id ${app.clientId}\\)\\nlab: no credentials: give`));
  });
});
