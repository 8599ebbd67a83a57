import { describe, expect, it } from 'vitest';
import type { FieldRecord } from '../../bench/bundle-documents';
import {
  buildFlexSearch,
  loadFlexSearch,
  queryFlexSearch,
  rankFlexSearchPlain,
  serialiseFlexSearch,
} from '../../bench/engines/flexsearch-baseline';
import { makeQualityQueries, RankingJudge } from '../../bench/ranking-quality';

function record(ref: number, body: string, title = `Article ${ref}`): FieldRecord {
  return { ref, id: `doc-${ref}`, title, author: 'Ann Lee', section: 'Overview', body };
}

const records = [
  record(0, 'The council debated maritime security at length. Nothing else happened.'),
  record(1, 'Security was tight. Later the councils met in the capital.'),
  record(2, 'Trade talks stalled over tariffs.'),
];

describe('ranking quality', () => {
  it('counts a document holding every word in any inflected form, and whether one sentence holds them all', () => {
    const judge = new RankingJudge(records);
    const figures = judge.judge([{ words: ['security', 'council'] }], [[0, 1, 2]], 2);
    expect(figures).toEqual({ queries: 1, documents: 3, allWords: 2 / 3, oneSentence: 1 / 3 });
  });

  it('says the best share a perfect ranking could reach when few documents hold every word', () => {
    const judge = new RankingJudge(records);
    expect(judge.attainable([{ words: ['security', 'council'] }], 2)).toBe(1);
    expect(judge.attainable([{ words: ['trade', 'security'] }], 2)).toBe(0);
    expect(judge.attainable([{ words: ['trade', 'security'] }, { words: ['security', 'council'] }], 2)).toBe(
      2 / 5,
    );
  });

  it('judges only the queries of the length asked for', () => {
    const judge = new RankingJudge(records);
    const queries = [{ words: ['security', 'council'] }, { words: ['trade', 'talks', 'tariffs'] }];
    expect(judge.judge(queries, [[0], [2]], 3)).toEqual({
      queries: 1,
      documents: 1,
      allWords: 1,
      oneSentence: 1,
    });
  });

  it('draws the same two- and three-word queries from one sentence each for the same seed', () => {
    const long = [
      record(
        0,
        'Maritime security cooperation deepened across the region this year. Officials praised pragmatic diplomacy.',
      ),
    ];
    const first = makeQualityQueries(long, 3, 'seed');
    expect(first).toEqual(makeQualityQueries(long, 3, 'seed'));
    expect(first.map((query) => query.words.length)).toEqual([2, 2, 2, 3, 3, 3]);
    const sentences = long[0]!.body.toLowerCase().split('. ');
    for (const query of first)
      expect(sentences.some((sentence) => query.words.every((word) => sentence.includes(word)))).toBe(true);
  });
});

describe('FlexSearch peer', () => {
  it('answers the same after its index is exported and imported back', () => {
    const index = buildFlexSearch(records);
    const loaded = loadFlexSearch(serialiseFlexSearch(index));
    expect(rankFlexSearchPlain(loaded, 'security', 10).sort()).toEqual([0, 1]);
    expect(rankFlexSearchPlain(loaded, 'tariffs', 10)).toEqual(rankFlexSearchPlain(index, 'tariffs', 10));
  });

  it('refuses the query kinds it has no equivalent for, rather than answering something else', () => {
    const index = buildFlexSearch(records);
    expect(queryFlexSearch(index, { kind: 'prefix', words: ['secu'] })).toBe(-1);
    expect(queryFlexSearch(index, { kind: 'fuzzy', words: ['securty'] })).toBe(-1);
    expect(queryFlexSearch(index, { kind: 'field', words: ['article'] })).toBe(3);
  });
});
