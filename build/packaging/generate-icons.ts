/**
 * Writes Margin's icon set into build/icons/ (`npx tsx build/packaging/generate-icons.ts`).
 * The PNGs are committed; rerun this only when the design in icon-image.ts changes.
 * Linux takes the whole NxN.png set; macOS (.icns) and Windows (.ico) are converted by
 * electron-builder from the 1024 px master on the build machine.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderIconPng } from './icon-image';

export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024] as const;

export async function writeIconSet(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const size of ICON_SIZES) {
    const file = path.join(outDir, `${size}x${size}.png`);
    await writeFile(file, renderIconPng(size));
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  const outDir = path.resolve(__dirname, '..', 'icons');
  writeIconSet(outDir).then(
    (files) => console.log(`wrote ${files.length} icons to ${outDir}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
