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
 * Where the words of a text stand, as the index's tokenizer splits it: per word, the token (what the
 * index's pipeline reads, punctuation included) and the word inside it (without the punctuation around
 * it), four offsets a word. Tokens of punctuation only, which the index drops, are left out. It does not
 * depend on a query, so a search keeps it for the passages of the documents it shows while the reader
 * types (passage-ranking.ts).
 */
export class WordBounds {
  private constructor(
    readonly text: string,
    /** tokenStart, tokenEnd, wordStart, wordEnd for each word in turn. */
    readonly offsets: Uint32Array,
  ) {}

  get count(): number {
    return this.offsets.length >> 2;
  }

  static of(text: string): WordBounds {
    // A word takes at least one character and one separator: room for every word, cut to size after.
    const offsets = new Uint32Array(2 * text.length + 4);
    let words = 0;
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
        const slot = 4 * words++;
        offsets[slot] = at;
        offsets[slot + 1] = end;
        offsets[slot + 2] = wordStart;
        offsets[slot + 3] = wordEnd;
      }
      at = end;
    }
    return new WordBounds(text, offsets.slice(0, 4 * words));
  }

  /** The index term of word `i` (null: a stop word), as the index's pipeline makes it from its token. */
  termOf(i: number): string | null {
    return indexTermOf(this.text.slice(this.offsets[4 * i], this.offsets[4 * i + 1]).toLowerCase());
  }

  /** Whether word `i`, lower-cased, starts with one of `starts`' prefixes. */
  startsWithOne(i: number, starts: WordStarts): boolean {
    return starts.matches(this.text, this.offsets[4 * i + 2], this.offsets[4 * i + 3]);
  }

  /**
   * The words as tokens with their terms. `worthStemming` may skip stemming the words that cannot
   * matter (their term is then null, like a stop word's): a test of the lower-cased word, or, cheaper,
   * the `WordStarts` a word must begin with.
   */
  tokens(worthStemming?: ((lowercaseWord: string) => boolean) | WordStarts): AnalysedToken[] {
    const { text, offsets } = this;
    const tokens = new Array<AnalysedToken>(this.count);
    for (let i = 0; i < tokens.length; i++) {
      const start = offsets[4 * i + 2];
      const end = offsets[4 * i + 3];
      const stem =
        worthStemming === undefined ||
        (worthStemming instanceof WordStarts
          ? worthStemming.matches(text, start, end)
          : worthStemming(text.slice(start, end).toLowerCase()));
      tokens[i] = { start, end, term: stem ? this.termOf(i) : null };
    }
    return tokens;
  }
}

/**
 * The token around offset `at` of `text` when a word starts there (`at` is the first letter or digit of
 * its token, as `WordBounds` would find it), else null: what a search that finds a word's start by its
 * letters needs to stem it as the index did.
 */
export function tokenStartingWordAt(text: string, at: number): { start: number; end: number } | null {
  let start = at;
  while (start > 0 && !isSeparator(text.charCodeAt(start - 1))) start--;
  for (let i = start; i < at; i++) if (isWordChar(text.charCodeAt(i))) return null;
  if (!isWordChar(text.charCodeAt(at))) return null;
  let end = at + 1;
  while (end < text.length && !isSeparator(text.charCodeAt(end))) end++;
  return { start, end };
}

/**
 * Tokenises and stems a text exactly as the index did, keeping where each word is (`WordBounds`, then
 * its tokens). Hand-rolled rather than regex-driven: it runs over the passages shown, on each query.
 */
export function analyseText(
  text: string,
  worthStemming?: ((lowercaseWord: string) => boolean) | WordStarts,
): AnalysedToken[] {
  return WordBounds.of(text).tokens(worthStemming);
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
