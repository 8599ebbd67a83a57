/**
 * Anchoring: where does an annotation sit in a document's canonical text, after the text changed?
 *
 * Plain TypeScript on strings (no Node, no DOM) so that every decision can be tested on text pairs.
 * The rule that matters most for the reader: when in doubt, an annotation is *orphaned* (kept, with its
 * original quote) rather than moved onto a passage that merely looks like it.
 */
import search from 'approx-string-match';
import type { Annotation, TextPositionSelector, TextQuoteSelector } from '../api';

/** Characters of prefix and suffix recorded around a quote (the design asks for 32 or more). */
export const CONTEXT_LENGTH = 48;

/** A fuzzy match may differ from the quote by at most this share of its length. */
export const MAX_ERROR_RATE = 0.2;

/** How well the surroundings of a fuzzy match must agree with the recorded prefix and suffix (0..1). */
export const FUZZY_CONTEXT_THRESHOLD = 0.5;

/** Never consider more than this many exact occurrences of a quote (a one-word quote in a long text). */
const MAX_EXACT_CANDIDATES = 500;

export type RangeSelectors = [TextQuoteSelector, TextPositionSelector];

export interface AnchorResult {
  selectors: RangeSelectors;
  status: 'exact' | 'fuzzy' | 'orphaned';
}

/** What anchoring needs of an annotation: its range selectors and the text version they refer to. */
export interface Anchorable {
  selectors: RangeSelectors;
  docTextHash: string;
  anchorStatus: Annotation['anchorStatus'];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The selectors of `text[start, end)`: the quote with its context, and the position. */
export function describeRange(text: string, start: number, end: number): RangeSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`The range ${start}..${end} is not inside a text of ${text.length} characters.`);
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  // Never cut a surrogate pair in half: the context would no longer be valid Unicode text.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/**
 * Whether the position selector lies inside `text` and the text there is the quote, word for word. Only
 * then may a record be trusted where it says it is: an import file or an undo can carry any numbers.
 */
export function positionHoldsQuote(selectors: RangeSelectors, text: string): boolean {
  const [quote, position] = selectors;
  return (
    Number.isSafeInteger(position.start) &&
    Number.isSafeInteger(position.end) &&
    position.start >= 0 &&
    position.start < position.end &&
    position.end <= text.length &&
    text.slice(position.start, position.end) === quote.exact
  );
}

/** How closely `pattern` occurs in `window`, 0..1 (1: it occurs exactly; an empty pattern always agrees). */
function similarity(window: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (window.length === 0) return 0;
  const matches = search(window, pattern, pattern.length);
  if (matches.length === 0) return 0;
  const errors = Math.min(...matches.map((match) => match.errors));
  return Math.max(0, 1 - errors / pattern.length);
}

/** How well the text around `[start, end)` agrees with the recorded prefix and suffix, 0..1. */
export function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return (similarity(before, quote.prefix) + similarity(after, quote.suffix)) / 2;
}

/**
 * The context an *exact* occurrence of the quote needs. A long quote found word for word is strong
 * evidence on its own; a short one ("China") occurs everywhere and must be confirmed by its context.
 */
export function exactContextThreshold(quoteLength: number): number {
  return Math.max(0, 0.5 - quoteLength / 400);
}

interface Candidate {
  start: number;
  end: number;
  context: number;
  /** Edits between the quote and this text (0 for an exact occurrence). */
  errors: number;
  /** 1 when the candidate is where the annotation used to be, falling off with distance. */
  nearness: number;
}

function rank(a: Candidate, b: Candidate): number {
  return b.context - a.context || a.errors - b.errors || b.nearness - a.nearness;
}

function nearness(text: string, start: number, oldStart: number): number {
  return 1 - Math.abs(start - oldStart) / Math.max(1, text.length);
}

function exactCandidates(text: string, quote: TextQuoteSelector, oldStart: number): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote.exact); at !== -1 && found.length < MAX_EXACT_CANDIDATES;) {
    const end = at + quote.exact.length;
    found.push({
      start: at,
      end,
      context: contextScore(text, at, end, quote),
      errors: 0,
      nearness: nearness(text, at, oldStart),
    });
    at = text.indexOf(quote.exact, at + 1);
  }
  return found.sort(rank);
}

