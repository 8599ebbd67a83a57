import lunr from 'lunr';
import { findAsciiPhrase, isAscii } from './ascii-phrase-match';
import { isDash, possessiveTrimmer } from './word-forms';

/**
 * The same text analysis the index was built with (Lunr's tokenizer, then trimmer, stop-word filter and
 * stemmer), with character offsets kept. Snippets and marks come from re-analysing only the passages
 * shown, so the index itself carries no position metadata.
 */

/** One token of a passage: where it sits in the text and the index term it becomes (null: a stop word). */
export interface AnalysedToken {
  /** Offsets of the word itself in the original text, without surrounding punctuation. */
  start: number;
  end: number;
  term: string | null;
}

const indexPipeline = new lunr.Pipeline();
indexPipeline.add(lunr.trimmer, possessiveTrimmer, lunr.stopWordFilter, lunr.stemmer);

// Stemming dominates analysis cost; a vocabulary is small next to the text, so remember every word.
const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 200_000;

/** The index term a lowercase token becomes under the indexing pipeline, or null for a stop word. */
export function indexTermOf(lowercaseToken: string): string | null {
  const cached = termCache.get(lowercaseToken);
  if (cached !== undefined) return cached;
  const [term] = indexPipeline.runString(lowercaseToken);
  const result = term === undefined || term === '' ? null : term;
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(lowercaseToken, result);
  return result;
}

/** JavaScript's `\s` plus the dashes: where the index's tokenizer (`WORD_SEPARATOR`) splits. */
function isSeparator(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (isDash(code)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** ASCII `\w`: what Lunr's trimmer keeps at the ends of a token. */
function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  );
}

/**
 * The words that start with one of some lower-case prefixes, tested where they stand in the text: most
 * words of a passage start with none of a query's prefixes, and lower-casing a copy of each to find out
 * cost more than the rest of the analysis. Agrees exactly with `word.toLowerCase().startsWith(prefix)`.
 */
export class WordStarts {
  private readonly firstCodes = new Set<number>();
  private readonly matchesEveryWord: boolean;

  constructor(private readonly prefixes: readonly string[]) {
    for (const prefix of prefixes) this.firstCodes.add(prefix.charCodeAt(0));
    this.matchesEveryWord = prefixes.includes('');
  }

  /** True when `text.slice(start, end).toLowerCase()` starts with one of the prefixes. */
  matches(text: string, start: number, end: number): boolean {
    if (this.matchesEveryWord) return true;
    if (start >= end) return false;
    const first = text.charCodeAt(start);
    // Outside ASCII, lower-casing may change a word's length: ask the slow way.
    if (first >= 0x80) return this.slowMatch(text, start, end);
    if (!this.firstCodes.has(asciiLower(first))) return false;
    for (const prefix of this.prefixes) {
      const found = startsWithLowered(text, start, end, prefix);
      if (found === null) return this.slowMatch(text, start, end);
      if (found) return true;
    }
    return false;
  }

  private slowMatch(text: string, start: number, end: number): boolean {
    const word = text.slice(start, end).toLowerCase();
    return this.prefixes.some((prefix) => word.startsWith(prefix));
  }
}

function asciiLower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code | 0x20 : code;
}

/** Whether the lower-cased word starts with `prefix`; null when a non-ASCII letter makes it unsure. */
function startsWithLowered(text: string, start: number, end: number, prefix: string): boolean | null {
  for (let i = 0; i < prefix.length; i++) {
    if (start + i >= end) return false;
    const code = text.charCodeAt(start + i);
    if (code >= 0x80) return null;
    if (asciiLower(code) !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Tokenises and stems a text exactly as the index did, keeping where each word is. Hand-rolled rather
 * than regex-driven: it runs over the passages shown, on each query. `worthStemming` may skip stemming
 * words that cannot matter (their term is then null, like a stop word's): a test of the lower-cased
 * word, or, cheaper, the `WordStarts` a word must begin with.
 */
export function analyseText(
  text: string,
  worthStemming?: ((lowercaseWord: string) => boolean) | WordStarts,
): AnalysedToken[] {
  const tokens: AnalysedToken[] = [];
  const length = text.length;
  let at = 0;
  while (at < length) {
    if (isSeparator(text.charCodeAt(at))) {
      at++;
      continue;
    }
    let end = at + 1;
    while (end < length && !isSeparator(text.charCodeAt(end))) end++;
    let wordStart = at;
    let wordEnd = end;
    while (wordStart < wordEnd && !isWordChar(text.charCodeAt(wordStart))) wordStart++;
    while (wordEnd > wordStart && !isWordChar(text.charCodeAt(wordEnd - 1))) wordEnd--;
    // A token of punctuation only is dropped by Lunr's trimmer too.
    if (wordStart < wordEnd) {
      const stem =
        worthStemming === undefined ||
        (worthStemming instanceof WordStarts
          ? worthStemming.matches(text, wordStart, wordEnd)
          : worthStemming(text.slice(wordStart, wordEnd).toLowerCase()));
      tokens.push({
        start: wordStart,
        end: wordEnd,
        term: stem ? indexTermOf(text.slice(at, end).toLowerCase()) : null,
      });
    }
    at = end;
  }
  return tokens;
}

/** The set of index terms in a text. */
export function indexTermsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const token of analyseText(text)) if (token.term !== null) terms.add(token.term);
  return terms;
}

// A phrase matches its words in order with anything but letters and digits between them (spaces,
// hyphens, straight or curly quotes), ignoring case; a word may carry a possessive ending. On ASCII
// text, ascii-phrase-match.ts finds the same without compiling the pattern.
const phrasePatterns = new Map<string, RegExp>();

function phrasePattern(phrase: readonly string[]): RegExp {
  const key = phrase.join(' ');
  let pattern = phrasePatterns.get(key);
  if (pattern === undefined) {
    const words = phrase.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${words.join("(?:['’]s)?[^\\p{L}\\p{N}]+")}(?:['’]s)?(?![\\p{L}\\p{N}])`,
      'giu',
    );
    if (phrasePatterns.size > 1000) phrasePatterns.clear();
    phrasePatterns.set(key, pattern);
  }
  return pattern;
}

const ASCII_WORD = /^[a-z0-9]+$/;

/** Whether the phrase can be matched by `findAsciiPhrase` in this text, with the same result. */
function asciiOnly(text: string, phrase: readonly string[]): boolean {
  return phrase.every((word) => ASCII_WORD.test(word)) && isAscii(text);
}

/** Where each occurrence of the phrase (lower-case words) sits in the text, as [start, end) ranges. */
export function findPhrase(text: string, phrase: readonly string[]): Array<[number, number]> {
  if (phrase.length === 0) return [];
  if (asciiOnly(text, phrase)) return findAsciiPhrase(text, phrase);
  const found: Array<[number, number]> = [];
  const pattern = phrasePattern(phrase);
  pattern.lastIndex = 0; // matchAll starts where a previous test() left the shared pattern
  for (const match of text.matchAll(pattern)) found.push([match.index, match.index + match[0].length]);
  return found;
}

/** True when the phrase occurs in the text. */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  if (asciiOnly(text, phrase)) return findAsciiPhrase(text, phrase, true).length > 0;
  const pattern = phrasePattern(phrase);
  pattern.lastIndex = 0;
  return pattern.test(text);
}
