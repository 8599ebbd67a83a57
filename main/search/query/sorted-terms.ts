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
  let low = start + 1;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid].charCodeAt(depth) <= unit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * A walk over the virtual trie, depth first, children in code-unit order (so terms come out sorted).
 * `enter(depth, unit, term)` is called for each child and returns whether to go below it; `term` is the
 * term that ends exactly at that node, or null. `leave(depth)` undoes what `enter` set up.
 */
export function walkSortedTerms(
  terms: readonly string[],
  visitor: {
    enter(depth: number, unit: number, term: string | null): boolean;
    leave?(depth: number): void;
  },
): void {
  const descend = (depth: number, from: number, to: number) => {
    let start = from;
    while (start < to) {
      const end = childEnd(terms, start, to, depth);
      const endsHere = terms[start].length === depth + 1;
      const goOn = visitor.enter(depth + 1, terms[start].charCodeAt(depth), endsHere ? terms[start] : null);
      // Only the shortest term of a range (its first) can end at the range's node.
      const below = endsHere ? start + 1 : start;
      if (goOn && below < end) descend(depth + 1, below, end);
      visitor.leave?.(depth + 1);
      start = end;
    }
  };
  const rootTerm = terms.length > 0 && terms[0] === '' ? 1 : 0;
  descend(0, rootTerm, terms.length);
}
