/**
 * What the browser-mode tests share: a fake Lab (the real dispatcher and event hub over
 * recording handlers for LAB_CONTRACT), a built-window folder with a file beside it that
 * must never be served, and a raw HTTP client that sends exactly the Host, Origin and
 * path it is given (fetch would normalize or refuse them).
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventHub } from '../../../shared/contract/events';
import { LAB_CONTRACT } from '../../../shared/contract/lab-contract';
import { ServiceError } from '../../services/service-error';
import { recordingDispatcher } from '../../shell/testing/recording-handlers';

export const FAKE_LAB_INFO = Object.freeze({
  name: 'Totango OAuth Lab',
  version: '0.0.0-test',
  shell: 'browser' as const,
  dataDir: '/tmp/lab-test',
  platform: 'linux',
  secureStorage: { available: false, description: 'kept in memory for this session' },
});

/** The real dispatcher and hub; the handlers answer a few methods and fail the rest with `unavailable`. */
export function createFakeLab() {
  const events = createEventHub(LAB_CONTRACT);
  const recording = recordingDispatcher(LAB_CONTRACT, {
    'lab.info': () => FAKE_LAB_INFO,
    'applications.get': (input) => {
      throw new ServiceError('not_found', `no application "${(input as { clientId: string }).clientId}"`, { field: 'clientId' });
    },
    'flows.clientCredentials': () => {
      throw new ServiceError('invalid_client', 'the token endpoint refused the client', { oauth: { error: 'invalid_client', error_description: 'client authentication failed' } });
    },
    'flows.cancel': () => {
      for (let i = 1; i <= 5; i += 1) events.emit('flows.openUrl', { flowId: `flow-${i}`, url: `http://127.0.0.1:4781/oauth/authorize?n=${i}` });
      return { cancelled: true };
    },
    'recorder.importBundle': (input) => ({ clientId: `bundle-of-${(input as { content: string }).content.length}`, region: 'us', notes: [] }),
  });
  return { ...recording, events };
}

export interface WindowFolder {
  /** The built window: index.html, assets/app.js, assets/app.css, .env, a symbolic link out. */
  readonly staticDir: string;
  remove(): Promise<void>;
}

export const INDEX_HTML = '<!doctype html><title>Lab</title><div id="root"></div>';

export async function createWindowFolder(): Promise<WindowFolder> {
  const root = await mkdtemp(join(tmpdir(), 'lab-web-'));
  const staticDir = join(root, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(root, 'secret.txt'), 'outside the window folder');
  await writeFile(join(staticDir, 'index.html'), INDEX_HTML);
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("lab");');
  await writeFile(join(staticDir, 'assets', 'app.css'), 'body { margin: 0 }');
  await writeFile(join(staticDir, '.env'), 'SECRET=1');
  await symlink(join(root, 'secret.txt'), join(staticDir, 'assets', 'link.txt'));
  return { staticDir, remove: () => rm(root, { recursive: true, force: true }) };
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface RawRequest {
  readonly method?: string;
  readonly path?: string;
  /** Sent as given; `host` is `127.0.0.1:PORT` unless set here or `omitHost`. */
  readonly headers?: Record<string, string>;
  readonly omitHost?: boolean;
  readonly body?: string | Buffer;
}

export function rawRequest(port: number, options: RawRequest = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { ...(options.omitHost ? {} : { host: `127.0.0.1:${port}` }), ...options.headers };
    const request = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers, setHost: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}
