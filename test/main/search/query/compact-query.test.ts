import lunr from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCompactIndex, type CompactIndex } from '../../../../main/search/index/compact-index';
import { serialiseCompactIndex } from '../../../../main/search/index/compact-index-writer';
import { queryCompact } from '../../../../main/search/query/compact-query';
import { documentFieldTexts } from '../../../../main/search/index/body-scoring';
import { buildLunrIndex } from '../../../../main/search/index/index-build';
import { guardExpansions } from '../../../../main/search/query/expansion-guard';
import { addClauses, parseQuery } from '../../../../main/search/query/query-language';
import { BODY_FIELDS, documentPassages } from '../../../../main/search/index/search-files';
import { seededRandom, syntheticCorpus } from '../synthetic-corpus';

/** Results as "ref:score" to 9 places, ordered by that score then ref (ulp-level ties may swap). */
function normalised(results: ReadonlyArray<{ ref: string | number; score: number }>): string[] {
  return results
    .map((r) => ({ ref: Number(r.ref), score: r.score.toFixed(9) }))
    .sort((a, b) => Number(b.score) - Number(a.score) || a.ref - b.ref)
    .map((r) => `${r.ref}:${r.score}`);
}

/** Margin's query language, as the search engine runs it. */
function marginSyntax(text: string): (query: lunr.Query) => void {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return (query) => addClauses(query, parsed.query, BODY_FIELDS);
}

/** Lunr's own query-string parser, so both engines receive exactly the same clauses. */
function lunrSyntax(text: string): (query: lunr.Query) => void {
  const Parser = (
    lunr as unknown as { QueryParser: new (text: string, query: lunr.Query) => { parse(): void } }
  ).QueryParser;
  return (query) => new Parser(text, query).parse();
}

