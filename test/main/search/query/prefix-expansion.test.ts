import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { stemsOfWordsStartingWith, wordStartTokenSet } from '../../../../main/search/query/prefix-expansion';
import { indexTermOf } from '../../../../main/search/index/text-analysis';

// Lunr's static TokenSet.fromArray, which @types/lunr declares as an instance method.
const fromArray = (lunr.TokenSet as unknown as { fromArray(words: string[]): lunr.TokenSet }).fromArray;

/** The index terms a prefix expands to in an index of these words (stemmed as the index does). */
function expansion(prefix: string, words: string[]): string[] {
  const terms = [...new Set(words.map((word) => indexTermOf(word) ?? ''))].filter((t) => t !== '').sort();
  return fromArray(terms).intersect(wordStartTokenSet(prefix)).toArray().sort();
}

const WORDS = ['security', 'secure', 'sectarian', 'engineers', 'engine', 'policy', 'police', 'nationality'];

describe('prefix-expansion', () => {
  it('adds the stems that words starting with the prefix were cut down to', () => {
    expect(stemsOfWordsStartingWith('securit')).toEqual(['secur']);
    expect(stemsOfWordsStartingWith('policy')).toEqual(['polici']);
    expect(stemsOfWordsStartingWith('nationalit')).toContain('nation');
  });

  it('adds no stem for letters that no common word continues', () => {
    expect(stemsOfWordsStartingWith('secx')).toEqual([]);
    expect(stemsOfWordsStartingWith('securx')).toEqual([]);
  });

  it('expands a prefix to every indexed word it starts, and to nothing else it can tell apart', () => {
    expect(expansion('securit', WORDS)).toEqual(['secur']);
    expect(expansion('sec', WORDS)).toEqual(['sectarian', 'secur']);
    expect(expansion('enginee', WORDS)).toEqual(['engin']);
    expect(expansion('policy', WORDS)).toEqual(['polici']);
    expect(expansion('polic', WORDS)).toEqual(['polic', 'polici']);
    expect(expansion('nationalit', WORDS)).toEqual(['nation']);
    expect(expansion('secx', WORDS)).toEqual([]);
    expect(expansion('securx', WORDS)).toEqual([]);
  });
});
