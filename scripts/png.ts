/**
 * Just enough PNG to check the rendered icons: the size from the IHDR chunk, and the
 * RGBA pixels of an 8-bit, non-interlaced RGBA image (what Chromium's screenshots are).
 * @see https://www.w3.org/TR/png-3/ (§5.2 signature, §11.2.1 IHDR, §7.3 filters)
 */
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlace: number;
}

/** Reads the IHDR chunk, which the format requires to come first. */
export function readPngHeader(png: Buffer): PngHeader {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file: "signature" missing');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file: "IHDR" is not the first chunk');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24]!, colorType: png[25]!, interlace: png[28]! };
}

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** The alpha of the pixel at (x, y), 0 (transparent) to 255 (opaque). */
  alphaAt(x: number, y: number): number;
}

function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
  return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG; anything else is refused. */
export function decodeRgbaPng(png: Buffer): RgbaImage {
  const header = readPngHeader(png);
  if (header.bitDepth !== 8 || header.colorType !== 6 || header.interlace !== 0) {
    throw new Error(`unsupported PNG: "bitDepth" ${header.bitDepth}, "colorType" ${header.colorType}, "interlace" ${header.interlace} (8-bit RGBA only)`);
  }
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    if (png.toString('latin1', offset + 4, offset + 8) === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = header.width * 4;
  const pixels = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? pixels[y * stride + i - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= 4 ? pixels[(y - 1) * stride + i - 4]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`corrupt PNG: unknown "filter" type ${filter} on row ${y}`);
      pixels[y * stride + i] = (line[i]! + predictor) & 0xff;
    }
  }
  return { width: header.width, height: header.height, alphaAt: (x, y) => pixels[y * stride + x * 4 + 3]! };
}
