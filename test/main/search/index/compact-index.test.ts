import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lunr from 'lunr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCompactIndex } from '../../../../main/search/index/compact-index';
import { loadCompactIndexFile } from '../../../../main/search/index/compact-index-file';
import { serialiseCompactIndex } from '../../../../main/search/index/compact-index-writer';
import { documentFieldTexts } from '../../../../main/search/index/body-scoring';
import { buildLunrIndex } from '../../../../main/search/index/index-build';
import { BODY_FIELDS, documentPassages } from '../../../../main/search/index/search-files';
import { indexTermOf } from '../../../../main/search/index/text-analysis';
import { seededRandom, syntheticCorpus } from '../synthetic-corpus';

/** Top ten refs with scores, rounded past float noise, as both engines rank them. */
function topTen(index: lunr.Index, query: string): string[] {
  return index
    .search(query)
    .slice(0, 10)
    .map((result) => `${result.ref}:${result.score.toFixed(9)}`);
}

describe('compact-index', () => {
  let built: lunr.Index;
  let stock: lunr.Index;
  let compactBytes: Uint8Array;
  let vocabulary: string[];

  beforeAll(() => {
    const corpus = syntheticCorpus(300, 11);
    vocabulary = corpus.vocabulary;
    built = buildLunrIndex(
      corpus.documents.map((doc) => documentFieldTexts(doc, documentPassages(doc))),
      BODY_FIELDS,
    );
    stock = lunr.Index.load(JSON.parse(JSON.stringify(built)) as object);
    compactBytes = serialiseCompactIndex(built);
  });

  it('is much smaller than the stock JSON serialisation', () => {
    expect(compactBytes.length).toBeLessThan(JSON.stringify(built).length / 3);
  });

  it('ranks the same top ten with the same scores as stock Lunr for hundreds of queries', () => {
    const compact = loadCompactIndex(compactBytes).index;
    const random = seededRandom(99);
    const pick = () => vocabulary[Math.floor(random() * random() * vocabulary.length)];
    const queries: string[] = [
      'security',
      'attacked',
      'policy trade',
      '+security -trade',
      'title:friendship',
    ];
    for (let i = 0; i < 60; i++) {
      queries.push(
        pick(),
        `${pick()} ${pick()}`,
        `+${pick()} +${pick()}`,
        `+${pick()} -${pick()}`,
        `${pick().slice(0, 3)}*`,
        `${pick()}~1`,
        `title:${pick()}`,
        `section:${pick()}`,
        `author:${pick()}`,
      );
    }
    let nonEmpty = 0;
    for (const query of queries) {
      const expected = topTen(stock, query);
      if (expected.length > 0) nonEmpty++;
      expect(topTen(compact, query), query).toEqual(expected);
    }
    // The comparison means something only if most queries find documents.
    expect(nonEmpty).toBeGreaterThan(queries.length * 0.6);
  });

  it('answers the same with its term automaton left until needed, or built in slices', () => {
    const random = seededRandom(5);
    const pick = () => vocabulary[Math.floor(random() * vocabulary.length)];
    const queries = Array.from({ length: 40 }, () => [
      `${pick().slice(0, 3)}*`,
      `${pick()}~1`,
      pick(),
    ]).flat();
    const eager = loadCompactIndex(compactBytes).index;
    const lazy = loadCompactIndex(compactBytes, { lazyTokenSet: true });
    for (const query of queries) expect(topTen(lazy.index, query), query).toEqual(topTen(eager, query));
    const sliced = loadCompactIndex(compactBytes, { lazyTokenSet: true });
    let slices = 1;
    while (!sliced.buildTokenSet(500)) slices++;
    expect(slices).toBeGreaterThan(2);
    for (const query of queries) expect(topTen(sliced.index, query), query).toEqual(topTen(stock, query));
    // A prefix query arriving between slices finishes the automaton first.
    const halfway = loadCompactIndex(compactBytes, { lazyTokenSet: true });
    expect(halfway.buildTokenSet(500)).toBe(false);
    for (const query of queries) expect(topTen(halfway.index, query), query).toEqual(topTen(stock, query));
    expect(halfway.buildTokenSet(1)).toBe(true);
  });

  it('loads postings lazily and still answers a term asked again', () => {
    const compact = loadCompactIndex(compactBytes);
    const word = indexTermOf(vocabulary[20]) ?? '';
    expect(compact.postingCount(word)).toBeGreaterThan(0);
    expect(compact.postingCount('no-such-term')).toBe(0);
    expect(compact.postingCountAtMost('no-such-term')).toBe(0);
    // The bound read from the offsets alone is never below the count, and near it (two bytes a posting).
    for (const term of compact.terms) {
      const count = compact.postingCount(term);
      expect(compact.postingCountAtMost(term), term).toBeGreaterThanOrEqual(count);
      expect(compact.postingCountAtMost(term), term).toBeLessThanOrEqual(4 * count);
    }
    const first = topTen(compact.index, word);
    expect(topTen(compact.index, word)).toEqual(first);
    expect(first).toEqual(topTen(stock, word));
  });

  it("gives every term's postings per field as stock Lunr holds them, asked once or again, in any order", () => {
    const compact = loadCompactIndex(compactBytes);
    const raw = stock as unknown as {
      invertedIndex: Record<string, Record<string, object> & { _index: number }>;
      fieldVectors: Record<string, lunr.Vector>;
    };
    const terms = Object.keys(raw.invertedIndex).sort();
    const random = seededRandom(7);
    // Twice over, shuffled: the second pass reads decoded postings kept from the first, or decodes
    // again those let go; fields are read in a random order, each decoded only when read.
    for (const term of [...terms, ...terms].sort(() => random() - 0.5).slice(0, 300)) {
      const postings = compact.postingsOf(compact.termIndexOf(term));
      for (const field of [...BODY_FIELDS].sort(() => random() - 0.5)) {
        const { refs, weights } = postings[BODY_FIELDS.indexOf(field)];
        const expectedRefs = Object.keys(raw.invertedIndex[term][field]).map(Number);
        expect([...refs], `${term}/${field}`).toEqual(expectedRefs.sort((a, b) => a - b));
        const termNumber = raw.invertedIndex[term]._index;
        [...refs].forEach((ref, i) => {
          const elements = (raw.fieldVectors[`${field}/${ref}`] as unknown as { elements: number[] })
            .elements;
          const at = elements.findIndex((value, j) => j % 2 === 0 && value === termNumber);
          expect(weights[i], `${term}/${field}/${ref}`).toBe(Math.round(elements[at + 1] * 1000) / 1000);
        });
      }
    }
    expect(terms.length).toBeGreaterThan(1000);
  });

  it('refuses bytes that are not an index, or are cut short, with a clear message', () => {
    expect(() => loadCompactIndex(new TextEncoder().encode('{"version":"2.3.9"}'))).toThrow(
      /not a Margin search index/,
    );
    expect(() => loadCompactIndex(compactBytes.subarray(0, compactBytes.length >> 1))).toThrow(
      /truncated|damaged/,
    );
  });

  describe('left on disk (loadCompactIndexFile)', () => {
    let dir: string;
    const fileOf = (name: string, bytes: Uint8Array) => {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      return file;
    };
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'margin-compact-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('answers every kind of query exactly as the index loaded whole', () => {
      const onDisk = loadCompactIndexFile(fileOf('body.bin', compactBytes), { lazyTokenSet: true });
      const whole = loadCompactIndex(compactBytes);
      const random = seededRandom(23);
      const pick = () => vocabulary[Math.floor(random() * random() * vocabulary.length)];
      const queries = Array.from({ length: 40 }, () => [
        pick(),
        `+${pick()} +${pick()}`,
        `${pick().slice(0, 3)}*`,
        `${pick()}~1`,
        `title:${pick()}`,
        `-${pick()}`,
      ]).flat();
      for (const query of queries)
        expect(topTen(onDisk.index, query), query).toEqual(topTen(whole.index, query));
      for (const word of vocabulary.slice(0, 200)) {
        const term = indexTermOf(word) ?? '';
        expect(onDisk.postingCount(term), term).toBe(whole.postingCount(term));
        const at = whole.termIndexOf(term);
        if (at < 0) continue;
        expect(onDisk.termIndexOf(term)).toBe(at);
        const [a, b] = [onDisk.postingsOf(at), whole.postingsOf(at)];
        for (let f = 0; f < BODY_FIELDS.length; f++) {
          expect([...a[f].refs]).toEqual([...b[f].refs]);
          expect([...a[f].weights]).toEqual([...b[f].weights]);
        }
      }
    });

    it('refuses a file that is not an index, or is cut short, naming the problem', () => {
      expect(() => loadCompactIndexFile(fileOf('json.bin', new TextEncoder().encode('{"a":1}')))).toThrow(
        /not a Margin search index/,
      );
      expect(() =>
        loadCompactIndexFile(fileOf('cut.bin', compactBytes.subarray(0, compactBytes.length - 100))),
      ).toThrow(/truncated/);
      expect(() => loadCompactIndexFile(fileOf('short.bin', compactBytes.subarray(0, 20)))).toThrow(
        /truncated|damaged/,
      );
      expect(() => loadCompactIndexFile(join(dir, 'missing.bin'))).toThrow(/ENOENT/);
    });
  });

  it('refuses to serialise an index whose refs are not 0..n-1', () => {
    const odd = lunr(function () {
      this.ref('id');
      this.field('body');
      this.add({ id: 'a', body: 'hello world' });
    });
    expect(() => serialiseCompactIndex(odd)).toThrow(/refs must be 0\.\./);
  });
});
