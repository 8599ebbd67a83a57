/**
 * Margin's icon, drawn in code so it can be regenerated at any size: a calm sheet of paper with a
 * few lines of text and the thin red margin rule that gives the app its name, on a soft slate tile.
 * Pixels are supersampled (4×4 per pixel) so edges are anti-aliased without a graphics library.
 */
import { deflateSync, crc32 } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

/** A shape in unit coordinates (0..1 across the icon) that colours the points it covers. */
interface Shape {
  colour: Rgba;
  covers(x: number, y: number): boolean;
}

const TILE: Rgba = [46, 64, 83, 255];
const PAPER: Rgba = [250, 247, 240, 255];
const SHADOW: Rgba = [28, 40, 52, 110];
const INK: Rgba = [120, 132, 146, 255];
const MARGIN_RULE: Rgba = [204, 86, 74, 255];

function roundedRect(
  left: number,
  top: number,
  right: number,
  bottom: number,
  radius: number,
  colour: Rgba,
): Shape {
  return {
    colour,
    covers(x, y) {
      if (x < left || x > right || y < top || y > bottom) return false;
      const cx = Math.min(Math.max(x, left + radius), right - radius);
      const cy = Math.min(Math.max(y, top + radius), bottom - radius);
      return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
    },
  };
}

/** The shapes from back to front; later shapes paint over earlier ones. */
function iconShapes(): Shape[] {
  const shapes: Shape[] = [
    roundedRect(0.04, 0.04, 0.96, 0.96, 0.2, TILE),
    roundedRect(0.25, 0.17, 0.79, 0.87, 0.03, SHADOW),
    roundedRect(0.22, 0.14, 0.76, 0.84, 0.03, PAPER),
    roundedRect(0.345, 0.18, 0.36, 0.8, 0.0075, MARGIN_RULE),
  ];
  // Text lines to the right of the margin rule; the last line of each paragraph is shorter.
  const lineEnds = [0.69, 0.69, 0.6, 0.69, 0.69, 0.69, 0.52];
  lineEnds.forEach((end, index) => {
    const top = 0.27 + index * 0.075 + (index >= 3 ? 0.04 : 0);
    shapes.push(roundedRect(0.41, top, end, top + 0.028, 0.014, INK));
  });
  return shapes;
}

/** Renders the icon as straight (non-premultiplied) RGBA rows, `size` × `size` pixels. */
export function renderIconPixels(size: number): Buffer {
  if (!Number.isInteger(size) || size < 16 || size > 2048) {
    throw new RangeError(`Icon size must be a whole number of pixels from 16 to 2048, got ${size}`);
  }
  const shapes = iconShapes();
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          // Composite the shapes over transparency ("over" operator, premultiplied while summing).
          let sr = 0;
          let sg = 0;
          let sb = 0;
          let sa = 0;
          for (const shape of shapes) {
            if (!shape.covers(x, y)) continue;
            const alpha = shape.colour[3] / 255;
            sr = shape.colour[0] * alpha + sr * (1 - alpha);
            sg = shape.colour[1] * alpha + sg * (1 - alpha);
            sb = shape.colour[2] * alpha + sb * (1 - alpha);
            sa = alpha + sa * (1 - alpha);
          }
          r += sr;
          g += sg;
          b += sb;
          a += sa;
        }
      }
      const offset = (py * size + px) * 4;
      const coverage = a / (samples * samples);
      pixels[offset] = a === 0 ? 0 : Math.round(r / a);
      pixels[offset + 1] = a === 0 ? 0 : Math.round(g / a);
      pixels[offset + 2] = a === 0 ? 0 : Math.round(b / a);
      pixels[offset + 3] = Math.round(coverage * 255);
    }
  }
  return pixels;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/** Encodes straight RGBA pixels as an 8-bit truecolour-with-alpha PNG. */
export function encodePng(pixels: Buffer, width: number, height: number): Buffer {
  if (pixels.length !== width * height * 4) {
    throw new RangeError(
      `Expected ${width * height * 4} bytes of RGBA for ${width}×${height}, got ${pixels.length}`,
    );
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // Each scanline starts with filter type 0 (none); deflate does the rest.
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    pixels.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function renderIconPng(size: number): Buffer {
  return encodePng(renderIconPixels(size), size, size);
}