/** Offsets where the quote would start if the recorded prefix or suffix is still in the text nearby. */
function contextProbes(text: string, quote: TextQuoteSelector): number[] {
  const probes: number[] = [];
  const prefixTail = quote.prefix.slice(-24);
  const suffixHead = quote.suffix.slice(0, 24);
  const collect = (needle: string, toQuoteStart: (at: number) => number): void => {
    if (needle.length < 8) return;
    for (let at = text.indexOf(needle), n = 0; at !== -1 && n < 5; at = text.indexOf(needle, at + 1), n++) {
      probes.push(toQuoteStart(at));
    }
  };
  collect(prefixTail, (at) => at + prefixTail.length);
  collect(suffixHead, (at) => at - quote.exact.length);
  return probes;
}

/**
 * Approximate matches of the quote. Windows matter: the matcher returns only the lowest-error matches
 * of each window, so a tight window around each place the quote is expected to be (old position,
 * surviving prefix or suffix) finds a lightly edited original even when an untouched look-alike exists
 * elsewhere; a wide window around the old position then catches passages that moved further.
 */
function fuzzyCandidates(
  text: string,
  quote: TextQuoteSelector,
  oldStart: number,
  hasPosition: boolean,
): Candidate[] {
  const length = quote.exact.length;
  const maxErrors = Math.floor(length * MAX_ERROR_RATE);
  const slack = maxErrors + 32;
  const windows: Array<[number, number]> = [];
  const centers = [...(hasPosition ? [oldStart] : []), ...contextProbes(text, quote)];
  for (const center of centers) windows.push([center - slack, center + length + slack]);
  const radius = Math.max(5000, Math.ceil(text.length / 4));
  windows.push(hasPosition ? [oldStart - radius, oldStart + length + radius] : [0, text.length]);

  const seen = new Set<string>();
  const found: Candidate[] = [];
  for (const [from, to] of windows) {
    const lo = Math.max(0, from);
    const hi = Math.min(text.length, to);
    if (hi - lo < length - maxErrors) continue;
    for (const match of search(text.slice(lo, hi), quote.exact, maxErrors)) {
      const start = lo + match.start;
      const end = lo + match.end;
      const key = `${start}:${end}`;
      if (end <= start || seen.has(key)) continue;
      seen.add(key);
      found.push({
        start,
        end,
        context: contextScore(text, start, end, quote),
        errors: match.errors,
        nearness: nearness(text, start, oldStart),
      });
    }
  }
  return found.sort(rank);
}

/**
 * Finds the annotation in `currentText` (whose hash is `currentHash`). Position first when the text is
 * the one the selectors were made on; then the exact quote ranked by its context; then a fuzzy match
 * near where it was. Anything weaker is orphaned and keeps its original selectors, so that its quote is
 * never lost and it can be tried again when the text changes once more.
 *
 * Selectors that claim this very text but whose position does not hold their quote contradict
 * themselves: the quote is trusted, and the result is at best `fuzzy`, so the reader sees that Margin
 * placed the highlight itself.
 */
export function anchor(annotation: Anchorable, currentText: string, currentHash: string): AnchorResult {
  const [quote, position] = annotation.selectors;
  const sameText = annotation.docTextHash === currentHash;
  if (sameText) {
    if (annotation.anchorStatus === 'orphaned')
      return { selectors: annotation.selectors, status: 'orphaned' };
    if (positionHoldsQuote(annotation.selectors, currentText)) {
      return {
        selectors: annotation.selectors,
        status: annotation.anchorStatus === 'fuzzy' ? 'fuzzy' : 'exact',
      };
    }
  }
  const orphan: AnchorResult = { selectors: annotation.selectors, status: 'orphaned' };
  if (quote.exact.length === 0) return orphan;

  // An imported record with no known text version ('') has a position that means nothing here.
  const hasPosition =
    annotation.docTextHash !== '' && position.start >= 0 && position.start <= currentText.length;
  const oldStart = hasPosition ? position.start : 0;

  const exact = exactCandidates(currentText, quote, oldStart)[0];
  if (exact && exact.context >= exactContextThreshold(quote.exact.length)) {
    return {
      selectors: describeRange(currentText, exact.start, exact.end),
      status: sameText ? 'fuzzy' : 'exact',
    };
  }
  const fuzzy = fuzzyCandidates(currentText, quote, oldStart, hasPosition)[0];
  if (fuzzy && fuzzy.context >= FUZZY_CONTEXT_THRESHOLD) {
    return { selectors: describeRange(currentText, fuzzy.start, fuzzy.end), status: 'fuzzy' };
  }
  return orphan;
}
