/**
 * The mock's ports in the Electron app, as in browser mode: a port the person chose
 * (`--mock-port`) is used or the start fails saying so; the default one (4780) falls back
 * to free ports when another Lab or mock holds it, with a note.
 */
import { DEFAULT_PORT } from '../mock/mock-totango';

export async function startOnMockPort<T>(chosen: number | undefined, start: (mockPort: number) => Promise<T>, onFallback: (note: string) => void): Promise<T> {
  try {
    return await start(chosen ?? DEFAULT_PORT);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (chosen !== undefined) throw new Error(`port ${chosen} is taken ("--mock-port"); choose another, or 0 for free ones`, { cause: error });
    onFallback(`ports ${DEFAULT_PORT}-${DEFAULT_PORT + 4} are taken (another Lab or mock running?); the mock uses free ports instead`);
    return start(0);
  }
}
