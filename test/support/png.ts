import { inflateSync } from 'node:zlib';

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The size a PNG declares in its IHDR chunk, after checking the signature and that IHDR comes first
 * with its 13 bytes; throws on anything that is not a PNG.
 */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  if (bytes.readUInt32BE(8) !== 13 || bytes.subarray(12, 16).toString('latin1') !== 'IHDR')
    throw new Error('PNG without IHDR first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The decoded pixels of an 8-bit RGB or RGBA PNG, non-interlaced (what resvg writes). */
export interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  pixels: Buffer;
}

/**
 * Decodes a PNG fully: every chunk's CRC, the IDAT stream inflated and each scanline unfiltered.
 * Throws on anything damaged, so a picture that decodes here would show in Slack.
 */
export function decodePng(png: Uint8Array): DecodedPng {
  const bytes = Buffer.from(png);
  const { width, height } = pngSize(bytes);
  const depth = bytes[24];
  const colourType = bytes[25];
  if (depth !== 8 || (colourType !== 2 && colourType !== 6) || bytes[28] !== 0)
    throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${bytes[28]}`);
  const channels = colourType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  let sawEnd = false;
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(Buffer.concat([type, data])) !== bytes.readUInt32BE(at + 8 + length)) throw new Error('bad CRC');
    if (type.toString('latin1') === 'IDAT') idat.push(data);
    if (type.toString('latin1') === 'IEND') sawEnd = true;
    at += 12 + length;
  }
  if (!sawEnd) throw new Error('PNG without IEND');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error('PNG data of the wrong length');
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) unfilter(raw, pixels, y, stride, channels);
  return { width, height, channels, pixels };
}

function unfilter(raw: Buffer, out: Buffer, y: number, stride: number, bpp: number): void {
  const filter = raw[y * (stride + 1)];
  const line = y * (stride + 1) + 1;
  for (let x = 0; x < stride; x += 1) {
    const a = x >= bpp ? out[y * stride + x - bpp] : 0;
    const b = y > 0 ? out[(y - 1) * stride + x] : 0;
    const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
    const p = a + b - c;
    const paeth =
      Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
        ? a
        : Math.abs(p - b) <= Math.abs(p - c)
          ? b
          : c;
    const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
    if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
    out[y * stride + x] = (raw[line + x] + predictor) & 0xff;
  }
}

/** Pixels that are not white: the ink a drawing put on the page. */
export function inkOf(png: Uint8Array): number {
  const { pixels, channels } = decodePng(png);
  let ink = 0;
  for (let i = 0; i < pixels.length; i += channels)
    if (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240) ink += 1;
  return ink;
}

/** Pixels of one colour (within a few levels, for anti-aliased edges): how much of a fill a drawing shows. */
export function pixelsOfColour(png: Uint8Array, hex: string, tolerance = 6): number {
  const { pixels, channels } = decodePng(png);
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  let count = 0;
  for (let i = 0; i < pixels.length; i += channels)
    if (
      Math.abs(pixels[i] - r) <= tolerance &&
      Math.abs(pixels[i + 1] - g) <= tolerance &&
      Math.abs(pixels[i + 2] - b) <= tolerance
    )
      count += 1;
  return count;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
