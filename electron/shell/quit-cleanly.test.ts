import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { quitCleanly } from './quit-cleanly';

/** An app that, like Electron's, emits `before-quit` on each `quit()` and quits unless prevented. */
class FakeApp extends EventEmitter {
  quitCalls = 0;
  quitted = false;
  quit() {
    this.quitCalls++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.quitted = true;
  }
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('quitCleanly', () => {
  it('holds the quit until the Lab has stopped, stops it once, then quits', async () => {
    const app = new FakeApp();
    const stopping = deferred();
    let stops = 0;
    quitCleanly(app, () => (stops++, stopping.promise), { logError: () => {} });
    app.quit();
    app.quit();
    expect(app.quitted).toBe(false);
    stopping.resolve();
    await settle();
    expect(app.quitted).toBe(true);
    expect(stops).toBe(1);
  });

  it('quits after a failed stop, and logs the failure', async () => {
    const app = new FakeApp();
    const logged: string[] = [];
    quitCleanly(app, () => Promise.reject(new Error('flush failed')), { logError: (message, cause) => logged.push(`${message}: ${(cause as Error).message}`) });
    app.quit();
    await settle();
    expect(app.quitted).toBe(true);
    expect(logged).toEqual(['stopping the Lab failed: flush failed']);
  });

  it('quits anyway when the stop hangs past the deadline', async () => {
    const app = new FakeApp();
    const logged: string[] = [];
    quitCleanly(app, () => new Promise(() => {}), { timeoutMs: 20, logError: (message) => logged.push(message) });
    app.quit();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(app.quitted).toBe(true);
    expect(logged).toEqual(['stopping the Lab took more than 20 ms; quitting anyway']);
  });
});
