import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../main/sync/hlc';
import type { Change } from '../../../main/sync/sync-changes';
import { createSyncFolder, sealText } from '../../../main/sync/sync-key';
import type { FolderKey } from '../../../main/sync/sync-key';
import {
  decodeSegment,
  encodeSegment,
  segmentName,
  segmentSeq,
  writeSegmentFile,
} from '../../../main/sync/sync-segment';

const DEVICE = '0123456789abcdef';
let folder: string;
let key: FolderKey;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'margin-sync-segment-'));
  key = await createSyncFolder(folder, 'segment passphrase', { N: 2 ** 10, r: 8, p: 1 });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function sampleChanges(count: number): Change[] {
  const clock = createClock(DEVICE, { now: () => 1_800_000_000_000 });
  return Array.from({ length: count }, (_, index) => ({
    type: 'annotation',
    annotationId: `urn:uuid:00000000-0000-4000-8000-00000000000${index}`,
    docId: 'gwadar-port',
    field: 'note',
    value: { text: `Note number ${index}`, replaces: [] },
    hlc: clock.tick(),
  }));
}

function checkedLine(payload: string): string {
  return `${crc32(Buffer.from(payload)).toString(16).padStart(8, '0')} ${payload}\n`;
}

describe('sync-segment', () => {
  it('seals changes in batches and reads a segment of many batches back in order', () => {
    const changes = sampleChanges(300);
    const text = encodeSegment(key, DEVICE, 9, changes);
    expect(text.split('\n')).toHaveLength(1 + 3 + 1 + 1); // header, 128 + 128 + 44, end, ''
    expect(decodeSegment(key, text, DEVICE, 9)).toMatchObject({ changes, complete: true, damaged: 0 });
  });

  it('writes a segment durably under its sequence number and reads every change back', () => {
    const changes = sampleChanges(3);
    const recorded: string[] = [];
    const written = writeSegmentFile(folder, encodeSegment(key, DEVICE, 7, changes), 7, (segment) =>
      recorded.push(segment.digest),
    );
    expect(written.name).toBe('0000000007.mseg');
    expect(recorded).toEqual([written.digest]);
    expect(readdirSync(folder).filter((name) => name.includes('tmp'))).toEqual([]);
    const read = decodeSegment(key, readFileSync(join(folder, written.name), 'utf8'), DEVICE, 7);
    expect(read).toMatchObject({
      format: 1,
      changes,
      complete: true,
      notUnderstood: 0,
      damaged: 0,
      problem: null,
    });
    // Each sealed line is known by the digest the writer recorded, so a copy of it is recognised as ours.
    expect(read.lines.map((line) => line.digest)).toEqual(written.lines);
  });

  it('reads only whole lines of a half-copied segment, at every length it can be cut to', () => {
    const changes = sampleChanges(4);
    const text = encodeSegment(key, DEVICE, 1, changes, 2);
    let previous = 0;
    for (let cut = 0; cut <= text.length; cut += 1) {
      const read = decodeSegment(key, text.slice(0, cut), DEVICE, 1);
      expect(read.problem === null || cut < text.indexOf('\n') + 1).toBe(true);
      expect(read.damaged).toBe(0);
      expect(read.changes).toEqual(changes.slice(0, read.changes.length));
      expect(read.changes.length).toBeGreaterThanOrEqual(previous);
      expect(read.complete).toBe(cut === text.length);
      previous = read.changes.length;
    }
  });

  it('skips a damaged line, reads the others, and does not call the segment whole', () => {
    const text = encodeSegment(key, DEVICE, 2, sampleChanges(3), 1);
    const lines = text.split('\n');
    lines[2] = lines[2].slice(0, 20) + (lines[2][20] === 'A' ? 'B' : 'A') + lines[2].slice(21);
    const read = decodeSegment(key, lines.join('\n'), DEVICE, 2);
    expect(read.changes.map((c) => (c.type === 'annotation' ? c.annotationId.slice(-1) : ''))).toEqual([
      '0',
      '2',
    ]);
    expect(read.damaged).toBe(1);
    expect(read.complete).toBe(false);
  });

  it('refuses a segment that is not Margin’s or not where its header says it belongs', () => {
    const text = encodeSegment(key, DEVICE, 3, sampleChanges(1));
    expect(decodeSegment(key, 'hello world\n', DEVICE, 3).problem).toBe('it is not a Margin sync segment');
    expect(decodeSegment(key, text, 'fedcba9876543210', 3).problem).toContain('belongs to device');
    expect(decodeSegment(key, text, DEVICE, 4).problem).toContain('segment 3');
    expect(decodeSegment(key, '', DEVICE, 3)).toMatchObject({ changes: [], complete: false, problem: null });
  });

  it('reads what it understands of a segment from a newer Margin and counts the rest', () => {
    const [known] = sampleChanges(1);
    const place = (line: number): string => `margin-sync/2/${DEVICE}/5/${line}`;
    const text =
      checkedLine(JSON.stringify({ margin: 'sync-segment', format: 2, device: DEVICE, seq: 5 })) +
      checkedLine(sealText(key, place(1), JSON.stringify([known, { type: 'bookmark', hlc: known.hlc }]))) +
      checkedLine(sealText(key, place(2), JSON.stringify({ index: 'a kind of line from the future' }))) +
      checkedLine(sealText(key, place(3), JSON.stringify({ end: 2 })));
    const read = decodeSegment(key, text, DEVICE, 5);
    expect(read).toMatchObject({ format: 2, changes: [known], notUnderstood: 2, complete: true });
  });

  it('names segments by sequence number and recognises sync tools’ copies of them', () => {
    expect(segmentName(42)).toBe('0000000042.mseg');
    expect(segmentSeq('0000000042.mseg')).toBe(42);
    expect(segmentSeq('0000000042 (conflicted copy 2026-12-01).mseg')).toBe(42);
    expect(segmentSeq('0000000042.sync-conflict-20261201-101500-ABCDEFG.mseg')).toBe(42);
    expect(segmentSeq('0000000042-DESK.mseg')).toBe(42);
    expect(segmentSeq('.0000000042.mseg.tmp-1a2b3c4d')).toBeNull();
    expect(segmentSeq('notes.txt')).toBeNull();
    expect(segmentSeq('42.mseg')).toBeNull();
  });
});
