import { describe, expect, it } from 'vitest';
import { findAsciiPhrase } from '../../../../main/search/index/ascii-phrase-match';
import { containsPhrase, findPhrase } from '../../../../main/search/index/text-analysis';
import { seededRandom } from '../synthetic-corpus';

/** The pattern `findPhrase` compiles for a phrase, as the reference for the ASCII matcher. */
function byPattern(text: string, words: readonly string[]): Array<[number, number]> {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.join("(?:['’]s)?[^\\p{L}\\p{N}]+")}(?:['’]s)?(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return [...text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length]);
}

describe('ascii-phrase-match', () => {
  it('finds exactly what the phrase pattern finds, on thousands of tricky ASCII texts', () => {
    const random = seededRandom(11);
    const pieces = [
      'ab',
      'AB',
      'Ab',
      'cd',
      's',
      'S',
      'x1',
      '9',
      "'",
      "'s",
      "'S",
      ' ',
      '  ',
      '-',
      '_',
      '.',
      ',',
      '"',
      '(',
      ')',
    ];
    const phrases = [
      ['ab'],
      ['ab', 'cd'],
      ['ab', 's'],
      ['s', 'cd'],
      ['ab', 'ab'],
      ['x1', 'ab', 'cd'],
      ['9', 's'],
    ];
    let matched = 0;
    for (let i = 0; i < 4000; i++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 14) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      for (const words of phrases) {
        const expected = byPattern(text, words);
        expect(findAsciiPhrase(text, words), `${JSON.stringify(text)} ${words.join(' ')}`).toEqual(expected);
        expect(findPhrase(text, words)).toEqual(expected);
        expect(containsPhrase(text, words)).toBe(expected.length > 0);
        if (expected.length > 0) matched++;
      }
    }
    // The comparison means something only if many texts hold the phrase.
    expect(matched).toBeGreaterThan(2000);
  });

  it('leaves text beyond ASCII to the pattern, which knows Unicode letters, curly apostrophes and case', () => {
    expect(findPhrase('Zardari’s planned visit', ['zardari', 'planned'])).toEqual([[0, 17]]);
    expect(findPhrase('ab·cd and éab cd', ['ab', 'cd'])).toEqual([[0, 5]]);
    expect(containsPhrase('ÜBER alles', ['über', 'alles'])).toBe(true);
    expect(containsPhrase('the \u212Aey point', ['key', 'point'])).toBe(true);
  });
});
