/**
 * Figures that say whether a text's vocabulary looks like real prose: Heaps' law (distinct words V
 * after N words, V = K·N^β) and Zipf's law (a word's frequency ∝ rank^−s), with the shares of names
 * (capitalised words not opening a sentence) and numbers (tokens with a digit). The corpus generator is
 * calibrated so that these figures for its text match those of real English prose.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface TextFigures {
  tokens: number;
  vocabulary: number;
  /** Heaps' law V = K·N^β, least squares on log V against log N at points spread through the text. */
  heapsK: number;
  heapsBeta: number;
  /** Zipf exponent s: least squares on log frequency against log rank, ranks 1 to ZIPF_MAX_RANK. */
  zipfS: number;
  /** Share of tokens that are capitalised words not opening a sentence. */
  nameShare: number;
  /** Share of tokens holding a digit. */
  numberShare: number;
}

/** The head and middle of the rank list; the tail of words seen once or twice only adds noise. */
const ZIPF_MAX_RANK = 1_000;
/** Words with letters (apostrophes and inner hyphens kept), or numbers ("1,200", "3.5", "2024"). */
const TOKEN = /\p{N}[\p{N},.]*\p{N}|\p{N}|\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu;

export interface Token {
  /** Lower-cased: "The" and "the" are one word of the vocabulary. */
  word: string;
  name: boolean;
  number: boolean;
}

/** Splits prose into tokens; a capital right after a full stop (or at the start) opens a sentence. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const between = text.slice(last, match.index);
    if (/[.!?:]\s|\n\s*\n/.test(between)) sentenceStart = true;
    last = match.index + raw.length;
    const number = /\p{N}/u.test(raw);
    const name = !number && !sentenceStart && /^\p{Lu}/u.test(raw);
    tokens.push({ word: raw.toLowerCase(), name, number });
    sentenceStart = false;
  }
  return tokens;
}

function leastSquaresSlope(
  xs: readonly number[],
  ys: readonly number[],
): { slope: number; intercept: number } {
  const n = xs.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - meanX) * (ys[i]! - meanY);
    sxx += (xs[i]! - meanX) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/** The figures of a token stream (in reading order: Heaps' law depends on it). */
export function textFigures(tokens: readonly Token[]): TextFigures {
  if (tokens.length < 100) throw new Error(`too little text to fit (${tokens.length} words; 100 at least)`);
  const counts = new Map<string, number>();
  const logN: number[] = [];
  const logV: number[] = [];
  // Points at a constant ratio (×1.25) from 100 words on, so that each scale weighs alike in the fit.
  let nextPoint = 100;
  let names = 0;
  let numbers = 0;
  tokens.forEach((token, index) => {
    counts.set(token.word, (counts.get(token.word) ?? 0) + 1);
    if (token.name) names++;
    if (token.number) numbers++;
    if (index + 1 >= nextPoint) {
      logN.push(Math.log(index + 1));
      logV.push(Math.log(counts.size));
      nextPoint = Math.ceil(nextPoint * 1.25);
    }
  });
  const heaps = leastSquaresSlope(logN, logV);
  const ranked = [...counts.values()].sort((a, b) => b - a).slice(0, ZIPF_MAX_RANK);
  const zipf = leastSquaresSlope(
    ranked.map((_, rank) => Math.log(rank + 1)),
    ranked.map((count) => Math.log(count)),
  );
  return {
    tokens: tokens.length,
    vocabulary: counts.size,
    heapsK: Math.exp(heaps.intercept),
    heapsBeta: heaps.slope,
    zipfS: -zipf.slope,
    nameShare: names / tokens.length,
    numberShare: numbers / tokens.length,
  };
}

/** An HTML page's text: scripts and styles dropped, tags stripped, the common entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h[1-6]|li|blockquote|pre|tr)>/gi, '\n\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;|&#x27;/g, "'")
    .replace(/&[a-z#0-9]+;/gi, ' ');
}

/**
 * The real prose the generator is calibrated against: the bundled commentary (`content/*.txt`) and the
 * article text of the saved web pages in `corporaHtmlDir` (each folder's `expected.html`), in that order.
 */
export function readRealProse(contentDir: string, corporaHtmlDir: string): string[] {
  const texts = readdirSync(contentDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(path.join(contentDir, name), 'utf8'));
  for (const page of readdirSync(corporaHtmlDir).sort()) {
    texts.push(htmlText(readFileSync(path.join(corporaHtmlDir, page, 'expected.html'), 'utf8')));
  }
  return texts;
}
