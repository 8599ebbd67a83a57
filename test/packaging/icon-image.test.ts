import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, renderIconPixels, renderIconPng } from '../../build/packaging/icon-image';

function pixelAt(pixels: Buffer, size: number, x: number, y: number): number[] {
  const offset = (Math.floor(y * size) * size + Math.floor(x * size)) * 4;
  return [...pixels.subarray(offset, offset + 4)];
}

describe('icon-image', () => {
  const size = 256;
  const pixels = renderIconPixels(size);

  it('draws a page with a red margin rule on an opaque tile, with transparent corners', () => {
    expect(pixelAt(pixels, size, 0.01, 0.01)[3]).toBe(0);
    expect(pixelAt(pixels, size, 0.1, 0.5)).toEqual([46, 64, 83, 255]);
    expect(pixelAt(pixels, size, 0.3, 0.5)).toEqual([250, 247, 240, 255]);
    expect(pixelAt(pixels, size, 0.3525, 0.5)).toEqual([204, 86, 74, 255]);
  });

  it('writes a PNG whose pixel rows decode back to the drawing', () => {
    const png = renderIconPng(64);
    const idatStart = png.indexOf('IDAT') + 4;
    const idatLength = png.readUInt32BE(idatStart - 8);
    const rows = inflateSync(png.subarray(idatStart, idatStart + idatLength));
    const expected = renderIconPixels(64);
    for (let y = 0; y < 64; y++) {
      expect(rows[y * (64 * 4 + 1)]).toBe(0);
      expect(
        rows
          .subarray(y * (64 * 4 + 1) + 1, (y + 1) * (64 * 4 + 1))
          .equals(expected.subarray(y * 256, (y + 1) * 256)),
      ).toBe(true);
    }
  });

  it('refuses sizes it cannot draw and pixel buffers of the wrong length', () => {
    expect(() => renderIconPixels(8)).toThrow(/from 16 to 2048/);
    expect(() => renderIconPixels(100.5)).toThrow(/whole number/);
    expect(() => encodePng(Buffer.alloc(10), 4, 4)).toThrow(/Expected 64 bytes/);
  });
});
