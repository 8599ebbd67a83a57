import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { analyseText, containsPhrase, findPhrase, indexTermsOf } from '../../../../main/search/index/text-analysis';

const PARAGRAPH =
  'The Balochistan Liberation Army, a separatist group seeking independence for the underdeveloped Balochistan province, which hosts the strategic Gwadar Port, is behind many of these attacks. Pakistan’s Foreign Office called the remarks “perplexing” — and (again) self-defeating.';

describe('text-analysis', () => {
  it('produces exactly the terms Lunr indexes for a text', () => {
    const index = lunr(function () {
      this.ref('id');
      this.field('body');
      this.add({ id: '0', body: PARAGRAPH });
    });
    // Lunr also indexes "" for a token of punctuation only ("—"); no query can ask for it.
    const lunrTerms = Object.keys((index as unknown as { invertedIndex: object }).invertedIndex)
      .filter((term) => term !== '')
      .sort();
    expect([...indexTermsOf(PARAGRAPH)].sort()).toEqual(lunrTerms);
  });

  it('keeps where each word sits, without the punctuation around it', () => {
    const tokens = analyseText(PARAGRAPH);
    const words = tokens.map((token) => PARAGRAPH.slice(token.start, token.end));
    expect(words).toContain('Gwadar');
    expect(words).toContain('Pakistan’s');
    expect(words).toContain('perplexing');
    expect(words).toContain('again');
    expect(words).not.toContain('—');
    const attacks = tokens.find((token) => PARAGRAPH.slice(token.start, token.end) === 'attacks');
    expect(attacks?.term).toBe('attack');
    expect(tokens.find((token) => PARAGRAPH.slice(token.start, token.end) === 'The')?.term).toBeNull();
  });

  it('splits on hyphens as Lunr does', () => {
    expect(analyseText('self-defeating').map((token) => token.term)).toEqual(['self', 'defeat']);
  });

  it('skips stemming the words a caller does not need', () => {
    const tokens = analyseText('attacks and defences', (word) => word.startsWith('att'));
    expect(tokens.map((token) => token.term)).toEqual(['attack', null, null]);
  });

  it('finds a phrase whatever the case, quotes, hyphens or punctuation between its words', () => {
    const text = 'the durability of their "all-weather" friendship. All weather, friendship!';
    expect(
      findPhrase(text, ['all', 'weather', 'friendship']).map(([from, to]) => text.slice(from, to)),
    ).toEqual(['all-weather" friendship', 'All weather, friendship']);
    expect(containsPhrase(text, ['weather', 'friendship'])).toBe(true);
    expect(containsPhrase(text, ['friendship', 'all'])).toBe(true);
    expect(containsPhrase(text, ['durability', 'their'])).toBe(false);
    expect(containsPhrase('allweather friendship', ['all', 'weather'])).toBe(false);
  });
});
