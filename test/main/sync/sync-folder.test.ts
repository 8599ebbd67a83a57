import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClock } from '../../../main/sync/hlc';
import type { Change } from '../../../main/sync/sync-changes';
import { emptyCursor, readSyncFolder, writeOwnSegment } from '../../../main/sync/sync-folder';
import type { FolderReadResult, OwnSegment, SyncCursor } from '../../../main/sync/sync-folder';
import { createSyncFolder, sealText } from '../../../main/sync/sync-key';
import { encodeSegment, writeSegmentFile } from '../../../main/sync/sync-segment';
import type { FolderKey } from '../../../main/sync/sync-key';
import { emptySyncState, mergeChanges } from '../../../main/sync/sync-merge';

const DESK = 'dddddddddddddddd';
const LAPTOP = 'aaaaaaaaaaaaaaaa';
let root: string;
let folder: string;
let key: FolderKey;
const written: OwnSegment[] = [];

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'margin-sync-folder-'));
  folder = join(root, 'Dropbox');
  mkdirSync(folder);
  key = await createSyncFolder(folder, 'folder passphrase', { N: 2 ** 10, r: 8, p: 1 });
  written.splice(0);
});

afterEach(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});

let noteCount = 0;
function notes(device: string, ...texts: string[]): Change[] {
  const clock = createClock(device, { now: () => 1_800_000_000_000 + noteCount });
  return texts.map((text) => ({
    type: 'annotation',
    annotationId: `urn:uuid:${(noteCount++).toString().padStart(8, '0')}-0000-4000-8000-000000000000`,
    docId: 'gwadar-port',
    field: 'note',
    value: { text, replaces: [] },
    hlc: clock.tick(),
  }));
}

function write(device: string, changes: Change[], into = folder): string {
  const result = writeOwnSegment(into, key, device, changes, (segment) => {
    written.push({ seq: segment.seq, digest: segment.digest, lines: segment.lines, firstHlc: null });
  });
  if (!result.ok) throw new Error(result.message);
  return join(into, 'margin', 'devices', device, result.name);
}

/** A segment with one change per line, so that a test can cut or damage a line between two changes. */
function writeLinePerChange(into: string, device: string, changes: Change[]): string {
  const dir = join(into, 'margin', 'devices', device);
  mkdirSync(dir, { recursive: true });
  const segment = writeSegmentFile(dir, encodeSegment(key, device, 1, changes, 1), 1);
  return join(dir, segment.name);
}

/** Another machine's copy of the folder, as the sync tool keeps it there. */
function otherCopy(name: string): string {
  const copy = join(root, name);
  mkdirSync(join(copy, 'margin'), { recursive: true });
  copyFileSync(join(folder, 'margin', 'folder.json'), join(copy, 'margin', 'folder.json'));
  return copy;
}

function read(cursor: SyncCursor = emptyCursor(), device = LAPTOP): Extract<FolderReadResult, { ok: true }> {
  const result = readSyncFolder(folder, key, { device, cursor, ownSegments: written });
  if (!result.ok) throw new Error(result.message);
  return result;
}

function checkedLine(payload: string): string {
  return `${crc32(Buffer.from(payload)).toString(16).padStart(8, '0')} ${payload}\n`;
}

function texts(changes: Change[]): string[] {
  return changes.map((c) => (c.type === 'annotation' ? (c.value as { text: string }).text : '')).sort();
}

