/**
 * A segment: one file of changes from one device, `<folder>/margin/devices/<device-id>/<seq>.mseg`,
 * written once (temporary name, fsync, rename) and never edited. Its lines:
 *
 *   <crc32> {"margin":"sync-segment","format":1,"device":"<id>","seq":<n>}   plain: says nothing private
 *   <crc32> <sealed JSON array of changes>                                    a batch per line
 *   <crc32> <sealed {"end":<number of changes>,"parent":<digest>}>             the segment is whole
 *
 * `parent` is the digest of the segment this installation wrote before (null for its first): a chain.
 * Two installations sharing a device id (a cloned disk) each write a segment with the same parent, and
 * comparing those two tells which of them began writing later.
 *
 * The CRC-32 (node:zlib, 8 hex digits) of each line's payload tells a half-copied or damaged line from a
 * line sealed under another key, cheaply; AES-GCM then authenticates. Sealing line by line means a
 * segment the sync tool has only half carried still yields every whole line, and the rest when it
 * arrives. Only the device id and the sequence number are ever in the clear.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { syncDirectory } from '../storage/durable-files';
import { readChange } from './sync-changes';
import type { Change } from './sync-changes';
import { openSealed, sealText } from './sync-key';
import type { FolderKey } from './sync-key';

export const SEGMENT_FORMAT = 1;
export const SEGMENT_EXTENSION = '.mseg';
const SEQ_DIGITS = 10;
/**
 * `0000000042.mseg`, and the copies sync tools make of it: `0000000042 (conflicted copy 2026-…).mseg`
 * (Dropbox), `0000000042.sync-conflict-20261201-101500-ABCDEF.mseg` (Syncthing), `0000000042-DESK.mseg`
 * (OneDrive). A copy is read like the original; the merge takes each change once.
 */
