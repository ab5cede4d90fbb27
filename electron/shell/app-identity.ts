/**
 * The Lab's name, version and default data folder when it runs from a checkout. Started
 * as `electron dist/electron/main.js` (what `npm start` does), Electron finds no
 * package.json next to the bundle and would call the app "Electron", report Electron's
 * own version, and keep its data in the shared `…/Electron` folder. Unpackaged, the Lab
 * takes the packaged app's identity instead (productName of build/electron-builder.yml),
 * so that a checkout and an installed app use the same data folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'electron';

/** The packaged app's name (electron-builder's productName): its userData folder is named after it. */
export const PRODUCT_NAME = 'Totango OAuth Lab';

export type IdentityApp = Pick<App, 'isPackaged' | 'getName' | 'setName' | 'getPath' | 'setPath' | 'getVersion'>;

/** Sets the name and userData folder of an unpackaged run; returns the version to report. */
export function adoptAppIdentity(app: IdentityApp, packageJsonPath: string): string {
  if (app.isPackaged) return app.getVersion();
  app.setName(PRODUCT_NAME);
  app.setPath('userData', join(app.getPath('appData'), PRODUCT_NAME));
  try {
    const { version } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version?: unknown };
    if (typeof version === 'string' && version !== '') return version;
  } catch {
    // No readable package.json: Electron's answer is the best there is.
  }
  return app.getVersion();
}
