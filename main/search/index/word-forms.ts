import lunr from 'lunr';

/**
 * How Margin's search cuts text into words, beyond Lunr's defaults, in one place for the index, the
 * query language and the snippets:
 * - Dashes join words in print but not in meaning: "Karachi–Beijing" and "policy—and" are two words, as
 *   Lunr already reads "China-Pakistan". The hyphen-minus, figure dash, en dash, em dash, horizontal bar
 *   and minus sign all separate words.
 * - A possessive is its word: "Zardari's" and "Zardari’s" (curly apostrophe) are found by `Zardari`.
 */

/** Every dash that separates words (U+002D, U+2012–U+2015, U+2212). */
export const DASHES = '-\u2012\u2013\u2014\u2015\u2212';
/** Where words split: white space and dashes. */
export const WORD_SEPARATOR = new RegExp(`[\\s${DASHES}]+`);
const DASH_RUN = new RegExp(`[${DASHES}]+`);

/** True for a dash that separates words. */
export function isDash(code: number): boolean {
  return code === 0x2d || (code >= 0x2012 && code <= 0x2015) || code === 0x2212;
}

const POSSESSIVE = /['’]s$/;

/** The word without a possessive ending ("zardari's" → "zardari"). Expects a trimmed token. */
export function withoutPossessive(word: string): string {
  return POSSESSIVE.test(word) && word.length > 2 ? word.slice(0, -2) : word;
}

/** Lunr pipeline step: drops a possessive ending after the trimmer, before stop words and stemming. */
export const possessiveTrimmer: lunr.PipelineFunction = (token) => token.update(withoutPossessive);
// Registered so that an index built with it serialises and loads (its pipeline names this step).
lunr.Pipeline.registerFunction(possessiveTrimmer, 'marginPossessive');

/**
 * The words of a text for phrases: runs of letters and digits, lower case, a possessive ending dropped
 * ("Zardari’s planned" → zardari, planned). Phrase queries and the phrase filters both read words so.
 */
export function phraseWords(text: string): string[] {
  return (text.match(PHRASE_WORD) ?? []).map((word) => withoutPossessive(word.toLowerCase()));
}
const PHRASE_WORD = /[\p{L}\p{N}]+(?:['’]s(?![\p{L}\p{N}]))?/gu;

/** Splits a query word on dashes, as the index split the text ("china–pak*" → china, pak*). */
export function splitOnDashes(word: string): string[] {
  return word.split(DASH_RUN);
}

/**
 * Lunr's tokenizer with Margin's separators. Lunr reads its separator from a global; it is swapped
 * only for the duration of the call so no other Lunr index in the process is affected.
 */
export function marginTokenizer(value: unknown, metadata?: object): lunr.Token[] {
  const tokenizer = lunr.tokenizer as unknown as {
    (value: unknown, metadata?: object): lunr.Token[];
    separator: RegExp;
  };
  const saved = tokenizer.separator;
  tokenizer.separator = WORD_SEPARATOR;
  try {
    return tokenizer(value, metadata);
  } finally {
    tokenizer.separator = saved;
  }
}

/** Sets a Lunr builder up to read words as Margin does (call inside `lunr(function () { … })`). */
export function useMarginWordForms(builder: lunr.Builder): void {
  (builder as unknown as { tokenizer: typeof marginTokenizer }).tokenizer = marginTokenizer;
  builder.pipeline.before(lunr.stopWordFilter, possessiveTrimmer);
  builder.searchPipeline.before(lunr.stemmer, possessiveTrimmer);
}
