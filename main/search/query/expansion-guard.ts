import lunr from 'lunr';
import type { CompactIndex } from '../index/compact-index';

/**
 * Caps how far a prefix (`sec*`) or fuzzy (`pakistn~1`) term expands. Lunr scores every posting of every
 * term a clause expands to, so a short prefix over a large library can touch hundreds of thousands of
 * postings. Past the cap, the expansion keeps its most frequent terms: the documents most likely meant
 * still come first, rare look-alikes drop out.
 */

export const MAX_EXPANDED_TERMS = 64;
/** Postings a single expanded clause may touch; a plain common word at 10,000 articles is ~10,000. */
export const MAX_EXPANDED_POSTINGS = 60_000;

/**
 * Per guarded index (by its Lunr index): its terms' posting counts, remembered once asked, and a bound
 * of each read without touching the disk.
 */
interface TermCounts {
  countOf(term: string): number;
  atMost(term: string): number;
}
const guarded = new WeakMap<lunr.Index, TermCounts>();

/**
 * Installs the cap: on the index's token set, where Lunr's own engine expands every query term, and for
 * `cappedExpansion`, which Margin's compact query applies to the terms it expands itself.
 */
export function guardExpansions(compact: CompactIndex): void {
  const counts = new Map<string, number>();
  const countOf = (term: string) => {
    let count = counts.get(term);
    if (count === undefined) counts.set(term, (count = compact.postingCount(term)));
    return count;
  };
  const termCounts: TermCounts = { countOf, atMost: (term) => compact.postingCountAtMost(term) };
  guarded.set(compact.index, termCounts);
  const guardedTokenSet = {
    intersect(clauseSet: lunr.TokenSet) {
      const words = compact.tokenSet().intersect(clauseSet).toArray();
      return { toArray: () => (words.length <= 1 ? words : capExpansion(words, termCounts)) };
    },
  };
  (compact.index as unknown as { tokenSet: unknown }).tokenSet = guardedTokenSet;
}

/**
 * `words` as the guard caps them if `compact` is guarded: `words` itself (the same array) when within the
 * cap, else its most frequent terms in string order.
 */
export function cappedExpansion(compact: CompactIndex, words: string[]): string[] {
  const termCounts = guarded.get(compact.index);
  return termCounts === undefined || words.length <= 1 ? words : capExpansion(words, termCounts);
}

/** Whether `compact`'s expansions are capped (its expansions change when the guard is installed). */
export function isGuarded(compact: CompactIndex): boolean {
  return guarded.has(compact.index);
}

function capExpansion(words: string[], { countOf, atMost }: TermCounts): string[] {
  if (words.length > MAX_EXPANDED_TERMS) return capByFrequency(words, countOf);
  // Most expansions are within the cap by their bounds alone: their counts need not be read from disk.
  let bound = 0;
  for (const word of words) bound += atMost(word);
  if (bound <= MAX_EXPANDED_POSTINGS) return words;
  let total = 0;
  for (const word of words) total += countOf(word);
  if (total <= MAX_EXPANDED_POSTINGS) return words;
  return capByFrequency(words, countOf);
}

/** The most frequent of `words` within both caps, in string order. */
function capByFrequency(words: string[], countOf: (term: string) => number): string[] {
  const byFrequency = [...words].sort((a, b) => countOf(b) - countOf(a) || (a < b ? -1 : 1));
  const kept: string[] = [];
  let budget = 0;
  for (const word of byFrequency) {
    if (kept.length >= MAX_EXPANDED_TERMS) break;
    if (kept.length > 0 && budget + countOf(word) > MAX_EXPANDED_POSTINGS) continue;
    kept.push(word);
    budget += countOf(word);
  }
  return kept.sort();
}
