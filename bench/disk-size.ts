/** Bytes on disk, raw and gzip-compressed (level 6, as an installer or a download would compress). */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';

export interface DiskSize {
  raw: number;
  gzip: number;
}

async function gzipSize(file: string): Promise<number> {
  let bytes = 0;
  await pipeline(
    createReadStream(file),
    createGzip({ level: 6 }),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  return bytes;
}

async function filesUnder(target: string): Promise<string[]> {
  const info = await stat(target);
  if (info.isFile()) return [target];
  const files: string[] = [];
  for (const entry of await readdir(target, { withFileTypes: true })) {
    const child = path.join(target, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(child)));
    else if (entry.isFile()) files.push(child);
  }
  return files;
}

/** Raw and gzip size of a file, or the sum over every file under a folder (each gzipped alone). */
export async function diskSize(target: string): Promise<DiskSize> {
  const total: DiskSize = { raw: 0, gzip: 0 };
  for (const file of await filesUnder(target)) {
    total.raw += (await stat(file)).size;
    total.gzip += await gzipSize(file);
  }
  return total;
}
