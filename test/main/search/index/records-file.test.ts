import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  loadRecordsFile,
  RECORD_CACHE_SIZE,
  serialiseRecords,
} from '../../../../main/search/index/records-file';
import type { DocumentRecord } from '../../../../main/search/index/search-files';

const HEADER_BYTES = 16;

function recordsOf(count: number): DocumentRecord[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `article-${n}`,
    title: `Gwadar’s port, part ${n} — “quoted” \u00e9t\u00e9 \ud83d\udcda`,
    authors: n % 3 === 0 ? [] : ['Ayesha Khan', `Li Wei ${n}`],
    published: n % 2 === 0 ? '2024-01-02' : null,
    sections: [
      [`article-${n}-s1`, null],
      [`article-${n}-s2`, `Section ${n}`],
    ],
    // Records written before the opening passage was kept have none: both kinds read back.
    ...(n % 4 === 3
      ? {}
      : { opening: { blockId: `p-${n}`, section: n % 5 === 0 ? -1 : 1, snippet: `“Opening” ${n}…` } }),
  }));
}

describe('records-file', () => {
  let dir: string;
  let file: string;
  const records = recordsOf(50);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'margin-records-file-'));
    file = join(dir, 'records.bin');
    await writeFile(file, serialiseRecords(records));
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back every record as written, accents, quotes and emoji included', () => {
    const table = loadRecordsFile(file);
    expect(table.count).toBe(50);
    expect(Array.from({ length: 50 }, (_, ref) => table.get(ref))).toEqual(records);
    expect(table.get(50)).toBeNull();
    expect(table.get(-1)).toBeNull();
  });

  it('reads only the header and the offset table when it opens', () => {
    const table = loadRecordsFile(file);
    expect(table.reads).toBe(2);
    expect(table.bytesRead).toBe(HEADER_BYTES + (50 + 1) * 4);
  });

  it('reads a record once with one positioned read, then keeps it parsed', () => {
    const table = loadRecordsFile(file);
    const opened = table.reads;
    table.get(7);
    table.get(7);
    table.get(9);
    expect(table.reads - opened).toBe(2);
  });

  it('keeps at most RECORD_CACHE_SIZE records parsed, letting the least recently used go', async () => {
    const many = recordsOf(RECORD_CACHE_SIZE + 10);
    await writeFile(file, serialiseRecords(many));
    const table = loadRecordsFile(file);
    for (let ref = 0; ref < many.length; ref++) table.get(ref);
    const before = table.reads;
    table.get(many.length - 1);
    expect(table.reads).toBe(before);
    table.get(0);
    expect(table.reads).toBe(before + 1);
  });

  it('refuses a file cut short, naming it', async () => {
    const { size } = await stat(file);
    await truncate(file, size - 10);
    expect(() => loadRecordsFile(file)).toThrow(
      /records\.bin: the records file is cut short or damaged; rebuild the content/,
    );
    await truncate(file, 20);
    expect(() => loadRecordsFile(file)).toThrow(/records\.bin: the records file is cut short or damaged/);
  });

  it('refuses a file that is not a records file, naming it', async () => {
    await writeFile(file, '{"format":3,"documents":[]}');
    expect(() => loadRecordsFile(file)).toThrow(
      /records\.bin: not a Margin records file; rebuild the content/,
    );
    await writeFile(file, '');
    expect(() => loadRecordsFile(file)).toThrow(/records\.bin: not a Margin records file/);
  });

  it('refuses an offset table that runs backwards, naming the file', async () => {
    const bytes = await readFile(file);
    // Record 19 would start after record 20 does.
    bytes.writeUInt32LE(bytes.readUInt32LE(HEADER_BYTES + 20 * 4) + 1, HEADER_BYTES + 19 * 4);
    await writeFile(file, bytes);
    expect(() => loadRecordsFile(file)).toThrow(/records\.bin: the records file is cut short or damaged/);
  });

  it('says in one line which document of which file is damaged, once, and still reads the others', async () => {
    const bytes = await readFile(file);
    // Record 12's bytes overwritten in place (its length unchanged): the file still opens.
    const start = bytes.readUInt32LE(HEADER_BYTES + 12 * 4);
    const end = bytes.readUInt32LE(HEADER_BYTES + 13 * 4);
    bytes.fill(0x7b, start, end);
    await writeFile(file, bytes);
    const damaged = loadRecordsFile(file);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(damaged.get(12)).toBeNull();
    expect(damaged.get(12)).toBeNull();
    expect(damaged.get(13)).toEqual(records[13]);
    expect(errors).toHaveBeenCalledTimes(1);
    const line = String(errors.mock.calls[0][0]);
    expect(line).toMatch(
      /records\.bin: the record of document 12 \(from 0\) is damaged .*leave that document out/,
    );
    expect(line).not.toContain('\n');
  });

  it('refuses a record that is valid JSON of the wrong shape', async () => {
    const odd = serialiseRecords([
      { ...records[0], authors: [3] as unknown as string[] },
      // An opening passage in a section the record does not have, or with no snippet.
      { ...records[1], opening: { blockId: 'p-1', section: 2, snippet: 'x' } },
      { ...records[1], opening: { blockId: 'p-1', section: -2, snippet: 'x' } },
      { ...records[1], opening: { blockId: 'p-1', section: 0 } as unknown as DocumentRecord['opening'] },
      records[1],
    ]);
    await writeFile(file, odd);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const table = loadRecordsFile(file);
    expect([0, 1, 2, 3].map((ref) => table.get(ref))).toEqual([null, null, null, null]);
    expect(table.get(4)).toEqual(records[1]);
  });
});
