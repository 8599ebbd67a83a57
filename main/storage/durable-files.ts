/**
 * The file-system steps every store of the reader's data shares: a time stamp for file names, and the
 * fsyncs that make a write and a rename durable. The note store, its backups and the preferences use them.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';

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
