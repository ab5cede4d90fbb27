/**
 * How the tests and the build scripts launch Debian's Chromium through Playwright: the
 * system binary (Playwright's own browser downloads are never used), and the flags that
 * keep it quiet and offline in a container.
 */
import { existsSync } from 'node:fs';

/** The Chromium binary: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const chromiumExecutablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs: readonly string[] = [
  // The CI runs as root in a container, where Chromium's sandbox cannot start.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Fails with the way to get Chromium when the binary is missing. */
export function assertChromiumInstalled(): void {
  if (!existsSync(chromiumExecutablePath)) {
    throw new Error(`no Chromium at "${chromiumExecutablePath}": install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`);
  }
}