const SEGMENT_NAME = /^(\d{10})(?:[ .\-_(].*)?\.mseg$/;

export function segmentName(seq: number): string {
  return `${String(seq).padStart(SEQ_DIGITS, '0')}${SEGMENT_EXTENSION}`;
}

/** The sequence number a segment's file name (or a sync tool's copy of it) carries, or null. */
export function segmentSeq(fileName: string): number | null {
  const match = SEGMENT_NAME.exec(fileName);
  return match === null ? null : Number(match[1]);
}

function linePlace(device: string, seq: number, format: number, line: number): string {
  return `margin-sync/${format}/${device}/${seq}/${line}`;
}

function checksum(payload: string): string {
  return crc32(payload).toString(16).padStart(8, '0'); // crc32 of the UTF-8 bytes
}

function line(payload: string): string {
  return `${checksum(payload)} ${payload}\n`;
}

/**
 * Changes per sealed line. Setting up an AES-GCM context costs far more than sealing a few kilobytes
 * (about 0.2 ms against microseconds here), so lines carry batches: 10,000 annotations seal in tens of
 * milliseconds, and a half-copied segment still yields every whole batch.
 */
export const CHANGES_PER_LINE = 128;

export function encodeSegment(
  folderKey: FolderKey,
  device: string,
  seq: number,
  changes: readonly Change[],
  changesPerLine = CHANGES_PER_LINE,
  parent: string | null = null,
): string {
  const header = { margin: 'sync-segment', format: SEGMENT_FORMAT, device, seq };
  const lines = [line(JSON.stringify(header))];
  for (let start = 0; start < changes.length; start += changesPerLine) {
    const place = linePlace(device, seq, SEGMENT_FORMAT, lines.length);
    const batch = changes.slice(start, start + changesPerLine);
    lines.push(line(sealText(folderKey, place, JSON.stringify(batch))));
  }
  const endPlace = linePlace(device, seq, SEGMENT_FORMAT, lines.length);
  lines.push(line(sealText(folderKey, endPlace, JSON.stringify({ end: changes.length, parent }))));
  return lines.join('');
}

export interface SegmentRead {
  /** The header's format; above SEGMENT_FORMAT means a newer Margin wrote it. 0 when there is no header. */
  format: number;
  changes: Change[];
  /** True once the end line is there and every change before it was read. */
  complete: boolean;
  /** The end line's `parent` (see above): undefined until the end line is read, null for a first segment. */
  parent?: string | null;
  /** Changes or lines that opened but that this Margin does not understand (a newer Margin's). */
  notUnderstood: number;
  /** Whole lines with a wrong checksum or that do not open with the key. */
  damaged: number;
  /** Why nothing could be read (not a segment, in the wrong place), or null. */
  problem: string | null;
  /** Every sealed line that opened, by its digest (see lineDigest), with the changes it holds. */
  lines: Array<{ digest: string; changes: Change[] }>;
}

/**
 * What names one sealed line: its fresh random IV makes it unique, so a line that opens under this
 * device's id and is not among the lines this installation wrote was written by another installation
 * with the same id (a cloned disk). A sync tool's copy, whole or cut short, only repeats our lines.
 */
export function lineDigest(payload: string): string {
  return createHash('sha256').update(payload).digest('hex').slice(0, 32);
}

/** The digests of a segment's sealed lines (all but the plain header), as it was written. */
export function sealedLineDigests(contents: string): string[] {
  return contents
    .split('\n')
    .slice(1, -1)
    .map((raw) => lineDigest(raw.slice(9)));
}

function readHeader(payload: string): { format: number; device: string; seq: number } | null {
  try {
    const data = JSON.parse(payload) as Record<string, unknown>;
    if (data.margin !== 'sync-segment' || !Number.isInteger(data.format)) return null;
    if (typeof data.device !== 'string' || !Number.isInteger(data.seq)) return null;
    return { format: data.format as number, device: data.device, seq: data.seq as number };
  } catch {
    return null;
  }
}

/**
 * Reads what is whole of a segment found under `devices/<device>/` with sequence number `seq`. A last
 * line without its newline is a copy still under way: it is left for the next read, not reported.
 */
export function decodeSegment(folderKey: FolderKey, text: string, device: string, seq: number): SegmentRead {
  return drain(decodeSegmentSteps(folderKey, text, device, seq));
}

/** Runs a step-by-step reading to its end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * decodeSegment one sealed line at a time: it pauses after each line, so a caller can let the event
 * loop go while a segment of 10,000 notes is opened (see sync-pass.ts).
 */
export function* decodeSegmentSteps(
  folderKey: FolderKey,
  text: string,
  device: string,
  seq: number,
): Generator<void, SegmentRead> {
  const result: SegmentRead = {
    format: 0,
    changes: [],
    complete: false,
    notUnderstood: 0,
    damaged: 0,
    problem: null,
    lines: [],
  };
  const lines = text.split('\n');
  lines.pop(); // '' after the last newline, or a line still being copied
  if (lines.length === 0) return result;
  const verified = (raw: string): string | null => {
    const space = raw.indexOf(' ');
    const payload = raw.slice(space + 1);
    return space === 8 && checksum(payload) === raw.slice(0, 8) ? payload : null;
  };
  const headerPayload = verified(lines[0]);
  const header = headerPayload === null ? null : readHeader(headerPayload);
  if (header === null) return { ...result, problem: 'it is not a Margin sync segment' };
  if (header.device !== device || header.seq !== seq)
    return { ...result, problem: `it belongs to device ${header.device} segment ${header.seq}` };
  result.format = header.format;
  for (let index = 1; index < lines.length; index += 1) {
    if (index > 1) yield;
    const payload = verified(lines[index]);
    const opened =
      payload === null ? null : openSealed(folderKey, linePlace(device, seq, header.format, index), payload);
    if (opened === null) {
      result.damaged += 1;
      continue;
    }
    const line = { digest: lineDigest(payload as string), changes: [] as Change[] };
    result.lines.push(line);
    let data: unknown;
    try {
      data = JSON.parse(opened);
    } catch {
      result.notUnderstood += 1;
      continue;
    }
    if (Array.isArray(data)) {
      for (const item of data) {
        const change = readChange(item);
        if (change === null) result.notUnderstood += 1;
        else line.changes.push(change);
      }
      for (const change of line.changes) result.changes.push(change);
      continue;
    }
    const end = (data as { end?: unknown } | null)?.end;
    if (typeof end === 'number') {
      const parent = (data as { parent?: unknown }).parent;
      result.parent = typeof parent === 'string' ? parent : null;
      // Every line is sealed at its line number, so a line missing before the end line shows as damage.
      result.complete =
        result.damaged === 0 && (header.format > SEGMENT_FORMAT || end === result.changes.length);
      break;
    }
    result.notUnderstood += 1;
  }
  return result;
}

export interface WrittenSegment {
  /** The file's name in the device's folder. */
  name: string;
  seq: number;
  /** sha256 hex of the file's bytes: what this device wrote, to recognise it again (clone check). */
  digest: string;
  /** Its sealed lines' digests: a copy cut short is still recognised as ours by them. */
  lines: string[];
}

export function segmentDigest(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Writes a segment into `deviceDir` durably: a temporary dot-name (which readers skip), fsync, rename,
 * fsync of the folder. `beforePublish` runs after the fsync and before the rename, so a caller can record
 * the digest first and never mistake its own file for a clone's after a crash. Throws fs errors.
 */
export function writeSegmentFile(
  deviceDir: string,
  contents: string,
  seq: number,
  beforePublish: (segment: WrittenSegment) => void = () => {},
): WrittenSegment {
  const name = segmentName(seq);
  const bytes = Buffer.from(contents, 'utf8');
  const temporary = join(deviceDir, `.${name}.tmp-${randomBytes(4).toString('hex')}`);
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const written = { name, seq, digest: segmentDigest(bytes), lines: sealedLineDigests(contents) };
  beforePublish(written);
  renameSync(temporary, join(deviceDir, name));
  syncDirectory(deviceDir);
  return written;
}
