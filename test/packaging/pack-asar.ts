/**
 * `@electron/asar`'s createPackageWithOptions, waited on until the archive is whole. Its writer ends the
 * output stream without awaiting the flush (`out.end()` in disk.js), so on a busy machine a test that
 * reads the archive at once can read it half written. The archive is whole when its size is the 8-byte
 * size prefix, the header and every packed file's bytes.
 */
import { stat } from 'node:fs/promises';
import { createPackageWithOptions, getRawHeader, uncache } from '@electron/asar';
import { listAsarFiles } from '../../build/packaging/asar-check';

type PackOptions = Parameters<typeof createPackageWithOptions>[2];

export async function packAsar(source: string, archive: string, options: PackOptions): Promise<void> {
  await createPackageWithOptions(source, archive, options);
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      uncache(archive);
      const { headerSize } = getRawHeader(archive);
      const packed = listAsarFiles(archive)
        .filter((entry) => !entry.file.unpacked && entry.file.link === undefined)
        .reduce((sum, entry) => sum + Number(entry.file.size), 0);
      if ((await stat(archive)).size >= 8 + headerSize + packed) return;
    } catch {
      // the header itself is not written yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${archive} was not written whole within 5 s`);
}
