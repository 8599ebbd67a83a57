import { describe, expect, it } from 'vitest';
import { buildLunrIndex } from '../../../../main/search/index/index-build';
import {
  analyseText,
  containsPhrase,
  findPhrase,
  indexTermsOf,
  WordStarts,
} from '../../../../main/search/index/text-analysis';

const PARAGRAPH =
  'The Balochistan Liberation Army, a separatist group seeking independence for the underdeveloped Balochistan province, which hosts the strategic Gwadar Port, is behind many of these attacks. Pakistan’s Foreign Office called the remarks “perplexing” — and (again) self-defeating.';

describe('text-analysis', () => {
  it('produces exactly the terms the search index holds for a text', () => {
    const index = buildLunrIndex([{ body: PARAGRAPH }], ['body']);
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
    expect(tokens.find((token) => PARAGRAPH.slice(token.start, token.end) === 'Pakistan’s')?.term).toBe(
      'pakistan',
    );
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

  it('stems the same words whether told their starts or asked word by word, in any script and case', () => {
    const text =
      'Security SECURES the İstanbul ΣΟΦΟΣ straße, Straße and Übermensch; securities—secular (ünder) sec';
    for (const prefixes of [['secur'], ['sec', 'str'], ['i̇st', 'σοφ'], ['über', 'und', 'ü'], ['x'], ['']]) {
      const asked = analyseText(text, (word) => prefixes.some((prefix) => word.startsWith(prefix)));
      expect(analyseText(text, new WordStarts(prefixes)), prefixes.join()).toEqual(asked);
    }
    expect(analyseText('Securities secular', new WordStarts(['secur'])).map((t) => t.term)).toEqual([
      'secur',
      null,
    ]);
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

  it('reads a possessive as its word, with a straight or a curly apostrophe', () => {
    for (const text of ["Asif Ali Zardari's planned visit", 'Asif Ali Zardari’s planned visit']) {
      expect(indexTermsOf(text)).toContain('zardari');
      expect(findPhrase(text, ['zardari', 'planned'])).toHaveLength(1);
    }
    // A word that merely ends in s after an apostrophe-free stem is left alone.
    expect(indexTermsOf('Islamabad’s ties and its allies')).toEqual(
      indexTermsOf('Islamabad ties and its allies'),
    );
  });

  it('splits words joined by en and em dashes as it splits hyphens', () => {
    const tokens = analyseText('the Karachi–Beijing corridor—and Gwadar');
    expect(tokens.map((token) => token.term)).toEqual([null, 'karachi', 'beij', 'corridor', null, 'gwadar']);
  });
});
