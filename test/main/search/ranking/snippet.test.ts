import { describe, expect, it } from 'vitest';
import { makeSnippet, SNIPPET_WORDS } from '../../../../main/search/ranking/snippet';
import { analyseText } from '../../../../main/search/index/text-analysis';

function snippetOf(text: string, marks: string[]) {
  const tokens = analyseText(text);
  return makeSnippet(
    text,
    tokens,
    tokens.map((token) => marks.includes(text.slice(token.start, token.end))),
  );
}

describe('snippet', () => {
  const words = Array.from({ length: 120 }, (_, i) => `word${i}`);

  it('cuts a long passage to a window around the marked words, with ellipses where it was cut', () => {
    const parts = snippetOf(`${words.join(' ')}.`, ['word60', 'word64']);
    const text = parts.map((part) => part.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.split(/\s+/).length).toBeLessThanOrEqual(SNIPPET_WORDS + 1);
    expect(parts.filter((part) => part.mark)).toEqual([
      { text: 'word60', mark: true },
      { text: 'word64', mark: true },
    ]);
    // some words of context before the first mark
    expect(text).toContain('word54 word55');
  });

  it('keeps a short passage whole, punctuation and all', () => {
    const text = 'Security remains China’s top concern, said the ambassador.';
    const parts = snippetOf(text, ['Security']);
    expect(parts.map((part) => part.text).join('')).toBe(text);
    expect(parts[0]).toEqual({ text: 'Security', mark: true });
  });

  it('starts at the beginning when nothing is marked', () => {
    const parts = snippetOf(`${words.join(' ')}.`, []);
    expect(parts).toHaveLength(1);
    expect(parts[0].text.startsWith('word0 word1')).toBe(true);
    expect(parts[0].mark).toBe(false);
  });
});

describe('snippet choice', () => {
  const filler = (n: number, word = 'filler') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
  const analysed = (text: string, terms: string[]) => {
    const tokens = analyseText(text);
    return { tokens, marked: tokens.map((token) => token.term !== null && terms.includes(token.term)) };
  };
  const shown = (parts: { text: string }[]) => parts.map((part) => part.text).join('');
  const marks = (parts: { text: string; mark: boolean }[]) => parts.filter((p) => p.mark).map((p) => p.text);

  it('shows the place where every query word meets, not the place where one word repeats', () => {
    const text = `Reform is urgent, reform is overdue, reform is contested. ${filler(40)}. The tribal council wants reform now. ${filler(40)}.`;
    const { tokens, marked } = analysed(text, ['council', 'reform']);
    const parts = makeSnippet(text, tokens, marked);
    expect(marks(parts)).toContain('council');
    expect(shown(parts)).toContain('The tribal council wants reform now.');
  });

  it('starts at the beginning of the sentence when one begins near the match', () => {
    const text = `${filler(30)}. In June the government approved the operation Azm-e-Istehkam, delayed since. ${filler(30)}.`;
    const { tokens, marked } = analysed(text, ['azm']);
    const parts = makeSnippet(text, tokens, marked);
    expect(shown(parts).startsWith('…In June the government')).toBe(true);
  });

  it('never cuts a hyphenated name or a word at the end of the window', () => {
    // A window ending inside the compound is stretched to its end.
    const names = `${filler(33)} operation Azm-e-Istehkam began. ${filler(10)}`;
    const named = analysed(names, ['filler0']);
    const body = shown(makeSnippet(names, named.tokens, named.marked));
    expect(body).toContain('Azm-e-Istehkam');
    expect(body.endsWith('…')).toBe(true);
  });

  it('marks every matched word inside the window, possessives as written', () => {
    const text = 'Pakistan canceled President Asif Ali Zardari’s planned visit; Zardari later spoke.';
    const { tokens, marked } = analysed(text, ['zardari']);
    expect(marks(makeSnippet(text, tokens, marked))).toEqual(['Zardari’s', 'Zardari']);
  });
});
