import { describe, expect, it } from 'vitest';
import { parseLaunchArgs, UsageError } from './launch-args';

describe('parseLaunchArgs', () => {
  it('opens the browser on default ports when given nothing', () => {
    expect(parseLaunchArgs([])).toEqual({ open: true, browser: false, help: false });
  });

  it('reads every option, in both spellings', () => {
    expect(parseLaunchArgs(['--data-dir', '/tmp/lab', '--port=0', '--mock-port', '5780', '--no-open', '--browser'])).toEqual({
      dataDir: '/tmp/lab',
      port: 0,
      mockPort: 5780,
      open: false,
      browser: true,
      help: false,
    });
    expect(parseLaunchArgs(['-h']).help).toBe(true);
  });

  it('refuses a bad port, naming the option', () => {
    for (const [argv, message] of [
      [['--port', 'abc'], '"--port" must be a port number from 0 to 65535, not "abc"'],
      [['--port', '70000'], '"--port" must be a port number from 0 to 65535, not "70000"'],
      [['--port', '-1'], "option '--port' argument is ambiguous."],
      [['--mock-port', '65534'], '"--mock-port" must be a port number from 0 to 65531, not "65534"'],
    ] as const) {
      const error = (() => {
        try {
          parseLaunchArgs(argv);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });

  it('refuses unknown options, positionals and an empty data directory', () => {
    expect(() => parseLaunchArgs(['--bogus'])).toThrow(/^unknown option '--bogus'/);
    expect(() => parseLaunchArgs(['serve'])).toThrow(/^unexpected argument 'serve'/);
    expect(() => parseLaunchArgs(['--data-dir='])).toThrow('"--data-dir" needs a folder');
  });
});
