import lunr from 'lunr';
import { fuzzyExpansion } from './fuzzy-expansion';
import { stemsOfWordsStartingWith, wordStartTokenSet } from './prefix-expansion';
import { prefixRange, walkSortedTerms } from './sorted-terms';

/**
 * What a prefix, fuzzy or wildcard clause expands to, read off the index's sorted term list alone.
 * Lunr expands such a clause by intersecting its token set with a trie of every index term; with 1.5
 * million terms that trie takes seconds and hundreds of MB to build. The sets here are exactly Lunr's
 * (sorted-expansion.test.ts compares them with the trie's, set and order).
 *
 * Order matters: the order of the expanded terms is the order documents are first matched in, which
 * decides ties between equal scores. `inLunrOrder` gives Lunr's order. Lunr's `intersect` walks both
 * tries depth first, and its `toArray` lists each node's word, then its children in reverse of the order
 * their edges were added; that order depends only on the paths that lead to an accepted word (a walk
 * with dead branches cut keeps the rest of its steps in the same order). So intersecting the clause's
 * token set with a trie of the accepted terms alone, a few dozen words, gives the very same list.
 */

/** A clause as Lunr's query hands it over, with Margin's word-start mark when it is a Margin prefix. */
export interface ExpandableClause {
  /** The term with Lunr's wildcards (a prefix clause's term ends in "*"). */
  term: string;
  editDistance?: number;
  /** Margin's prefix: the letters typed, also matching the stems of the words they start. */
  wordStart: boolean;
}

/** The terms a clause expands to, sorted, and the clause's token set for `inLunrOrder` (built if asked). */
export function expandClause(
  terms: readonly string[],
  clause: ExpandableClause,
): { sorted: string[]; clauseSet: () => lunr.TokenSet } {
  if (clause.wordStart) {
    const prefix = clause.term.replace(/\*$/, '');
    return { sorted: wordStartExpansion(terms, prefix), clauseSet: () => wordStartTokenSet(prefix) };
  }
  const fromClause = () => tokenSetFromClause({ term: clause.term, editDistance: clause.editDistance });
  if (clause.editDistance !== undefined) {
    return { sorted: fuzzyExpansion(terms, clause.term, clause.editDistance), clauseSet: fromClause };
  }
  return { sorted: wildcardExpansion(terms, clause.term), clauseSet: fromClause };
}

/** Every term starting with `prefix`, and the stems of words starting with it (prefix-expansion.ts). */
export function wordStartExpansion(terms: readonly string[], prefix: string): string[] {
  const found = termsStartingWith(terms, prefix);
  // These stems are shorter than the prefix or do not start with it: none is in the range already.
  const stems = stemsOfWordsStartingWith(prefix).filter((stem) => isTerm(terms, stem));
  return stems.length === 0 ? found : [...found, ...stems].sort();
}

/** The terms Lunr's `TokenSet.fromString(pattern)` accepts: `*` stands for any run of characters. */
export function wildcardExpansion(terms: readonly string[], pattern: string): string[] {
  const literal = /^[^*]*\*+$/.test(pattern) ? pattern.replace(/\*+$/, '') : null;
  if (literal !== null) {
    return termsStartingWith(terms, literal);
  }
  if (!pattern.includes('*')) return isTerm(terms, pattern) ? [pattern] : [];
  // A walk with the set of pattern positions reached, as a bit mask per depth (patterns are short).
  const units = Array.from(pattern, (_, i) => pattern.charCodeAt(i));
  if (units.length > 30) throw new RangeError('a wildcard pattern of more than 30 characters');
  const star = '*'.charCodeAt(0);
  const closure = (positions: number) => {
    for (let i = 0; i < units.length; i++)
      if (positions & (1 << i) && units[i] === star) positions |= 1 << (i + 1);
    return positions;
  };
  const end = 1 << units.length;
  const reached = [closure(1)];
  const found: string[] = [];
  walkSortedTerms(terms, {
    enter(depth, unit, word) {
      const before = reached[depth - 1];
      let after = 0;
      for (let i = 0; i < units.length; i++) {
        if (!(before & (1 << i))) continue;
        if (units[i] === star) after |= 1 << i;
        else if (units[i] === unit) after |= 1 << (i + 1);
      }
      after = closure(after);
      reached[depth] = after;
      if (word !== null && after & end) found.push(word);
      return after !== 0;
    },
  });
  return found;
}

/** `sorted` (terms the clause accepts, in string order) in the order Lunr's intersection lists them. */
export function inLunrOrder(sorted: string[], clauseSet: lunr.TokenSet): string[] {
  if (sorted.length <= 1) return sorted;
  return fromArray(sorted).intersect(clauseSet).toArray();
}

/** The terms starting with `prefix` but the empty term (an index may hold one; Lunr never expands to it). */
function termsStartingWith(terms: readonly string[], prefix: string): string[] {
  const [start, end] = prefixRange(terms, prefix);
  return terms.slice(start < end && terms[start] === '' ? start + 1 : start, end);
}

function isTerm(terms: readonly string[], term: string): boolean {
  const [start, end] = prefixRange(terms, term);
  return start < end && terms[start] === term;
}

// Parts of Lunr's API that @types/lunr does not declare (or declares as instance methods).
const fromArray = (lunr.TokenSet as unknown as { fromArray(words: string[]): lunr.TokenSet }).fromArray;
const lunrFromClause = (
  lunr.TokenSet as unknown as { fromClause(clause: { term: string; editDistance?: number }): lunr.TokenSet }
).fromClause;
function tokenSetFromClause(clause: { term: string; editDistance?: number }): lunr.TokenSet {
  // Lunr reads "fuzzy" from the key's presence, not its value.
  return lunrFromClause(
    clause.editDistance === undefined
      ? { term: clause.term }
      : { term: clause.term, editDistance: clause.editDistance },
  );
}
