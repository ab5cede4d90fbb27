import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..');
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');

function runCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(tsx, ['electron/mock/cli.ts', ...args], { cwd: repoRoot, env: { ...process.env, TOTANGO_LAB_DATA_DIR: '' } });
}

/** A base port whose four successors are free too (the mock takes five), found by binding them. */
async function freePortRun(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const held: Server[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const server = createServer();
        await new Promise<void>((resolve, reject) => server.once('error', reject).listen(base + i, '127.0.0.1', resolve));
        held.push(server);
      }
      return base;
    } catch {
      // taken: try another run
    } finally {
      await Promise.all(held.map((s) => new Promise((resolve) => s.close(resolve))));
    }
  }
  throw new Error('no run of five free ports found');
}

/** Resolves once `port` accepts a TCP connection; fails if the child exits first. */
async function waitForListener(port: number, child: ChildProcessWithoutNullStreams): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the mock exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(true)).once('error', () => resolve(false));
      socket.once('connect', () => socket.destroy());
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`the mock exited with ${code} before it was ready`)));
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('npm run mock', () => {
  it('prints one JSON ready line with every URL, serves them, keeps state across restarts and stops on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lab-cli-'));
    const child = runCli(['--port', '0', '--data-dir', dataDir]);
    const exited = exitOf(child);
    const ready = JSON.parse(await firstLine(child)) as {
      event: string;
      admin: string;
      openapi: string;
      dataDir: string;
      pid: number;
      caCertificate: string;
      regions: Record<'us' | 'eu', Record<string, string>>;
    };
    expect((await (await fetch(ready.caCertificate)).text())).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(ready.event).toBe('ready');
    expect(ready.dataDir).toBe(dataDir);
    // The node process itself (tsx runs it as a child), so that a signal reaches it past any wrapper.
    expect(ready.pid).not.toBe(child.pid);
    expect(() => process.kill(ready.pid, 0)).not.toThrow();
    for (const region of ['us', 'eu'] as const) {
      expect(Object.keys(ready.regions[region]).sort()).toEqual(['authorization', 'introspection', 'issuer', 'jwks', 'metadata', 'mtls', 'revocation', 'token']);
      expect(ready.regions[region]['issuer']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const metadata = (await (await fetch(ready.regions[region]['metadata'] ?? '')).json()) as { issuer: string };
      expect(metadata.issuer).toBe(ready.regions[region]['issuer']);
    }
    expect(ready.regions.us['issuer']).not.toBe(ready.regions.eu['issuer']);
    const created = await fetch(`${ready.admin}/admin/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Kept', grantType: 'client_credentials', actingUserId: 'u-1001', scopes: ['account:read'] }),
    });
    expect(created.status).toBe(201);
    const { application } = (await created.json()) as { application: { clientId: string } };
    expect((await fetch(ready.openapi)).status).toBe(200);

    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);

    const again = runCli(['--port', '0', '--data-dir', dataDir]);
    const againExited = exitOf(again);
    const second = JSON.parse(await firstLine(again)) as { admin: string };
    const listed = (await (await fetch(`${second.admin}/admin/applications`)).json()) as { applications: { clientId: string }[] };
    expect(listed.applications.map((a) => a.clientId)).toEqual([application.clientId]);
    again.kill('SIGINT');
    expect((await againExited).code).toBe(0);
    expect(await readFile(join(dataDir, 'mock-state.json'), 'utf8')).toContain(application.clientId);
  });

  it('keeps serving when the reader of its stdout has gone (as after "| head -n 1"), and still stops cleanly', async () => {
    const base = await freePortRun();
    const child = runCli(['--port', String(base), '--data-dir', await mkdtemp(join(tmpdir(), 'lab-cli-'))]);
    const exited = exitOf(child);
    child.stdout.destroy();
    // The ready line goes out right after the last of the five servers (EU, HTTPS) listens:
    // once it accepts connections, the write to the closed pipe is under way.
    await waitForListener(base + 4, child);
    for (let i = 0; i < 20; i++) {
      const metadata = await fetch(`http://127.0.0.1:${base + 1}/.well-known/oauth-authorization-server`);
      expect(metadata.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(child.exitCode).toBeNull();
    child.kill('SIGTERM');
    const { code, stderr } = await exited;
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it('refuses a bad --port with a usage message and exit code 2', async () => {
    const child = runCli(['--port', 'eighty']);
    const { code, stderr } = await exitOf(child);
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be a whole number from 0 to 65531 (the mock uses it and the next 4), not "eighty"');
    expect(stderr).toContain('usage: npm run -s mock');
  });

  it('refuses a --port whose four successors would pass 65535', async () => {
    const { code, stderr } = await exitOf(runCli(['--port', '65532']));
    expect(code).toBe(2);
    expect(stderr).toContain('from 0 to 65531');
  });

  it('says why it cannot start on a state file of a newer version, with exit 1 and no usage text', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lab-cli-'));
    await writeFile(join(dataDir, 'mock-state.json'), JSON.stringify({ schemaVersion: 99 }));
    const { code, stderr } = await exitOf(runCli(['--port', '0', '--data-dir', dataDir]));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^mock: ".*mock-state\.json" was written by a newer version \(schema 99; this one reads up to \d+\); refusing to overwrite it\n$/);
  });

  it('refuses an unknown option', async () => {
    const { code, stderr } = await exitOf(runCli(['--host', '0.0.0.0']));
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option '--host'/);
  });
});
