/**
 * The shared folder as a whole: reading every other device's segments, and writing this device's next
 * one. The folder is carried by a tool Margin does not control, so anything may be in it: half-copied
 * and duplicated files, conflict copies, files from elsewhere, or nothing at all when it is unplugged.
 * Problems come back as values with a sentence for the reader; this module never touches local notes.
 *
 * What has been read is remembered in a cursor (file → size), a plain object the caller persists, so a
 * sync reads only new or grown files, and a problem file is reported once.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { isDeviceId } from './hlc';
import { BLOBS_DIR } from './sync-blobs';
import { foreignSegment } from './sync-clone';
import type { CloneEvidence, OwnSegment } from './sync-clone';
import type { Change } from './sync-changes';
import { FOLDER_FILE, MARGIN_DIR } from './sync-key';
import type { FolderKey } from './sync-key';
import {
  decodeSegmentSteps,
  drain,
  encodeSegment,
  SEGMENT_FORMAT,
  segmentDigest,
  segmentSeq,
  writeSegmentFile,
} from './sync-segment';
import type { SegmentRead, WrittenSegment } from './sync-segment';

export type { CloneEvidence, OwnSegment } from './sync-clone';

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
      /** Lines in this device's own folder that this installation did not write, or null. */
      clone: CloneEvidence | null;
    }
  | { ok: false; message: string };

export type FolderWriteResult = ({ ok: true } & WrittenSegment) | { ok: false; message: string };

function devicesDir(folder: string): string {
  return join(folder, MARGIN_DIR, DEVICES_DIR);
}

/** Plain words for the file-system errors a folder on a stick or a network share gives. */
const FOLDER_ERRORS: Record<string, string> = {
  ENOENT: 'it is not there (unplugged or moved?)',
  EACCES: 'Margin may not write there (read-only or no permission)',
  EPERM: 'Margin may not write there (read-only or no permission)',
  EROFS: 'it is on a read-only disk',
  ENOSPC: 'its disk is full',
  ENOTDIR: 'part of it is a file where a folder belongs',
  EIO: 'the disk could not be read (unplugged while in use?)',
};

function unavailable(folder: string, error?: unknown): { ok: false; message: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'ENOENT';
  const detail = FOLDER_ERRORS[code] ?? (error as Error).message;
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
  /** This device's id: its own folder is read only for lines another installation wrote there. */
  device: string;
  cursor: SyncCursor;
  /** Every segment this installation wrote (see writeOwnSegment). */
  ownSegments: readonly OwnSegment[];
}

/** What one read of the folder gathers as it goes through the devices' files. */
interface ReadPass {
  folderKey: FolderKey;
  device: string;
  ownDigests: Set<string>;
  ownLines: Set<string>;
  cursor: SyncCursor;
  changes: Change[];
  problems: string[];
  devices: Record<string, DeviceSeen>;
  clone: CloneEvidence | null;
}

function reportOnce(pass: ReadPass, key: string, signature: string, sentence: string): void {
  if (pass.cursor.reported[key] === signature) return;
  pass.cursor.reported[key] = signature;
  pass.problems.push(sentence);
}

function notMargins(pass: ReadPass, key: string, stat: Stats | null): void {
  reportOnce(
    pass,
    key,
    fileSignature(stat),
    `Ignored ${DEVICES_DIR}/${key} in the sync folder: not Margin's.`,
  );
}

/** Lines another installation wrote under this device's id: evidence, and changes merged like any other. */
function foreignLines(pass: ReadPass, segment: SegmentRead): void {
  const foreign = foreignSegment(pass.ownLines, segment);
  segment.changes = foreign.changes;
  if (!foreign.any) return;
  pass.clone ??= { segments: [] };
  if (foreign.evidence !== null) pass.clone.segments.push(foreign.evidence);
}

