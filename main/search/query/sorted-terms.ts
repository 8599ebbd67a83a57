/**
 * The index's sorted term list read as a trie without building one: the terms sharing a prefix are one
 * contiguous range, and the children of a prefix are the runs of that range with the same next code unit.
 * Two binary searches find a prefix's range, one finds each child's end. Order is JavaScript's string
 * order (UTF-16 code units), the order the index keeps its terms in.
 */

/** First position in `terms[from, to)` whose term is not below `text`. */
export function lowerBound(terms: readonly string[], text: string, from = 0, to = terms.length): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid] < text) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The range [start, end) of the terms starting with `prefix`. */
export function prefixRange(terms: readonly string[], prefix: string): [start: number, end: number] {
  const start = lowerBound(terms, prefix);
  // The terms starting with the prefix come first from `start` on, so "does not start with it" is monotone.
  let low = start;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid].startsWith(prefix)) low = mid + 1;
    else high = mid;
  }
  return [start, low];
}

/**
 * End of the run of `terms[start, to)` whose code unit at `depth` is that of `terms[start]`; every term
 * in the range is longer than `depth` and shares its first `depth` code units.
 */
export function childEnd(terms: readonly string[], start: number, to: number, depth: number): number {
  const unit = terms[start].charCodeAt(depth);
  return firstAtLeast(terms, start + 1, to, depth, unit + 1);
}

/** First position in `terms[from, to)` whose code unit at `depth` is not below `unit` (see childEnd). */
function childStart(terms: readonly string[], from: number, to: number, depth: number, unit: number): number {
  return firstAtLeast(terms, from, to, depth, unit);
}

/**
 * First position in `terms[from, to)` whose code unit at `depth` is at least `unit` (they ascend along
 * the range), searched by galloping from `from`: runs deep in the trie are short, so this costs the
 * log of the run's length, not of the range's.
 */
function firstAtLeast(
  terms: readonly string[],
  from: number,
  to: number,
  depth: number,
  unit: number,
): number {
  let low = from;
  let high = to;
  for (let step = 1; ; step *= 2) {
    const probe = low + step - 1;
    if (probe >= to) break;
    if (terms[probe].charCodeAt(depth) >= unit) {
      high = probe;
      break;
    }
    low = probe + 1;
  }
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid].charCodeAt(depth) >= unit) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** How many code units `only` may list. */
export const ONLY_UNITS = 64;

export interface SortedTermsVisitor {
  /**
   * Called for each child reached, with its depth, the code unit leading to it and the term ending
   * exactly there (or null); returns whether to go below it.
   */
  enter(depth: number, unit: number, term: string | null): boolean;
  /**
   * Before the children of the node just entered at `depth` are enumerated: writes the only code units
   * worth entering into `units` (ascending, at most its length) and returns how many, or -1 for all of
   * them. Lets a walk that can no longer afford an edit jump straight to the few children it can still
   * match, by binary search.
   */
  only?(depth: number, units: Int32Array): number;
}

/**
 * A walk over the virtual trie, depth first, children in code-unit order (so terms come out sorted).
 * The root itself is not entered: Lunr never expands a clause to the empty term.
 */
export function walkSortedTerms(terms: readonly string[], visitor: SortedTermsVisitor): void {
  const enterChild = (depth: number, start: number, end: number) => {
    const endsHere = terms[start].length === depth + 1;
    const goOn = visitor.enter(depth + 1, terms[start].charCodeAt(depth), endsHere ? terms[start] : null);
    // Only the shortest term of a range (its first) can end at the range's node.
    const below = endsHere ? start + 1 : start;
    if (goOn && below < end) descend(depth + 1, below, end);
  };
  const onlyUnits: Int32Array[] = [];
  const descend = (depth: number, from: number, to: number) => {
    const units = (onlyUnits[depth] ??= new Int32Array(ONLY_UNITS));
    const count = visitor.only === undefined ? -1 : visitor.only(depth, units);
    if (count < 0) {
      for (let start = from; start < to;) {
        const end = childEnd(terms, start, to, depth);
        enterChild(depth, start, end);
        start = end;
      }
      return;
    }
    let start = from;
    for (let n = 0; n < count; n++) {
      const unit = units[n];
      start = childStart(terms, start, to, depth, unit);
      if (start >= to) return;
      if (terms[start].charCodeAt(depth) !== unit) continue;
      const end = childEnd(terms, start, to, depth);
      enterChild(depth, start, end);
      start = end;
    }
  };
  const rootTerm = terms.length > 0 && terms[0] === '' ? 1 : 0;
  descend(0, rootTerm, terms.length);
}
