/**
 * Renders build/icon.svg to the PNG sizes the installers need (build/icons/NxN.png),
 * in Debian's Chromium through playwright-core, on a transparent background.
 * Run with `npx tsx scripts/render-icon.ts` after editing the SVG, and commit the PNGs.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { assertChromiumInstalled, chromiumArgs, chromiumExecutablePath } from '../e2e/support/chromium';

/** Every size electron-builder uses: Linux icon themes, the macOS iconset, the Windows .ico. */
export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024] as const;

const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
export const ICON_SVG = path.join(buildDir, 'icon.svg');
export const ICONS_DIR = path.join(buildDir, 'icons');

export function iconPath(size: number, dir: string = ICONS_DIR): string {
  return path.join(dir, `${size}x${size}.png`);
}

function pageFor(svg: string): string {
  return `<!doctype html><html><head><style>
    html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
    svg { display: block; width: 100vw; height: 100vh; }
  </style></head><body>${svg}</body></html>`;
}

export interface RenderIconsOptions {
  readonly svgPath?: string;
  readonly outDir?: string;
  readonly sizes?: readonly number[];
}

/** Writes one `NxN.png` per size into `outDir` (build/icons by default); returns their paths. */
export async function renderIcons(options: RenderIconsOptions = {}): Promise<string[]> {
  const { svgPath = ICON_SVG, outDir = ICONS_DIR, sizes = ICON_SIZES } = options;
  assertChromiumInstalled();
  const svg = await readFile(svgPath, 'utf8');
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: [...chromiumArgs] });
  const written: string[] = [];
  try {
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(pageFor(svg));
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await writeFile(iconPath(size, outDir), png);
      written.push(iconPath(size, outDir));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return written;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of await renderIcons()) process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
}
