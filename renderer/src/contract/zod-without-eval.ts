/**
 * The contract's schemas are zod schemas, and zod probes `new Function` to compile fast
 * parsers. The window's Content-Security-Policy forbids evaluated code, so the probe would
 * be refused and reported as a violation; zod is told not to try. Import this module
 * before anything parses.
 */
import { config } from 'zod';

config({ jitless: true });
