import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Document, SearchResults } from '../../../../main/api';
import {
  recordOfDocument,
  recordTableOf,
  type RecordTable,
} from '../../../../main/search/index/record-table';
import { serialiseRecords } from '../../../../main/search/index/records-file';
import { RECORDS_FILE, SEARCH_DIR } from '../../../../main/search/index/search-files';
import { runSearchOver, type SearchStage } from '../../../../main/search/service/search-engine';
import { loadDocumentRecords, loadSearchStages } from '../../../../main/search/service/search-loading';
import { writeTestBundle } from '../fixture-bundle';
import { syntheticCorpus } from '../synthetic-corpus';

const DOCUMENTS = 120;
/** 5 body shards: each reads its records through a view of the one table. */
const SHARD_DOCUMENTS = 25;

const withoutTiming = (results: SearchResults) =>
  results.status === 'ok' ? { ...results, tookMs: 0 } : results;
const ids = (results: SearchResults) => (results.status === 'ok' ? results.groups.map((g) => g.docId) : []);

/** The table, counting the refs asked of it (by position in the bundle). */
function countingTable(table: RecordTable): { table: RecordTable; asked: Set<number> } {
  const asked = new Set<number>();
  return {
    asked,
    table: {
      count: table.count,
      get: (ref) => {
        asked.add(ref);
        return table.get(ref);
      },
    },
  };
}

