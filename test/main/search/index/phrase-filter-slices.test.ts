import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, SearchResults } from '../../../../main/api';
import {
  buildPhraseFilter,
  DocumentPhraseFilters,
  mayContainPhrase,
  PHRASE_FILTER_BITS,
  PHRASE_FILTER_BYTES,
  phraseBits,
} from '../../../../main/search/index/phrase-filter';
import { ShardPhraseFilter } from '../../../../main/search/index/phrase-filter-slices';
import {
  CORPUS_STATS_FILE,
  documentPassages,
  PHRASE_FILTER_FILE,
  SEARCH_DIR,
} from '../../../../main/search/index/search-files';
import { phraseWords } from '../../../../main/search/index/word-forms';
import { runSearchOver, type SearchStage } from '../../../../main/search/service/search-engine';
import { loadSearchStages } from '../../../../main/search/service/search-loading';
import { writeTestBundle } from '../fixture-bundle';
import { syntheticCorpus } from '../synthetic-corpus';

// 61 documents in shards of 13: four full ones and one of 9, so that a slice ends mid-byte.
const DOCUMENTS = 61;
const SHARD_DOCUMENTS = 13;

let dir: string;
let bundleDir: string;
let documents: Document[];
let vocabulary: string[];
const filterFile = () => join(bundleDir, SEARCH_DIR, PHRASE_FILTER_FILE);

/** The texts the content build filters, in its order: title, authors, headings, passages. */
const filteredTexts = (doc: Document): string[] => [
  doc.title,
  ...doc.authors.map((author) => author.name),
  ...doc.sections.flatMap((section) => (section.heading === null ? [] : [section.heading])),
  ...documentPassages(doc).map((passage) => passage.text),
];

const refsOf = (stage: SearchStage): number[] =>
  Array.from({ length: stage.compact.refCount }, (_, ref) => ref);

/** The stages as they were: the same shards, each with one 2 KB filter a document held in memory. */
function perDocumentStages(stages: readonly SearchStage[]): SearchStage[] {
  let first = 0;
  return stages.map((stage) => {
    const count = stage.compact.refCount;
    const filters = new Uint8Array(count * PHRASE_FILTER_BYTES);
    refsOf(stage).forEach((ref) =>
      filters.set(buildPhraseFilter(filteredTexts(documents[first + ref])), ref * PHRASE_FILTER_BYTES),
    );
    first += count;
    return { ...stage, phraseFilter: new DocumentPhraseFilters(filters) };
  });
}

const withoutTiming = (results: SearchResults) =>
  results.status === 'ok' ? { ...results, tookMs: 0 } : results;