describe('compact-query', () => {
  let stock: lunr.Index;
  let compact: CompactIndex;
  let builtIndex: lunr.Index;
  let vocabulary: string[];

  beforeAll(() => {
    const corpus = syntheticCorpus(300, 23);
    vocabulary = corpus.vocabulary;
    const built = buildLunrIndex(
      corpus.documents.map((doc) => documentFieldTexts(doc, documentPassages(doc))),
      BODY_FIELDS,
    );
    builtIndex = built;
    stock = lunr.Index.load(JSON.parse(JSON.stringify(built)) as object);
    compact = loadCompactIndex(serialiseCompactIndex(built));
  });

  // Lunr sums a multi-term dot product in term-number order; the compact index numbers terms
  // alphabetically, so against stock Lunr scores agree to ~1e-15, and exactly against Lunr's own engine
  // running on the compact index.
  it('returns exactly what the Lunr engine returns on the compact index, and what stock Lunr returns', () => {
    const random = seededRandom(5);
    const pick = () => vocabulary[Math.floor(random() * random() * vocabulary.length)];
    const queries = [
      'security',
      'attacked policy',
      '+security -trade',
      'title:friendship^3 trade',
      '-security trade',
      '+nosuchword security',
    ];
    for (let i = 0; i < 50; i++) {
      queries.push(
        pick(),
        `${pick()} ${pick()} ${pick()}`,
        `+${pick()} +${pick()}`,
        `+${pick()} -${pick()} ${pick()}`,
        `${pick().slice(0, 3)}*`,
        `${pick()}~1`,
        `${pick()}~2`,
        `title:${pick()} body:${pick()}`,
        `section:${pick()}^4 author:${pick().slice(0, 4)}*`,
      );
    }
    let compared = 0;
    for (const text of queries) {
      const expected = stock.query(lunrSyntax(text));
      const lunrOnCompact = compact.index.query(lunrSyntax(text));
      const actual = [...queryCompact(compact, lunrSyntax(text)).ranked()];
      expect(
        actual.map((m) => `${m.ref}:${m.score}`),
        text,
      ).toEqual(lunrOnCompact.map((r) => `${r.ref}:${r.score}`));
      expect(normalised(actual), text).toEqual(normalised(expected));
      for (const result of expected.slice(0, 5)) {
        const metadata = result.matchData.metadata as Record<string, Record<string, unknown>>;
        const terms = Object.keys(metadata).flatMap((term) =>
          Object.keys(metadata[term]).map((field) => `${term}/${field}`),
        );
        const mine = queryCompact(compact, lunrSyntax(text))
          .matchedTerms(Number(result.ref))
          .map(({ term, field }) => `${term}/${field}`);
        expect(mine.sort(), text).toEqual(terms.sort());
      }
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('gives each query the same answer whatever ran on the index before, and keeps earlier answers whole', () => {
    const texts = [
      'security',
      '+security -trade',
      'trade policy',
      'title:friendship^3 trade',
      'sec*',
      '-security trade',
    ];
    const fresh = (text: string) => {
      const alone = loadCompactIndex(serialiseCompactIndex(builtIndex));
      return [...queryCompact(alone, lunrSyntax(text)).ranked('coverage')];
    };
    const expected = texts.map(fresh);
    // Results taken only after every other query has run on the same (shared) index.
    const results = texts.map((text) => queryCompact(compact, lunrSyntax(text)));
    for (const text of [...texts].reverse()) queryCompact(compact, lunrSyntax(text));
    expect(results.map((result) => [...result.ranked('coverage')])).toEqual(expected);
    expect(expected[0].length).toBeGreaterThan(10);
    // A query that fails half way leaves nothing behind for the next one.
    expect(() =>
      queryCompact(compact, (query) => {
        lunrSyntax('security')(query);
        query.clauses[0].fields = [...BODY_FIELDS, 'no-such-field'];
      }),
    ).toThrow();
    expect([...queryCompact(compact, lunrSyntax('security')).ranked('coverage')]).toEqual(expected[0]);
  });

  it('runs the clauses of Margin query language the same way as Lunr', () => {
    for (const text of ['"security policy" trade', '+border -military', 'secur* title:talks', 'corridr~1']) {
      const parsed = parseQuery(text);
      if (!parsed.ok) throw new Error(parsed.message);
      const build = (query: lunr.Query) => addClauses(query, parsed.query, BODY_FIELDS);
      const expected = compact.index.query(build).map((r) => `${r.ref}:${r.score}`);
      expect(
        [...queryCompact(compact, build).ranked()].map((m) => `${m.ref}:${m.score}`),
        text,
      ).toEqual(expected);
      expect(normalised([...queryCompact(compact, build).ranked()]), text).toEqual(
        normalised(stock.query(build)),
      );
    }
  });

  it('expands prefix, fuzzy and wildcard terms without building the term automaton, guarded or not', () => {
    for (const guarded of [false, true]) {
      const lazy = loadCompactIndex(serialiseCompactIndex(builtIndex), { lazyTokenSet: true });
      if (guarded) guardExpansions(lazy);
      const expected = (text: string) =>
        [...queryCompact(compact, marginSyntax(text)).ranked()].map((m) => `${m.ref}:${m.score}`);
      for (const text of [
        'secur*',
        'corridr~1',
        'securty~2',
        'sta* +trade',
        'title:frien* -milit*',
        'talks',
      ]) {
        const answer = [...queryCompact(lazy, marginSyntax(text)).ranked()].map((m) => `${m.ref}:${m.score}`);
        if (!guarded) expect(answer, text).toEqual(expected(text));
        expect(answer.length, text).toBeGreaterThan(0);
      }
      for (const text of ['*ity', 'se*ty', 'sec*', 'corridr~1']) queryCompact(lazy, lunrSyntax(text));
      // buildTokenSet(0) adds nothing and says whether the automaton is whole: it was never built.
      expect(lazy.buildTokenSet(0), `guarded: ${guarded}`).toBe(false);
      // Only a query of prohibited terms alone (Lunr's syntax: Margin's refuses it), which stock Lunr
      // answers, still needs it.
      queryCompact(lazy, lunrSyntax('-secur*'));
      expect(lazy.buildTokenSet(0)).toBe(true);
    }
  });
});
