/**
 * The matches of a query best first, taken lazily: a binary heap of their positions, O(n) to build and
 * O(log n) per match taken, so a page of 20 out of 10,000 costs little more than finding them.
 */

export interface CompactMatch {
  ref: number;
  score: number;
  /** How many of the query's words (its non-prohibited clauses) the document holds. */
  coverage: number;
}

/**
 * `lunr`: Lunr's order, by score alone. `coverage`: documents holding more of the query's words first,
 * then by score — what a reader expects of a plain multi-word query, where Lunr sums each word alone
 * and lets a title that says one word twice outrank an article that says them all.
 */
export type RankOrder = 'lunr' | 'coverage';

/** Matches in Lunr's order of first match (which breaks ties), with each one's score and coverage. */
export interface Matches {
  refs: Int32Array;
  scores: Float64Array;
  coverage: Uint16Array;
}

/** The matches `keep` accepts, in the same order. */
export function matchesWhere(matches: Matches, keep: (ref: number) => boolean): Matches {
  const total = matches.refs.length;
  const refs = new Int32Array(total);
  const scores = new Float64Array(total);
  const coverage = new Uint16Array(total);
  let kept = 0;
  // Plain loops (not TypedArray.from with a mapping function, a call per element through an iterator).
  for (let i = 0; i < total; i++) {
    if (!keep(matches.refs[i])) continue;
    refs[kept] = matches.refs[i];
    scores[kept] = matches.scores[i];
    coverage[kept++] = matches.coverage[i];
  }
  return {
    refs: refs.subarray(0, kept),
    scores: scores.subarray(0, kept),
    coverage: coverage.subarray(0, kept),
  };
}

/** Yields matches best first; equal ones in their order of first match. */
export function* rankLazily(matches: Matches, rankOrder: RankOrder): Generator<CompactMatch> {
  const { refs, scores, coverage } = matches;
  const heap = new Int32Array(refs.length);
  for (let i = 0; i < heap.length; i++) heap[i] = i;
  const byCoverage = rankOrder === 'coverage';
  const before = (a: number, b: number) => {
    if (byCoverage && coverage[a] !== coverage[b]) return coverage[a] > coverage[b];
    return scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
  };
  const down = (from: number, size: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let best = at;
      if (left < size && before(heap[left], heap[best])) best = left;
      if (right < size && before(heap[right], heap[best])) best = right;
      if (best === at) return;
      const swap = heap[at];
      heap[at] = heap[best];
      heap[best] = swap;
      at = best;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i, heap.length);
  for (let size = heap.length; size > 0; size--) {
    const top = heap[0];
    yield { ref: refs[top], score: scores[top], coverage: coverage[top] };
    heap[0] = heap[size - 1];
    down(0, size - 1);
  }
}
