import { describe, expect, it } from 'vitest';
import { CONTENT_DIR, generatedTokens } from '../../bench/corpus-figures';
import { htmlText, readRealProse, textFigures, tokenise } from '../../bench/text-statistics';
import { sharedFolder } from '../shared-folder';

/** How close the generated corpus must come to the real prose (RESULTS.md states the same). */
const BETA_TOLERANCE = 0.05;
const ZIPF_TOLERANCE = 0.08;

describe('text statistics', () => {
  it('counts a capitalised word inside a sentence as a name and a digit token as a number', () => {
    const tokens = tokenise('The visit of Li Qiang in 2024 cost 1,200 dollars. Then talks resumed.');
    expect(tokens.filter((token) => token.name).map((token) => token.word)).toEqual(['li', 'qiang']);
    expect(tokens.filter((token) => token.number).map((token) => token.word)).toEqual(['2024', '1,200']);
    expect(tokens.map((token) => token.word)).toContain('then');
  });

  it('fits Heaps and Zipf exactly on text built to follow them', () => {
    // Word i occurs about 1000/i times, spread through the text: Zipf with s = 1.
    const words: string[] = [];
    for (let round = 0; round < 1000; round++)
      for (let rank = 1; rank <= 400; rank++)
        if (round % rank === 0)
          words.push(
            `w${String.fromCharCode(97 + (rank % 26))}x${rank}`.replace(
              /\d/g,
              (d) => 'abcdefghij'[Number(d)]!,
            ),
          );
    const figures = textFigures(tokenise(words.join(' ')));
    expect(figures.zipfS).toBeGreaterThan(0.9);
    expect(figures.zipfS).toBeLessThan(1.1);
    expect(figures.vocabulary).toBe(400);
  });

  it('refuses to fit a text too short to say anything, in one line', () => {
    expect(() => textFigures(tokenise('Too short.'))).toThrow(
      /too little text to fit \(2 words; 100 at least\)/,
    );
  });

  it('reads the text of a web page without its tags, scripts or entities', () => {
    expect(htmlText('<p>Tom&amp;Jerry</p><script>var x = 1;</script><p>met&nbsp;again</p>').trim()).toMatch(
      /^Tom&Jerry\s+met again$/,
    );
  });
});

const corpora = sharedFolder('corpora/html', 'the real web pages');
corpora.describe('generated corpus against real prose', () => {
  it('grows its vocabulary and spreads its word frequencies as real prose does', () => {
    const real = readRealProse(CONTENT_DIR, corpora.path).flatMap(tokenise);
    const realFigures = textFigures(real);
    const generated = textFigures(generatedTokens('margin-bench-1', real.length));
    expect(Math.abs(generated.heapsBeta - realFigures.heapsBeta)).toBeLessThanOrEqual(BETA_TOLERANCE);
    expect(Math.abs(generated.zipfS - realFigures.zipfS)).toBeLessThanOrEqual(ZIPF_TOLERANCE);
    expect(generated.nameShare).toBeGreaterThan(realFigures.nameShare * 0.8);
    expect(generated.numberShare).toBeGreaterThan(realFigures.numberShare * 0.8);
  });
});
