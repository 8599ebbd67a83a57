/**
 * The calibration check reported in RESULTS.md: the vocabulary figures (text-statistics.ts) of the real
 * prose beside those of as many words of the generated corpus, read in the same order as a reader would.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createCorpusModel, generateArticle, type GeneratedArticle } from './article-generator';
import { readRealProse, textFigures, tokenise, type TextFigures, type Token } from './text-statistics';

export const CONTENT_DIR = path.join(__dirname, '..', 'content');
export const CORPORA_HTML_DIR = path.join(__dirname, '..', '..', 'shared', 'corpora', 'html');

export interface CorpusFigures {
  /** What the real figures were measured on, in words. */
  realSource: string;
  real: TextFigures;
  generated: TextFigures;
}

/** An article's text as a reader reads it: title, intro, caption, headings and paragraphs. */
export function articleProse(article: GeneratedArticle): string {
  return [
    article.title,
    ...article.intro,
    article.figure.caption,
    ...article.sections.flatMap((section) => [section.heading, ...section.paragraphs]),
  ].join('\n\n');
}

/** The first `count` tokens of the generated corpus of `seed`. */
export function generatedTokens(seed: string, count: number): Token[] {
  const model = createCorpusModel(seed);
  const tokens: Token[] = [];
  for (let index = 0; tokens.length < count; index++)
    tokens.push(...tokenise(articleProse(generateArticle(model, index))));
  return tokens.slice(0, count);
}

/** Real and generated figures on the same number of words; null when `../shared` is not there. */
export function measureCorpusFigures(seed: string, corporaHtmlDir = CORPORA_HTML_DIR): CorpusFigures | null {
  if (!existsSync(corporaHtmlDir)) return null;
  const texts = readRealProse(CONTENT_DIR, corporaHtmlDir);
  const real = texts.flatMap(tokenise);
  return {
    realSource: `the bundled commentary (content/*.txt) and the article text of ${texts.length - 1} real web pages (../shared/corpora/html)`,
    real: textFigures(real),
    generated: textFigures(generatedTokens(seed, real.length)),
  };
}
