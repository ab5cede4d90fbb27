import { describe, expect, it } from 'vitest';
import { startOnMockPort } from './mock-port-fallback';

const inUse = () => Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:4780'), { code: 'EADDRINUSE' });

describe('startOnMockPort', () => {
  it('starts on the default port when it is free', async () => {
    const tried: number[] = [];
    await expect(startOnMockPort(undefined, async (port) => (tried.push(port), 'started'), () => {})).resolves.toBe('started');
    expect(tried).toEqual([4780]);
  });

  it('falls back to free ports when the default is taken, with a note', async () => {
    const tried: number[] = [];
    const notes: string[] = [];
    const started = await startOnMockPort(
      undefined,
      async (port) => {
        tried.push(port);
        if (port !== 0) throw inUse();
        return 'on free ports';
      },
      (note) => notes.push(note),
    );
    expect(started).toBe('on free ports');
    expect(tried).toEqual([4780, 0]);
    expect(notes).toEqual(['ports 4780-4784 are taken (another Lab or mock running?); the mock uses free ports instead']);
  });

  it('does not move off a port the person chose', async () => {
    const tried: number[] = [];
    await expect(
      startOnMockPort(
        5780,
        async (port) => {
          tried.push(port);
          throw inUse();
        },
        () => {},
      ),
    ).rejects.toThrow('port 5780 is taken ("--mock-port"); choose another, or 0 for free ones');
    expect(tried).toEqual([5780]);
  });

  it('passes on any other failure', async () => {
    await expect(startOnMockPort(undefined, () => Promise.reject(new Error('disk full')), () => {})).rejects.toThrow('disk full');
  });
});
