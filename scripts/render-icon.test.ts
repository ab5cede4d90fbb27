import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumExecutablePath } from '../e2e/support/chromium';
import { decodeRgbaPng } from './png';
import { ICON_SIZES, iconPath, renderIcons } from './render-icon';

let outDir: string;
beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'icons-'));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(chromiumExecutablePath))('renderIcons (Debian Chromium)', () => {
  it('renders the SVG at each size on a transparent background', async () => {
    const files = await renderIcons({ outDir, sizes: [16, 64] });
    expect(files).toEqual([iconPath(16, outDir), iconPath(64, outDir)]);
    for (const [file, size] of [[files[0]!, 16], [files[1]!, 64]] as const) {
      const image = decodeRgbaPng(await readFile(file));
      expect([image.width, image.height]).toEqual([size, size]);
      // The tile has rounded corners: the corners stay transparent, the middle is opaque.
      expect(image.alphaAt(0, 0)).toBe(0);
      expect(image.alphaAt(size - 1, size - 1)).toBe(0);
      expect(image.alphaAt(size / 2, size / 2)).toBe(255);
    }
  }, 60_000);

  it('says which file is missing when the SVG is not there', async () => {
    await expect(renderIcons({ svgPath: path.join(outDir, 'nope.svg'), outDir })).rejects.toThrow(/ENOENT.*nope\.svg/);
  });
});

describe('the committed icons', () => {
  it('are transparent at the corners and opaque in the middle at every size', async () => {
    for (const size of ICON_SIZES) {
      const image = decodeRgbaPng(await readFile(iconPath(size)));
      expect([image.width, image.height], `${size}x${size}.png`).toEqual([size, size]);
      expect(image.alphaAt(0, 0), `${size}x${size}.png corner`).toBe(0);
      expect(image.alphaAt(size >> 1, size >> 1), `${size}x${size}.png middle`).toBe(255);
    }
  });
});

describe('decodeRgbaPng', () => {
  it('refuses a file that is not a PNG, naming what is missing', () => {
    expect(() => decodeRgbaPng(Buffer.from('GIF89a'.padEnd(64, '\0')))).toThrow('not a PNG file: "signature" missing');
  });
});
