/**
 * Writing this device's next segment into the sync folder (sync-segment.ts says what a segment is).
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeviceId } from './hlc';
import type { Change } from './sync-changes';
import { devicesDir, listDir, unavailable } from './sync-folder-paths';
import { FOLDER_FILE, MARGIN_DIR } from './sync-key';
import type { FolderKey } from './sync-key';
import { encodeSegment, SEGMENT_FORMAT, segmentSeq, writeSegmentFile } from './sync-segment';
import type { WrittenSegment } from './sync-segment';

export type FolderWriteResult = ({ ok: true } & WrittenSegment) | { ok: false; message: string };

const HEADER_BYTES = 512;

/** The first line of a segment file, as far as it can be read cheaply. */
function headerFormat(path: string): number {
  try {
    // The header is one short line: reading the start of the file is enough (a segment may be a megabyte).
    const start = Buffer.alloc(HEADER_BYTES);
    const fd = openSync(path, 'r');
    let length: number;
    try {
      length = readSync(fd, start, 0, HEADER_BYTES, 0);
    } finally {
      closeSync(fd);
    }
    const text = start.subarray(0, length).toString('utf8');
    const data = JSON.parse(text.slice(9, text.indexOf('\n'))) as { format?: unknown };
    return typeof data.format === 'number' ? data.format : 0;
  } catch {
    return 0;
  }
}

/**
 * Writes `changes` as this device's next segment. Refuses (writing nothing) when the folder is gone or
 * read-only, or when a newer Margin has written this device's folder: it is never downgraded.
 */
export function writeOwnSegment(
  folder: string,
  folderKey: FolderKey,
  device: string,
  changes: readonly Change[],
  beforePublish?: (segment: WrittenSegment) => void,
  /** The digest of the segment this installation wrote before (see sync-segment.ts). */
  parent: string | null = null,
): FolderWriteResult {
  if (!isDeviceId(device)) throw new RangeError('A device id is 16 lowercase hex digits.');
  if (!existsSync(join(folder, MARGIN_DIR, FOLDER_FILE))) return unavailable(folder);
  const dir = join(devicesDir(folder), device);
  try {
    mkdirSync(dir, { recursive: true });
    let last = 0;
    let lastFile: string | null = null;
    for (const file of listDir(dir)) {
      if (file.startsWith('.') && file.includes('.tmp-')) {
        rmSync(join(dir, file), { force: true }); // this device's own write that a crash interrupted
        continue;
      }
      const seq = segmentSeq(file);
      if (seq !== null && seq >= last) [last, lastFile] = [seq, file];
    }
    if (lastFile !== null && headerFormat(join(dir, lastFile)) > SEGMENT_FORMAT)
      return {
        ok: false,
        message: `A newer Margin has written this device's sync files: update Margin to keep syncing. Your notes on this device are untouched.`,
      };
    const seq = last + 1;
    const contents = encodeSegment(folderKey, device, seq, changes, undefined, parent);
    const written = writeSegmentFile(dir, contents, seq, beforePublish);
    return { ok: true, ...written };
  } catch (error) {
    return unavailable(folder, error);
  }
}