/** Phrases from the documents' own text (found once or often) and of common words (mostly not found). */
function phraseQueries(): string[] {
  const paragraphWords = (doc: Document) => phraseWords(documentPassages(doc)[1]?.text ?? doc.title);
  const queries: string[] = [];
  for (const n of [0, 5, 14, 27, 40, 60]) {
    const words = paragraphWords(documents[n]);
    queries.push(`"${words.slice(3, 5).join(' ')}"`, `"${words.slice(6, 9).join(' ')}"`);
  }
  const common = vocabulary.slice(0, 12);
  for (let i = 0; i + 1 < common.length; i += 2) queries.push(`"${common[i]} ${common[i + 1]}"`);
  const title = phraseWords(documents[20].title);
  queries.push(
    `"${title.slice(0, 2).join(' ')}"`,
    `title:"${title.slice(0, 2).join(' ')}"`,
    `"${common[0]}"`,
    `${common[1]} -"${common[0]} ${common[1]}"`,
    `+"${paragraphWords(documents[14]).slice(3, 5).join(' ')}" +"${common[2]} ${common[3]}"`,
    `"${paragraphWords(documents[40]).slice(6, 9).join(' ')}" ${common[4]}`,
    '"zzzqqq security"',
  );
  return queries;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'margin-phrase-slices-'));
  bundleDir = join(dir, 'bundle');
  ({ documents, vocabulary } = syntheticCorpus(DOCUMENTS, 31, 40));
  await writeTestBundle(documents, bundleDir, { shardDocuments: SHARD_DOCUMENTS });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('phrase-filter-slices', () => {
  it('rules out exactly the documents the per-document filters rule out, for any bits', () => {
    const stages = loadSearchStages(bundleDir, 'body');
    const reference = perDocumentStages(stages);
    const words = vocabulary.slice(0, 40);
    const bitSets = [
      [],
      ...words.map((word, i) => phraseBits([word, words[(i * 7 + 1) % words.length]])),
      ...documents
        .slice(0, 8)
        .map((doc) => phraseBits(phraseWords(documentPassages(doc)[0].text).slice(0, 4))),
      [0, 1, 2, PHRASE_FILTER_BITS - 1],
    ];
    let ruledOut = 0;
    let kept = 0;
    stages.forEach((stage, n) => {
      for (const bits of bitSets) {
        const sliced = stage.phraseFilter.mayHold(bits);
        const perDocument = reference[n].phraseFilter.mayHold(bits);
        refsOf(stage).forEach((ref) => {
          expect(sliced(ref), `shard ${n} ref ${ref} bits ${bits.join()}`).toBe(perDocument(ref));
          if (sliced(ref)) kept++;
          else ruledOut++;
        });
      }
    });
    // Both answers occur: the comparison is not of two filters that always say the same thing.
    expect(ruledOut).toBeGreaterThan(100);
    expect(kept).toBeGreaterThan(100);
    stages[0].passages.close();
  });

  it('answers phrase queries over several shards with the same documents, scores and order as before', () => {
    const stages = loadSearchStages(bundleDir, 'body');
    expect(stages).toHaveLength(5);
    const reference = perDocumentStages(stages);
    let answered = 0;
    for (const query of phraseQueries()) {
      for (const options of [{}, { limit: 3 }, { limit: 100 }]) {
        const expected = withoutTiming(runSearchOver(reference, query, options));
        expect(withoutTiming(runSearchOver(stages, query, options)), query).toEqual(expected);
        if (expected.status === 'ok' && expected.groups.length > 0) answered++;
      }
    }
    expect(answered).toBeGreaterThan(30);
    stages[0].passages.close();
  });

  it('holds no filter bytes after load: reads a phrase’s slices when a query first needs them, then keeps them', () => {
    const stages = loadSearchStages(bundleDir, 'body');
    const filter = stages[0].phraseFilter;
    expect(filter).toBeInstanceOf(ShardPhraseFilter);
    const file = (filter as ShardPhraseFilter).file;
    expect(file.slicesRead).toBe(0);
    expect(runSearchOver(stages, vocabulary[0]).status).toBe('ok');
    expect(file.slicesRead).toBe(0);

    const words = phraseWords(documentPassages(documents[27])[1].text).slice(3, 5);
    const found = runSearchOver(stages, `"${words.join(' ')}"`, { limit: 100 });
    expect(found.status === 'ok' && found.groups.map((group) => group.docId)).toContain(documents[27].id);
    // One pair: at most its six slices in each of the five shards.
    const read = file.slicesRead;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(6 * stages.length);
    runSearchOver(stages, `"${words.join(' ')}"`, { limit: 100 });
    expect(file.slicesRead).toBe(read);
    stages[0].passages.close();
  });

  it('refuses a cut-short, a foreign or another bundle’s filter file in one line naming it', () => {
    const original = readFileSync(filterFile());
    const refusal = (bytes: Uint8Array): string => {
      writeFileSync(filterFile(), bytes);
      try {
        loadSearchStages(bundleDir, 'body');
      } catch (error) {
        return (error as Error).message;
      } finally {
        writeFileSync(filterFile(), original);
      }
      return 'loaded';
    };
    const named = (pattern: string) => new RegExp(`^\\S*phrase-filter\\.bin: ${pattern}$`);
    expect(refusal(original.subarray(0, original.length - 1))).toMatch(
      named('phrase filter file is truncated'),
    );
    expect(refusal(original.subarray(0, 30))).toMatch(named('phrase filter file is truncated'));
    expect(refusal(original.subarray(0, 5))).toMatch(
      named('not a Margin phrase filter file \\(bad signature\\)'),
    );
    expect(refusal(new Uint8Array(DOCUMENTS * PHRASE_FILTER_BYTES))).toMatch(
      named('not a Margin phrase filter file \\(bad signature\\)'),
    );
    expect(refusal(Buffer.concat([original, Buffer.from([0])]))).toMatch(
      named('phrase filter file is damaged \\(longer than its shards\\)'),
    );
    const otherShards = Buffer.from(original);
    otherShards.writeUInt32LE(12, 8 + 12 + 4);
    expect(refusal(otherShards)).toMatch(
      named('its shards are not those of corpus-stats\\.json; rebuild the content'),
    );
    const otherFormat = Buffer.from(original);
    otherFormat.writeUInt32LE(9, 8);
    expect(refusal(otherFormat)).toMatch(named('unsupported phrase filter format 9; rebuild the content'));
    truncateSync(filterFile(), 0);
    expect(() => loadSearchStages(bundleDir, 'body')).toThrow(/phrase-filter\.bin: /);
    writeFileSync(filterFile(), original);
    expect(loadSearchStages(bundleDir, 'body')).toHaveLength(5);
  });

  it('refuses a bundle of the previous format (one filter a document) and says to rebuild the content', () => {
    const search = (file: string) => join(bundleDir, SEARCH_DIR, file);
    const saved = [CORPUS_STATS_FILE, PHRASE_FILTER_FILE].map(
      (file) => [file, readFileSync(search(file))] as const,
    );
    try {
      for (const file of [CORPUS_STATS_FILE]) {
        const parsed = JSON.parse(readFileSync(search(file), 'utf8')) as object;
        writeFileSync(search(file), JSON.stringify({ ...parsed, format: 3 }));
      }
      const filters = new Uint8Array(DOCUMENTS * PHRASE_FILTER_BYTES);
      documents.forEach((doc, ref) =>
        filters.set(buildPhraseFilter(filteredTexts(doc)), ref * PHRASE_FILTER_BYTES),
      );
      writeFileSync(search(PHRASE_FILTER_FILE), filters);
      expect(mayContainPhrase(filters, 0, phraseBits(['no', 'such']))).toBe(false);
      expect(() => loadSearchStages(bundleDir, 'body')).toThrow(
        /corpus-stats\.json: .*rebuild the content/,
      );
    } finally {
      for (const [file, bytes] of saved) writeFileSync(search(file), bytes);
    }
  });
});
