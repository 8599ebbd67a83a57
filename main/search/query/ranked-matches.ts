/**
 * The matches of a query best first, taken lazily: the first hundred picked in one pass (a page of 20
 * out of 10,000 costs little more than finding them), the rest, if asked for, through a binary heap.
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

/**
 * How many matches are picked first, in one pass that keeps only the best so far: a search shows at
 * most 100 documents a stage, and most searches stop there, so the rest need never be ordered.
 */
export const FIRST_PICK = 100;

/**
 * Yields matches best first; equal ones in their order of first match. `firstPick`: how many are picked
 * in the first pass (a caller that shows a few asks for those and one more); any past them come from
 * the heap, in the same order.
 */
export function* rankLazily(
  matches: Matches,
  rankOrder: RankOrder,
  firstPick = FIRST_PICK,
): Generator<CompactMatch> {
  const { refs, scores, coverage } = matches;
  const byCoverage = rankOrder === 'coverage';
  // A strict order over positions (the earlier position breaks ties): every way of ranking agrees.
  const before = (a: number, b: number) => {
    if (byCoverage && coverage[a] !== coverage[b]) return coverage[a] > coverage[b];
    return scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
  };
  const first = pickBest(refs.length, Math.max(1, firstPick), before);
  for (const position of first) {
    yield { ref: refs[position], score: scores[position], coverage: coverage[position] };
  }
  if (first.length === refs.length) return;
  // Asked for more than the first pick: the rest through a heap, O(n) to build and O(log n) a match.
  const picked = new Uint8Array(refs.length);
  for (const position of first) picked[position] = 1;
  const heap = new Int32Array(refs.length - first.length);
  for (let i = 0, at = 0; i < refs.length; i++) if (picked[i] === 0) heap[at++] = i;
  const down = (from: number, size: number) => siftDown(heap, from, size, before);
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i, heap.length);
  for (let size = heap.length; size > 0; size--) {
    const top = heap[0];
    yield { ref: refs[top], score: scores[top], coverage: coverage[top] };
    heap[0] = heap[size - 1];
    down(0, size - 1);
  }
}

/**
 * The best `k` of positions 0..count-1 under the strict order `before`, best first. One pass with a
 * heap of the best `k` so far, worst on top: most positions are turned away by one comparison with it.
 */
export function pickBest(count: number, k: number, before: (a: number, b: number) => boolean): Int32Array {
  const size = Math.min(count, k);
  const worstFirst = new Int32Array(size);
  // A heap whose root is its worst member (the one every other is `before`).
  const after = (a: number, b: number) => before(b, a);
  const down = (from: number, length: number) => siftDown(worstFirst, from, length, after);
  for (let i = 0; i < size; i++) worstFirst[i] = i;
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i, size);
  for (let position = size; position < count; position++) {
    if (!before(position, worstFirst[0])) continue;
    worstFirst[0] = position;
    down(0, size);
  }
  // Taking the worst off the top, back to front, leaves them best first.
  const best = new Int32Array(size);
  for (let length = size; length > 0; length--) {
    best[length - 1] = worstFirst[0];
    worstFirst[0] = worstFirst[length - 1];
    down(0, length - 1);
  }
  return best;
}

/** Moves `heap[from]` down until no child of it is `above` it (the first `size` entries are the heap). */
function siftDown(
  heap: Int32Array,
  from: number,
  size: number,
  above: (a: number, b: number) => boolean,
): void {
  let at = from;
  for (;;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let top = at;
    if (left < size && above(heap[left], heap[top])) top = left;
    if (right < size && above(heap[right], heap[top])) top = right;
    if (top === at) return;
    const swap = heap[at];
    heap[at] = heap[top];
    heap[top] = swap;
    at = top;
  }
}
