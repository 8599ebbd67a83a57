import { describe, expect, it } from 'vitest';
import { loadCompactIndex } from '../../../../main/search/index/compact-index';
import { serialiseCompactIndex } from '../../../../main/search/index/compact-index-writer';
import { queryCompact } from '../../../../main/search/query/compact-query';
import { guardExpansions, MAX_EXPANDED_TERMS } from '../../../../main/search/query/expansion-guard';
import { buildLunrIndex } from '../../../../main/search/index/index-build';
import { addClauses, parseQuery } from '../../../../main/search/query/query-language';

/** 100 documents; document i holds the words zqword0..zqword{i}: zqword0 is the most frequent. */
function prefixCorpus() {
  return Array.from({ length: 100 }, (_, i) => ({
    body: Array.from({ length: i + 1 }, (_, j) => `zqword${j}x`).join(' '),
  }));
}

function expandedTerms(guarded: boolean, text: string): Set<string> {
  const compact = loadCompactIndex(serialiseCompactIndex(buildLunrIndex(prefixCorpus(), ['body'])));
  if (guarded) guardExpansions(compact);
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const result = queryCompact(compact, (query) => addClauses(query, parsed.query, compact.fields));
  const terms = new Set<string>();
  for (const { ref } of result.ranked()) for (const { term } of result.matchedTerms(ref)) terms.add(term);
  return terms;
}

describe('expansion-guard', () => {
  it('caps a broad prefix to its most frequent terms', () => {
    expect(expandedTerms(false, 'zqw*').size).toBe(100);
    const guarded = expandedTerms(true, 'zqw*');
    expect(guarded.size).toBe(MAX_EXPANDED_TERMS);
    // zqword0x .. zqword63x are the most frequent: every one of them is kept
    for (let j = 0; j < MAX_EXPANDED_TERMS; j++) expect(guarded.has(`zqword${j}x`)).toBe(true);
  });

  it('leaves a narrow prefix and exact words alone', () => {
    expect(expandedTerms(true, 'zqword9*')).toEqual(expandedTerms(false, 'zqword9*'));
    expect(expandedTerms(true, 'zqword99x')).toEqual(new Set(['zqword99x']));
  });
});