/** Takes in one segment file (new or grown since the cursor) of device `entry`. */
function* readSegmentFile(
  pass: ReadPass,
  entry: string,
  key: string,
  seq: number,
  bytes: Buffer,
  signature: string,
): Generator<void, void> {
  // Compared by content, not name: a sync tool's exact copy of one of ours is still ours.
  if (entry === pass.device && pass.ownDigests.has(segmentDigest(bytes))) {
    pass.cursor.read[key] = signature;
    return;
  }
  const segment = yield* decodeSegmentSteps(pass.folderKey, bytes.toString('utf8'), entry, seq);
  if (entry === pass.device) foreignLines(pass, segment);
  if (segment.problem !== null) {
    reportOnce(pass, key, signature, `Ignored ${DEVICES_DIR}/${key} in the sync folder: ${segment.problem}.`);
    pass.cursor.read[key] = signature;
    return;
  }
  for (const change of segment.changes) pass.changes.push(change);
  if (segment.damaged > 0)
    reportOnce(
      pass,
      `${key}#damaged`,
      signature,
      `${segment.damaged} damaged line(s) in ${DEVICES_DIR}/${key} were skipped.`,
    );
  if (segment.format > SEGMENT_FORMAT || segment.notUnderstood > 0)
    reportOnce(
      pass,
      `${key}#newer`,
      signature,
      `Some changes from device ${entry} were written by a newer Margin: update Margin to read them all.`,
    );
  // Not understood now may be understood after an update: such a file is read again next time.
  else pass.cursor.read[key] = signature;
}

function* readDeviceFolder(pass: ReadPass, dir: string, entry: string): Generator<void, void> {
  let files: string[];
  try {
    files = listDir(dir);
  } catch (error) {
    pass.problems.push(`Could not read device ${entry} in the sync folder: ${(error as Error).message}`);
    return;
  }
  for (const file of files) {
    if (file.startsWith('.')) continue; // a temporary file, still being written or left by a crash
    if (file === BLOBS_DIR) continue; // the original files of the reader's documents (sync-blobs.ts)
    const key = `${entry}/${file}`;
    const path = join(dir, file);
    const stat = statOrNull(path);
    const seq = segmentSeq(file);
    if (stat === null || !stat.isFile() || seq === null) {
      notMargins(pass, key, stat);
      continue;
    }
    const seen = (pass.devices[entry] ??= { lastWrite: 0, segments: 0 });
    seen.lastWrite = Math.max(seen.lastWrite, stat.mtimeMs);
    seen.segments += 1;
    const signature = fileSignature(stat);
    if (pass.cursor.read[key] === signature) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      pass.problems.push(
        `Could not read ${DEVICES_DIR}/${key} in the sync folder: ${(error as Error).message}`,
      );
      continue;
    }
    yield* readSegmentFile(pass, entry, key, seq, bytes, signature);
  }
}

/** Reads the changes of every other device that are new since `cursor`. */
export function readSyncFolder(folder: string, folderKey: FolderKey, options: ReadOptions): FolderReadResult {
  return drain(readSyncFolderSteps(folder, folderKey, options));
}

/** readSyncFolder one sealed line at a time, so that a caller can let the event loop go between them. */
export function* readSyncFolderSteps(
  folder: string,
  folderKey: FolderKey,
  options: ReadOptions,
): Generator<void, FolderReadResult> {
  if (!existsSync(join(folder, MARGIN_DIR, FOLDER_FILE))) return unavailable(folder);
  let entries: string[];
  try {
    entries = existsSync(devicesDir(folder)) ? listDir(devicesDir(folder)) : [];
  } catch (error) {
    return unavailable(folder, error);
  }
  const pass: ReadPass = {
    folderKey,
    device: options.device,
    ownDigests: new Set(options.ownSegments.map((segment) => segment.digest)),
    ownLines: new Set(options.ownSegments.flatMap((segment) => segment.lines)),
    cursor: { read: { ...options.cursor.read }, reported: { ...options.cursor.reported } },
    changes: [],
    problems: [],
    devices: {},
    clone: null,
  };
  for (const entry of entries) {
    if (entry.startsWith('.')) continue; // hidden: a sync tool's own bookkeeping
    const dir = join(devicesDir(folder), entry);
    const stat = statOrNull(dir);
    if (isDeviceId(entry) && stat !== null && stat.isDirectory()) yield* readDeviceFolder(pass, dir, entry);
    else notMargins(pass, entry, stat);
  }
  const { changes, cursor, problems, devices, clone } = pass;
  return { ok: true, changes, cursor, problems, devices, clone };
}

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
