/**
 * The file-system steps every store of the reader's data shares: a time stamp for file names, and the
 * fsyncs that make a write and a rename durable. The note store, its backups and the preferences use them.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE } from '../data-dir';

/** A time stamp that sorts as text and is valid in a file name on every platform. */
export function fileStamp(date: Date = new Date()): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable. Directories cannot be opened for fsync on Windows, where NTFS journals renames. */
export function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported here
  }
}

/** syncDirectory in the thread pool: an import's renames must not wait on the disk in the window's thread. */
export async function syncDirectoryInBackground(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // not supported here (Windows cannot open a directory; NTFS journals renames)
  }
}

/**
 * Writes `file` whole or not at all: a private temporary file beside it, flushed, then renamed over it
 * (a crash leaves the old file or the new one, never half of one).
 */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, data, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    syncFile(temporary);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(dirname(file));
}

/**
 * writeFileAtomically without holding the thread: the write and the flush run in the thread pool, so a
 * large file (an imported book) never stalls the window meanwhile.
 */
export async function writeFileAtomicallyInBackground(
  file: string,
  data: string | Uint8Array,
): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectoryInBackground(dirname(file));
}
