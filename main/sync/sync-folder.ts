/**
 * The shared folder as a whole: reading every other device's segments, and writing this device's next
 * one. The folder is carried by a tool Margin does not control, so anything may be in it: half-copied
 * and duplicated files, conflict copies, files from elsewhere, or nothing at all when it is unplugged.
 * Problems come back as values with a sentence for the reader; this module never touches local notes.
 *
 * What has been read is remembered in a cursor (file → size), a plain object the caller persists, so a
 * sync reads only new or grown files, and a problem file is reported once.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { isDeviceId } from './hlc';
import type { Change } from './sync-changes';
import { FOLDER_FILE, MARGIN_DIR } from './sync-key';
import type { FolderKey } from './sync-key';
import {
  decodeSegment,
  encodeSegment,
  SEGMENT_FORMAT,
  segmentDigest,
  segmentSeq,
  writeSegmentFile,
} from './sync-segment';
import type { WrittenSegment } from './sync-segment';

export const DEVICES_DIR = 'devices';

export interface SyncCursor {
  /** `<device>/<file>` → its size and modification time (`size/mtimeMs`) when it was read. */
  read: Record<string, string>;
  /** `<device>/<file>` → its size and modification time when its problem was reported. */
  reported: Record<string, string>;
}

export function emptyCursor(): SyncCursor {
  return { read: {}, reported: {} };
}

export interface DeviceSeen {
  /** Newest modification time among its segments, ms since the epoch. */
  lastWrite: number;
  segments: number;
}

export type FolderReadResult =
  | {
      ok: true;
      changes: Change[];
      cursor: SyncCursor;
      /** New problems, one sentence each (files ignored, parts not understood). */
      problems: string[];
      devices: Record<string, DeviceSeen>;
      /** True when a file in this device's own folder was not written by this installation. */
      cloneSuspected: boolean;
    }
  | { ok: false; message: string };

export type FolderWriteResult = ({ ok: true; seq: number } & WrittenSegment) | { ok: false; message: string };

function devicesDir(folder: string): string {
  return join(folder, MARGIN_DIR, DEVICES_DIR);
}

function unavailable(folder: string, error?: unknown): { ok: false; message: string } {
  const detail = error === undefined ? 'it is not there (unplugged or moved?)' : (error as Error).message;
  return {
    ok: false,
    message: `The sync folder ${folder} cannot be used: ${detail}. Your notes on this device are untouched; sync resumes when the folder is back.`,
  };
}

function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Changes when a file is replaced or grows (a copy completing), even to the same size. */
function fileSignature(stat: Stats | null): string {
  return stat === null ? 'missing' : `${stat.size}/${stat.mtimeMs}`;
}

export interface ReadOptions {
  /** This device's id: its own folder is not merged, only checked for a clone's files. */
  device: string;
  cursor: SyncCursor;
  /** File name → digest of every segment this installation wrote (see writeOwnSegment). */
  ownSegments: Record<string, string>;
}

/** Reads the changes of every other device that are new since `cursor`. */
export function readSyncFolder(folder: string, folderKey: FolderKey, options: ReadOptions): FolderReadResult {
  if (!existsSync(join(folder, MARGIN_DIR, FOLDER_FILE))) return unavailable(folder);
  const cursor: SyncCursor = { read: { ...options.cursor.read }, reported: { ...options.cursor.reported } };
  const changes: Change[] = [];
  const problems: string[] = [];
  const devices: Record<string, DeviceSeen> = {};
  let cloneSuspected = false;
  const ownDigests = new Set(Object.values(options.ownSegments));
  const reportOnce = (key: string, signature: string, sentence: string): void => {
    if (cursor.reported[key] === signature) return;
    cursor.reported[key] = signature;
    problems.push(sentence);
  };
  let entries: string[];
  try {
    entries = existsSync(devicesDir(folder)) ? listDir(devicesDir(folder)) : [];
  } catch (error) {
    return unavailable(folder, error);
  }
  for (const entry of entries) {
    if (entry.startsWith('.')) continue; // hidden: a sync tool's own bookkeeping
    const dir = join(devicesDir(folder), entry);
    const dirStat = statOrNull(dir);
    if (!isDeviceId(entry) || dirStat === null || !dirStat.isDirectory()) {
      reportOnce(
        entry,
        fileSignature(dirStat),
        `Ignored ${DEVICES_DIR}/${entry} in the sync folder: not Margin's.`,
      );
      continue;
    }
    let files: string[];
    try {
      files = listDir(dir);
    } catch (error) {
      problems.push(`Could not read device ${entry} in the sync folder: ${(error as Error).message}`);
      continue;
    }
    for (const file of files) {
      if (file.startsWith('.')) continue; // a temporary file, still being written or left by a crash
      const key = `${entry}/${file}`;
      const path = join(dir, file);
      const stat = statOrNull(path);
      const seq = segmentSeq(file);
      if (stat === null || !stat.isFile() || seq === null) {
        reportOnce(
          key,
          fileSignature(stat),
          `Ignored ${DEVICES_DIR}/${key} in the sync folder: not Margin's.`,
        );
        continue;
      }
      const signature = fileSignature(stat);
      const seen = (devices[entry] ??= { lastWrite: 0, segments: 0 });
      seen.lastWrite = Math.max(seen.lastWrite, stat.mtimeMs);
      seen.segments += 1;
      if (cursor.read[key] === signature) continue;
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch (error) {
        problems.push(`Could not read ${DEVICES_DIR}/${key} in the sync folder: ${(error as Error).message}`);
        continue;
      }
      if (entry === options.device) {
        // This device writes only here; a file it did not write means another machine uses its id.
        // Compared by content, not name: a sync tool's exact copy of one of ours is still ours.
        if (!ownDigests.has(segmentDigest(bytes))) cloneSuspected = true;
        else cursor.read[key] = signature;
        continue;
      }
      const segment = decodeSegment(folderKey, bytes.toString('utf8'), entry, seq);
      if (segment.problem !== null) {
        reportOnce(key, signature, `Ignored ${DEVICES_DIR}/${key} in the sync folder: ${segment.problem}.`);
        cursor.read[key] = signature;
        continue;
      }
      changes.push(...segment.changes);
      if (segment.damaged > 0)
        reportOnce(
          key,
          signature,
          `${segment.damaged} damaged line(s) in ${DEVICES_DIR}/${key} were skipped.`,
        );
      const newer = segment.format > SEGMENT_FORMAT || segment.notUnderstood > 0;
      if (newer)
        reportOnce(
          key,
          signature,
          `Some changes from device ${entry} were written by a newer Margin: update Margin to read them all.`,
        );
      // Not understood now may be understood after an update: such a file is read again next time.
      else cursor.read[key] = signature;
    }
  }
  return { ok: true, changes, cursor, problems, devices, cloneSuspected };
}

/** The first line of a segment file, as far as it can be read cheaply. */
function headerFormat(path: string): number {
  try {
    const text = readFileSync(path, 'utf8');
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
    const written = writeSegmentFile(dir, encodeSegment(folderKey, device, seq, changes), seq, beforePublish);
    return { ok: true, seq, ...written };
  } catch (error) {
    return unavailable(folder, error);
  }
}
