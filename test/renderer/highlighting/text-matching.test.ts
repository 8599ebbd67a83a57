import { describe, expect, it } from 'vitest';
import { findOccurrences, findWholeWords, foldText } from '../../../renderer/highlighting/text-matching';

describe('text-matching', () => {
  it('folds case and typographic punctuation without moving any character', () => {
    const text = 'Pakistan’s “all-weather” friendship — İstanbul';
    const folded = foldText(text);
    expect(folded).toHaveLength(text.length);
    expect(folded).toBe('pakistan\'s "all-weather" friendship - İstanbul');
  });

  it('finds every occurrence whatever the case, as offsets into the original text', () => {
    const text = 'Pakistan and PAKISTAN and pakistani';
    const found = findOccurrences(text, 'pakistan');
    expect(found).toEqual([
      [0, 8],
      [13, 21],
      [26, 34],
    ]);
    expect(found.map(([start, end]) => text.slice(start, end))).toEqual(['Pakistan', 'PAKISTAN', 'pakistan']);
  });

  it("matches a straight apostrophe against a curly one (China's / China’s)", () => {
    expect(findOccurrences("China’s role and China's top concern", "china's")).toHaveLength(2);
  });

  it('finds nothing for an empty or blank query', () => {
    expect(findOccurrences('anything', '')).toEqual([]);
    expect(findOccurrences('anything', '   ')).toEqual([]);
  });

  it('keeps only whole words when asked, so "Pakistan" does not mark "Pakistani"', () => {
    const text = 'Pakistani leaders and Pakistan, China-Pakistan';
    const whole = findWholeWords(text, 'Pakistan');
    expect(whole.map(([start, end]) => `${start}:${text.slice(start, end)}`)).toEqual([
      '22:Pakistan',
      '38:Pakistan',
    ]);
  });
});
