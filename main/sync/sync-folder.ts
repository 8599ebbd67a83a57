/**
 * The shared folder as a whole: reading every other device's segments (this device's next one is
 * written by sync-own-segment.ts). The folder is carried by a tool Margin does not control, so anything may be in it: half-copied
 * and duplicated files, conflict copies, files from elsewhere, or nothing at all when it is unplugged.
 * Problems come back as values with a sentence for the reader; this module never touches local notes.
 *
 * What has been read is remembered in a cursor (file → size), a plain object the caller persists, so a
 * sync reads only new or grown files, and a problem file is reported once.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { isDeviceId } from './hlc';
import { BLOBS_DIR } from './sync-blobs';
import { foreignSegment } from './sync-clone';
import type { CloneEvidence, OwnSegment } from './sync-clone';
import type { Change } from './sync-changes';
import { DEVICES_DIR, devicesDir, listDir, unavailable } from './sync-folder-paths';
import { FOLDER_FILE, MARGIN_DIR } from './sync-key';
import type { FolderKey } from './sync-key';
import { decodeSegmentSteps, drain, SEGMENT_FORMAT, segmentDigest, segmentSeq } from './sync-segment';
import type { SegmentRead } from './sync-segment';

export type { CloneEvidence, OwnSegment } from './sync-clone';

export { DEVICES_DIR } from './sync-folder-paths';
export { writeOwnSegment } from './sync-own-segment';
export type { FolderWriteResult } from './sync-own-segment';

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
