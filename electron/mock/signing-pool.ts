/**
 * Signs JWTs off the event loop. An ES256 signature is most of the cost of a token
 * request; one worker thread takes it, with requests batched per turn of the event loop,
 * so that the main thread keeps serving HTTP. The worker is plain JavaScript (no build
 * step, no TypeScript loader), and if it cannot start or dies, signing falls back to the
 * main thread: a token is always issued.
 */
import { sign as cryptoSign, type KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { SigningAlgorithm, SigningKey } from './signing-keys';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createPrivateKey, sign } = require('node:crypto');
const keys = new Map(workerData.keys.map((k) => [k.kid, { alg: k.alg, key: createPrivateKey({ key: k.jwk, format: 'jwk' }) }]));
parentPort.on('message', (batch) => {
  const out = [];
  for (const [id, kid, input] of batch) {
    const k = keys.get(kid);
    try {
      const options = k.alg === 'ES256' ? { key: k.key, dsaEncoding: 'ieee-p1363' } : k.key;
      out.push([id, sign('sha256', Buffer.from(input), options).toString('base64url')]);
    } catch (error) {
      out.push([id, null, String(error && error.message)]);
    }
  }
  parentPort.postMessage(out);
});
`;

type Pending = { kid: string; input: string; resolve: (signature: string) => void; reject: (error: Error) => void };

export function signInline(alg: SigningAlgorithm, key: KeyObject, signingInput: string): string {
  const options = alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' as const } : key;
  return cryptoSign('sha256', Buffer.from(signingInput), options).toString('base64url');
}

export class SigningPool {
  private worker: Worker | undefined;
  private readonly byKid: ReadonlyMap<string, SigningKey>;
  private readonly pending = new Map<number, Pending>();
  private queue: number[] = [];
  private nextId = 1;
  private flushScheduled = false;

  constructor(keys: readonly SigningKey[]) {
    this.byKid = new Map(keys.map((k) => [k.kid, k]));
    try {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { keys: keys.map((k) => ({ kid: k.kid, alg: k.alg, jwk: k.privateKey.export({ format: 'jwk' }) })) },
      });
      worker.unref();
      worker.on('message', (results: [number, string | null, string?][]) => this.settle(results));
      worker.on('error', () => this.abandonWorker());
      worker.on('exit', () => this.abandonWorker());
      this.worker = worker;
    } catch {
      this.worker = undefined;
    }
  }

  /** The base64url signature of `signingInput` with the key `kid`. */
  sign(kid: string, signingInput: string): Promise<string> {
    const key = this.byKid.get(kid);
    if (!key) return Promise.reject(new Error(`no signing key "${kid}"`));
    if (!this.worker) return Promise.resolve(signInline(key.alg, key.privateKey, signingInput));
    const id = this.nextId++;
    const promise = new Promise<string>((resolve, reject) => this.pending.set(id, { kid, input: signingInput, resolve, reject }));
    this.queue.push(id);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    return promise;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.signPendingInline();
    if (worker) await worker.terminate();
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    if (!this.worker) {
      for (const id of batch) this.signOne(id);
      return;
    }
    this.worker.postMessage(batch.map((id) => [id, this.pending.get(id)?.kid, this.pending.get(id)?.input]));
  }

  private settle(results: [number, string | null, string?][]): void {
    for (const [id, signature, message] of results) {
      const pending = this.pending.get(id);
      if (!pending) continue;
      this.pending.delete(id);
      if (signature === null) pending.reject(new Error(`signing failed: ${message ?? 'unknown error'}`));
      else pending.resolve(signature);
    }
  }

  /** The worker died: everything still waiting, and everything after, is signed here. */
  private abandonWorker(): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.signPendingInline();
  }

  /** Queued or sent to the worker and not answered: signed on this thread instead. */
  private signPendingInline(): void {
    this.queue = [];
    for (const id of [...this.pending.keys()]) this.signOne(id);
  }

  private signOne(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    const key = this.byKid.get(pending.kid);
    if (!key) return pending.reject(new Error(`no signing key "${pending.kid}"`));
    try {
      pending.resolve(signInline(key.alg, key.privateKey, pending.input));
    } catch (error) {
      pending.reject(error as Error);
    }
  }
}
