import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createContractClient } from '../../shared/contract/client';
import { createHttpTransport } from '../../shared/contract/http-transport';
import { LAB_CONTRACT } from '../../shared/contract/lab-contract';
import { launchLine, mockSummaryLines, NotBuiltError, startBrowserMode, type BrowserModeOptions } from './browser-mode';
import { createWindowFolder, rawRequest, type WindowFolder } from './testing/web-fixtures';

let folder: WindowFolder;
let dataDir: string;
const errors: string[] = [];

beforeAll(async () => {
  folder = await createWindowFolder();
  dataDir = await mkdtemp(join(tmpdir(), 'lab-browser-mode-'));
});
afterAll(async () => {
  await folder.remove();
  await rm(dataDir, { recursive: true, force: true });
});

function options(extra: Partial<BrowserModeOptions> = {}): BrowserModeOptions & { notes: string[] } {
  const notes: string[] = [];
  return { dataDir, version: '9.9.9-test', staticDir: folder.staticDir, port: 0, mockPort: 0, note: (line) => notes.push(line), logError: (message) => errors.push(message), notes, ...extra };
}

/** A port held by someone else for the test's length. */
async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

describe('browser mode', () => {
  it('serves the real services: lab.info and mock.status answer over HTTP', async () => {
    const mode = await startBrowserMode(options());
    try {
      const transport = createHttpTransport({ baseUrl: mode.host.origin, fetch, WebSocket, token: mode.host.token });
      const client = createContractClient(LAB_CONTRACT, transport);
      await expect(client.lab.info({})).resolves.toMatchObject({ name: expect.any(String), version: '9.9.9-test', shell: 'browser', dataDir });
      const status = await client.mock.status({});
      expect(JSON.stringify(status)).toContain(mode.lab.mock.urls.admin);
      transport.close();
      expect(launchLine(mode, dataDir)).toBe(`Totango OAuth Lab (browser mode): open ${mode.host.url}   (data: ${dataDir}; Ctrl+C stops it)`);
      expect(mockSummaryLines(mode).join('\n')).toContain(`Admin API   ${mode.lab.mock.urls.admin}`);
      expect((await rawRequest(mode.host.port, { path: '/' })).status).toBe(401);
    } finally {
      await mode.stop();
    }
    await expect(fetch(`${mode.host.origin}/`)).rejects.toThrow();
    expect(errors).toEqual([]);
  });

  it('refuses to start without a built window, saying how to build it', async () => {
    const error = await startBrowserMode(options({ staticDir: join(dataDir, 'nowhere') })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotBuiltError);
    expect((error as Error).message).toBe(`the window is not built: no "index.html" in ${join(dataDir, 'nowhere')}; build it with: npm run build:renderer (npm run web does it first)`);
  });

  it('moves to free ports, and says so, when the default ports are taken', async () => {
    const [web, mock] = [await holdPort(), await holdPort()];
    const opts = options({ defaults: { port: web.port, mockPort: mock.port } });
    const { port: _port, mockPort: _mockPort, ...unchosen } = opts;
    const mode = await startBrowserMode(unchosen);
    try {
      expect(mode.host.port).not.toBe(web.port);
      expect(mode.lab.mock.urls.admin).not.toBe(`http://127.0.0.1:${mock.port}`);
      expect(opts.notes).toEqual([
        `Ports ${mock.port}-${mock.port + 4} are taken (another mock or Lab running?); the mock uses free ports instead.`,
        `Port ${web.port} is taken (another Lab running?); the window uses a free port instead.`,
      ]);
    } finally {
      await mode.stop();
      web.server.close();
      mock.server.close();
    }
  });

  it('does not move off a port the person chose, and stops the mock it started', async () => {
    const web = await holdPort();
    const spare = await holdPort();
    await new Promise((resolve) => spare.server.close(resolve));
    const error = await startBrowserMode(options({ port: web.port, mockPort: spare.port })).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`port ${web.port} is taken ("--port"); choose another, or 0 for a free one`);
    web.server.close();
    // The mock's admin port is free again: the mock was stopped, not left behind.
    const again = createServer();
    await new Promise<void>((resolve, reject) => again.once('error', reject).listen(spare.port, '127.0.0.1', resolve));
    again.close();
  });
});
