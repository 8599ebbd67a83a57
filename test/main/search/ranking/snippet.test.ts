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