describe('sync-folder', () => {
  it('reads the other devices’ new segments once, and skips its own', () => {
    write(DESK, notes(DESK, 'one', 'two'));
    write(LAPTOP, notes(LAPTOP, 'mine'));
    const first = read();
    expect(texts(first.changes)).toEqual(['one', 'two']);
    expect(first.problems).toEqual([]);
    expect(first.clone).toBeNull();
    expect(Object.keys(first.devices).sort()).toEqual([LAPTOP, DESK].sort());
    write(DESK, notes(DESK, 'three'));
    expect(texts(read(first.cursor).changes)).toEqual(['three']);
  });

  it('reads what is whole of a half-copied or empty segment, and the rest when it arrives', () => {
    const source = writeLinePerChange(otherCopy('desk'), DESK, notes(DESK, 'first line', 'second line'));
    mkdirSync(join(folder, 'margin', 'devices', DESK), { recursive: true });
    const target = join(folder, 'margin', 'devices', DESK, '0000000001.mseg');
    writeFileSync(target, '');
    const empty = read();
    expect(empty.changes).toEqual([]);
    const bytes = readFileSync(source);
    const firstChangeEnd = bytes.indexOf('\n', bytes.indexOf('\n') + 1);
    writeFileSync(target, bytes.subarray(0, firstChangeEnd + 5));
    const half = read(empty.cursor);
    expect(texts(half.changes)).toEqual(['first line']);
    expect(half.problems).toEqual([]);
    copyFileSync(source, target);
    const whole = read(half.cursor);
    expect(texts(whole.changes)).toEqual(['first line', 'second line']);
    expect(read(whole.cursor).changes).toEqual([]);
  });

  it('merges a segment that arrives before the one it follows, and duplicates and conflict copies once', () => {
    const elsewhere = otherCopy('desk');
    const first = write(DESK, notes(DESK, 'earlier'), elsewhere);
    const second = write(DESK, notes(DESK, 'later'), elsewhere);
    const dir = join(folder, 'margin', 'devices', DESK);
    mkdirSync(dir, { recursive: true });
    copyFileSync(second, join(dir, '0000000002.mseg'));
    const early = read();
    expect(texts(early.changes)).toEqual(['later']);
    copyFileSync(first, join(dir, '0000000001.mseg'));
    copyFileSync(first, join(dir, '0000000001 (conflicted copy 2026-12-01).mseg'));
    copyFileSync(second, join(dir, '0000000002.sync-conflict-20261201-101500-ABCDEFG.mseg'));
    const rest = read(early.cursor);
    expect(rest.problems).toEqual([]);
    const once = mergeChanges(emptySyncState(), [...early.changes, ...rest.changes]).state;
    const all = read();
    expect(mergeChanges(emptySyncState(), all.changes).state).toEqual(once);
    expect(Object.keys(once.annotations)).toHaveLength(2);
  });

  it('ignores garbage and foreign files, and reports each once', () => {
    write(DESK, notes(DESK, 'kept'));
    const devices = join(folder, 'margin', 'devices');
    writeFileSync(join(devices, 'notes.txt'), 'not ours');
    writeFileSync(join(devices, DESK, 'photo.jpg'), 'jpeg');
    writeFileSync(join(devices, DESK, '0000000009.mseg'), 'random bytes\nmore\n');
    writeFileSync(join(devices, DESK, '.syncthing.0000000003.mseg.tmp'), 'partial');
    const first = read();
    expect(texts(first.changes)).toEqual(['kept']);
    expect(first.problems).toEqual([
      `Ignored devices/${DESK}/0000000009.mseg in the sync folder: it is not a Margin sync segment.`,
      `Ignored devices/${DESK}/photo.jpg in the sync folder: not Margin's.`,
      "Ignored devices/notes.txt in the sync folder: not Margin's.",
    ]);
    expect(read(first.cursor).problems).toEqual([]);
  });

  it('returns an error value for a missing or unplugged folder and writes nothing there', () => {
    const gone = join(root, 'USB stick');
    const result = readSyncFolder(gone, key, { device: LAPTOP, cursor: emptyCursor(), ownSegments: [] });
    expect(result).toEqual({
      ok: false,
      message: `The sync folder ${gone} cannot be used: it is not there (unplugged or moved?). Your notes on this device are untouched; sync resumes when the folder is back.`,
    });
    expect(writeOwnSegment(gone, key, LAPTOP, notes(LAPTOP, 'x')).ok).toBe(false);
    expect(existsSync(gone)).toBe(false);
    rmSync(join(folder, 'margin'), { recursive: true });
    expect(writeOwnSegment(folder, key, LAPTOP, notes(LAPTOP, 'x')).ok).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('returns an error value when the folder cannot be written', () => {
    writeFileSync(join(folder, 'margin', 'devices'), 'a file where the devices folder belongs');
    const result = writeOwnSegment(folder, key, LAPTOP, notes(LAPTOP, 'x'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(
      `The sync folder ${folder} cannot be used: part of it is a file where a folder belongs. Your notes on this device are untouched; sync resumes when the folder is back.`,
    );
  });

  it.skipIf(process.getuid?.() === 0)('returns an error value for a read-only folder', () => {
    chmodSync(join(folder, 'margin'), 0o555);
    const result = writeOwnSegment(folder, key, LAPTOP, notes(LAPTOP, 'x'));
    chmodSync(join(folder, 'margin'), 0o755);
    expect(!result.ok && result.message).toContain('Margin may not write there (read-only or no permission)');
    expect(existsSync(join(folder, 'margin', 'devices'))).toBe(false);
  });

  it('notices a second machine writing under this device’s id (a cloned disk), and takes in its notes', () => {
    write(LAPTOP, notes(LAPTOP, 'from this machine'));
    expect(read(emptyCursor(), LAPTOP).clone).toBeNull();
    const clone = writeOwnSegment(folder, key, LAPTOP, notes(LAPTOP, 'from the clone'));
    expect(clone.ok).toBe(true);
    const seen = read(emptyCursor(), LAPTOP);
    expect(seen.clone).toEqual({ segments: [{ parent: null, earliest: expect.any(String) }] });
    // What the other machine wrote is the reader's too: it is merged like any other device's.
    expect(texts(seen.changes)).toEqual(['from the clone']);
  });

  it('notices a clone whose file replaced this machine’s own under the same name', () => {
    const mine = write(LAPTOP, notes(LAPTOP, 'from this machine'));
    const first = read(emptyCursor(), LAPTOP);
    const cloneFolder = otherCopy('clone');
    const clone = writeOwnSegment(cloneFolder, key, LAPTOP, notes(LAPTOP, 'from the clone'));
    expect(clone.ok && clone.name).toBe('0000000001.mseg');
    copyFileSync(join(cloneFolder, 'margin', 'devices', LAPTOP, '0000000001.mseg'), mine);
    expect(read(first.cursor, LAPTOP).clone?.segments).toEqual([
      { parent: null, earliest: expect.any(String) },
    ]);
  });

  it('never takes the sync tool’s copies of its own files, whole or cut short, for a clone', () => {
    const many = Array.from({ length: 300 }, (_, n) => `line ${n}`);
    const mine = write(LAPTOP, notes(LAPTOP, ...many));
    const bytes = readFileSync(mine);
    const dir = join(folder, 'margin', 'devices', LAPTOP);
    writeFileSync(join(dir, '0000000001 (conflicted copy 2026-12-01).mseg'), bytes);
    for (const fraction of [0, 0.1, 0.5, 0.9])
      writeFileSync(
        join(dir, `0000000001.sync-conflict-2026120${Math.round(fraction * 10)}.mseg`),
        bytes.subarray(0, Math.floor(bytes.length * fraction)),
      );
    const seen = read(emptyCursor(), LAPTOP);
    expect(seen.clone).toBeNull();
    expect(seen.changes).toEqual([]);
  });

  it('never writes into this device’s folder after a newer Margin has written it', () => {
    const path = write(LAPTOP, notes(LAPTOP, 'old'));
    const text = readFileSync(path, 'utf8').replace('"format":1', '"format":2');
    writeFileSync(path, text);
    const result = writeOwnSegment(folder, key, LAPTOP, notes(LAPTOP, 'new'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('A newer Margin has written');
    expect(readdirSync(join(folder, 'margin', 'devices', LAPTOP))).toEqual(['0000000001.mseg']);
  });

  it('reads what it understands of a newer Margin’s segment, says so once, and reads it again later', () => {
    const [known] = notes(DESK, 'understood');
    const place = (line: number): string => `margin-sync/2/${DESK}/1/${line}`;
    const dir = join(folder, 'margin', 'devices', DESK);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, '0000000001.mseg'),
      checkedLine(JSON.stringify({ margin: 'sync-segment', format: 2, device: DESK, seq: 1 })) +
        checkedLine(sealText(key, place(1), JSON.stringify([known, { type: 'bookmark', hlc: known.hlc }]))) +
        checkedLine(sealText(key, place(2), JSON.stringify({ index: 'a kind of line from the future' }))) +
        checkedLine(sealText(key, place(3), JSON.stringify({ end: 2 }))),
    );
    const first = read();
    expect(texts(first.changes)).toEqual(['understood']);
    expect(first.problems).toEqual([
      `Some changes from device ${DESK} were written by a newer Margin: update Margin to read them all.`,
    ]);
    const again = read(first.cursor);
    expect(texts(again.changes)).toEqual(['understood']);
    expect(again.problems).toEqual([]);
  });

  it('reports damaged lines once and still reads the whole ones', () => {
    const path = writeLinePerChange(folder, DESK, notes(DESK, 'whole', 'damaged'));
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[2] = `00000000${lines[2].slice(8)}`;
    writeFileSync(path, lines.join('\n'));
    const first = read();
    expect(texts(first.changes)).toEqual(['whole']);
    expect(first.problems).toEqual([`1 damaged line(s) in devices/${DESK}/0000000001.mseg were skipped.`]);
    expect(read(first.cursor).problems).toEqual([]);
  });
});
