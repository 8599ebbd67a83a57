import type { CompactIndex } from '../index/compact-index';

/**
 * The per-document working arrays of `queryCompact`, made once per index and reused by every query on
 * it. Allocating them per query cost more than scoring a rare word (at 100,000 articles they are ~7 MB,
 * zeroed each time, and the collector then has to reclaim them); instead, a query clears only the
 * entries it wrote, which are all listed in `fieldRefOrder`. Queries run one at a time on a thread, and
 * `queryCompact` clears them before it returns or throws.
 */
export class QueryScratch {
  private static readonly byIndex = new WeakMap<CompactIndex, QueryScratch>();

  static of(compact: CompactIndex): QueryScratch {
    let scratch = QueryScratch.byIndex.get(compact);
    if (scratch === undefined) {
      scratch = new QueryScratch(compact.refCount, compact.fields.length);
      QueryScratch.byIndex.set(compact, scratch);
    }
    return scratch;
  }

  /** Per (ref, field) slot: whether a query term matched it, and Lunr's dot product so far. */
  readonly fieldRefSeen: Uint8Array;
  readonly dots: Float64Array;
  /** The slots matched, in Lunr's order of first match; `fieldRefCount` of them. */
  readonly fieldRefOrder: Int32Array;
  fieldRefCount = 0;
  /** Per ref: clauses matched, the last clause counted, the summed score, and whether it was scored. */
  readonly coverage: Uint16Array;
  readonly lastClause: Int32Array;
  readonly scores: Float64Array;
  readonly seen: Uint8Array;
  /** Refs in order of first match, for the query's result. */
  readonly order: Int32Array;

  private constructor(
    refCount: number,
    private readonly fieldCount: number,
  ) {
    const slots = refCount * fieldCount;
    this.fieldRefSeen = new Uint8Array(slots);
    this.dots = new Float64Array(slots);
    this.fieldRefOrder = new Int32Array(slots);
    this.coverage = new Uint16Array(refCount);
    this.lastClause = new Int32Array(refCount).fill(-1);
    this.scores = new Float64Array(refCount);
    this.seen = new Uint8Array(refCount);
    this.order = new Int32Array(refCount);
  }

  /** Marks a slot matched; false when it already was. */
  see(slot: number): boolean {
    if (this.fieldRefSeen[slot] !== 0) return false;
    this.fieldRefSeen[slot] = 1;
    this.fieldRefOrder[this.fieldRefCount++] = slot;
    return true;
  }

  /** Back to all zeros (lastClause to -1), touching only what the query wrote. */
  clear(): void {
    const fieldCount = this.fieldCount;
    // A query that matched much of the index is cleared faster wholesale than entry by entry.
    if (this.fieldRefCount * 8 > this.fieldRefSeen.length) {
      this.fieldRefSeen.fill(0);
      this.dots.fill(0);
      this.coverage.fill(0);
      this.lastClause.fill(-1);
      this.scores.fill(0);
      this.seen.fill(0);
      this.fieldRefCount = 0;
      return;
    }
    for (let i = 0; i < this.fieldRefCount; i++) {
      const slot = this.fieldRefOrder[i];
      const ref = (slot / fieldCount) | 0;
      this.fieldRefSeen[slot] = 0;
      this.dots[slot] = 0;
      this.coverage[ref] = 0;
      this.lastClause[ref] = -1;
      this.scores[ref] = 0;
      this.seen[ref] = 0;
    }
    this.fieldRefCount = 0;
  }
}