describe('search over records read on demand', () => {
  let dir: string;
  let bundleDir: string;
  let documents: Document[];
  let vocabulary: string[];
  const opened: SearchStage[][] = [];
  const stagesOver = (table: RecordTable, stage: 'meta' | 'body' = 'body') => {
    const stages = loadSearchStages(bundleDir, stage, table);
    opened.push(stages);
    return stages;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'margin-records-on-demand-'));
    bundleDir = join(dir, 'bundle');
    ({ documents, vocabulary } = syntheticCorpus(DOCUMENTS, 31, 30));
    await writeTestBundle(documents, bundleDir, { shardDocuments: SHARD_DOCUMENTS });
  });

  afterAll(async () => {
    for (const stages of opened) stages[0]?.passages.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every kind of query exactly as with every record held in memory', () => {
    const fromDisk = stagesOver(loadDocumentRecords(bundleDir));
    expect(fromDisk).toHaveLength(Math.ceil(DOCUMENTS / SHARD_DOCUMENTS));
    const inMemory = stagesOver(recordTableOf(documents.map((doc) => recordOfDocument(doc))));
    const doc = documents[17];
    const heading = doc.sections.find((section) => section.heading !== null)?.heading ?? '';
    const words = vocabulary.filter((word) => word.length >= 5);
    const queries = [
      'security',
      `${words[3]} ${words[40]}`,
      `+security +${words[5]}`,
      `${words[7].slice(0, 4)}*`,
      `${words[9].slice(0, -1)}~1`,
      `title:${doc.title.split(' ')[1]}`,
      `author:${doc.authors[0].name.split(' ')[0]}`,
      `section:${heading.split(' ')[0].toLowerCase()}`,
      '"security attacks"',
      `title:"${doc.title.split(' ').slice(0, 2).join(' ')}"`,
      `security -"security attacks"`,
      `${words[3]} -${words[5]}`,
    ];
    let shown = 0;
    for (const options of [{}, { limit: 3 }, { limit: 100, passagesPerDocument: 5 }]) {
      for (const query of queries) {
        const expected = withoutTiming(runSearchOver(inMemory, query, options));
        expect(withoutTiming(runSearchOver(fromDisk, query, options)), query).toEqual(expected);
        shown += ids(expected).length;
      }
    }
    expect(shown).toBeGreaterThan(200);
  });

  it('reads no record at load, and then only the records of the documents a search shows', () => {
    const records = loadDocumentRecords(bundleDir) as RecordTable & { reads: number; bytesRead: number };
    const stages = stagesOver(records);
    expect(records.reads).toBe(2);
    expect(records.bytesRead).toBe(16 + (DOCUMENTS + 1) * 4);
    const results = runSearchOver(stages, 'security', { limit: 7 });
    expect(results.status === 'ok' && results.total).toBeGreaterThan(50);
    expect(ids(results)).toHaveLength(7);
    expect(records.reads).toBe(2 + 7);
    // A reader typing on mostly sees the same documents again: they are not read again.
    runSearchOver(stages, 'security', { limit: 7 });
    expect(records.reads).toBe(2 + 7);
  });

  it('the meta stage, too, reads only the records it shows', () => {
    const records = loadDocumentRecords(bundleDir) as RecordTable & { reads: number };
    const stages = stagesOver(records, 'meta');
    const results = runSearchOver(stages, `author:${documents[3].authors[0].name.split(' ')[0]}`, {
      limit: 4,
    });
    expect(ids(results).length).toBeGreaterThan(0);
    expect(records.reads).toBe(2 + ids(results).length);
  });

  it('reads the records of phrase candidates only where their word pairs may hold the phrase', () => {
    const { table, asked } = countingTable(loadDocumentRecords(bundleDir));
    const stages = stagesOver(table);
    // No document holds this phrase: its word-pair filters rule every match of "security" out unread.
    const absent = runSearchOver(stages, 'security -"security zzzqqq"', { limit: 5 });
    expect(ids(absent)).toHaveLength(5);
    expect([...asked].sort()).toEqual(
      ids(absent)
        .map((id) => documents.findIndex((doc) => doc.id === id))
        .sort(),
    );
    asked.clear();
    const present = runSearchOver(stages, '"security attacks"', { limit: 5 });
    expect(ids(present).length).toBeGreaterThan(0);
    const text = (doc: Document) => JSON.stringify(doc).toLowerCase();
    for (const ref of asked) expect(text(documents[ref]), documents[ref].id).toMatch(/security.*attacks/s);
  });

  it('shows title and author hits their opening passages without reading a text, and reads them where a bundle predates that', async () => {
    const queries = [
      `title:${documents[5].title.split(' ')[1]}`,
      `author:${documents[3].authors[0].name.split(' ')[0]}`,
      `title:${documents[9].title.split(' ')[2]} author:${documents[9].authors[0].name.split(' ')[0]}`,
    ];
    const answer = (query: string) =>
      withoutTiming(runSearchOver(stagesOver(loadDocumentRecords(bundleDir)), query, { limit: 20 }));
    const expected = queries.map(answer);
    for (const results of expected) expect(ids(results).length).toBeGreaterThan(0);
    // The documents' files moved away: the same answers, so not one text was read for them.
    const docs = join(bundleDir, 'docs');
    await rename(docs, join(dir, 'docs-away'));
    try {
      for (const [i, query] of queries.entries()) expect(answer(query), query).toEqual(expected[i]);
      // A word of the text still needs its document: without the file, its hit has no passage.
      const bodyHit = runSearchOver(stagesOver(loadDocumentRecords(bundleDir)), 'security', { limit: 1 });
      expect(bodyHit.status === 'ok' && bodyHit.groups[0].passages).toEqual([]);
    } finally {
      await rename(join(dir, 'docs-away'), docs);
    }
    // Records of five fields, as bundles before the opening passage was kept hold them: the same answers.
    const file = join(bundleDir, SEARCH_DIR, RECORDS_FILE);
    const current = await readFile(file);
    await writeFile(
      file,
      serialiseRecords(
        documents.map((doc) => {
          const { opening, ...older } = recordOfDocument(doc);
          expect(opening).toBeDefined();
          return older;
        }),
      ),
    );
    try {
      for (const [i, query] of queries.entries()) expect(answer(query), query).toEqual(expected[i]);
    } finally {
      await writeFile(file, current);
    }
  });

  it('leaves out a document whose record is damaged, says so in one line, and still answers', async () => {
    const first = ids(runSearchOver(stagesOver(loadDocumentRecords(bundleDir)), 'security', { limit: 5 }));
    const damagedRef = documents.findIndex((doc) => doc.id === first[0]);
    const file = join(bundleDir, SEARCH_DIR, RECORDS_FILE);
    const bytes = await readFile(file);
    const start = bytes.readUInt32LE(16 + damagedRef * 4);
    bytes.fill(0x20, start, bytes.readUInt32LE(16 + (damagedRef + 1) * 4));
    await writeFile(file, bytes);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const results = runSearchOver(stagesOver(loadDocumentRecords(bundleDir)), 'security', { limit: 5 });
      expect(results.status).toBe('ok');
      expect(ids(results)).toEqual(first.slice(1));
      expect(errors).toHaveBeenCalledTimes(1);
      expect(String(errors.mock.calls[0][0])).toMatch(
        new RegExp(`records\\.bin: the record of document ${damagedRef} \\(from 0\\) is damaged`),
      );
    } finally {
      errors.mockRestore();
    }
  });
});
