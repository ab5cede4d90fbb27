/**
 * Small test doubles and tools: a secret store that really encrypts (AES-256-GCM with a
 * key held in memory), free and occupied loopback ports, and the error a promise
 * rejects with.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import type { SecretStore } from '../targets/credentials';

/** Encrypts for real, so that a test can check the file holds no secret in the clear. */
export function memoryKeySecretStore(available = true): SecretStore {
  const key = randomBytes(32);
  return {
    available,
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
    },
    async decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = await occupyPort(0);
  const port = server.port;
  await server.release();
  return port;
}

/** Holds a port on 127.0.0.1 until released. */
export async function occupyPort(port: number): Promise<{ port: number; release: () => Promise<void> }> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port bound');
  return { port: address.port, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The error a promise rejects with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, and the promise resolved');
}

/** A listener that collects what it is given. */
export function collector<T>(): { readonly items: T[]; readonly listener: (item: T) => void } {
  const items: T[] = [];
  return { items, listener: (item) => items.push(item) };
}
