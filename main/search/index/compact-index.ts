import lunr from 'lunr';
// Registers Margin's pipeline step, which an index's serialised pipeline names.
import './word-forms';
import { DECODED_POSTINGS_BUDGET, lazyFieldPostings, VarintCursor } from './compact-postings';

/**
 * A compact binary form of a `lunr.Index` that loads into a real `lunr.Index`, so Lunr's own query
 * engine runs on it with the same scores as a stock `lunr.Index.load`. Margin's queries use the same
 * data through `compact-query.ts`, Lunr's query algorithm on typed arrays, with the same results.
 *
 * Stock JSON spends most of its load in `JSON.parse` of one `"ref":{}` object per posting. Here:
 * - refs are the integers 0..refCount-1 (the caller numbers its documents);
 * - terms are one sorted, newline-joined string; a term's index is its position in that order;
 * - postings are varint delta-coded ref lists per term and field, behind an offset table, and are
 *   materialised into Lunr's `{ ref: {} }` shape only when a query first touches the term (every
 *   posting shares one empty metadata object: the index keeps no positions);
 * - each posting carries the term's weight in that document's field vector (Lunr rounds weights to
 *   thousandths, so they are exact integers), so scoring reads postings sequentially; the field vectors
 *   themselves are rebuilt from the postings only if Lunr's own engine asks for them.
 *
 * Layout: "MRGNIDX1", u32 header length, header JSON, then the sections listed in the header, each
 * starting on a 4-byte boundary. `compact-index-writer.ts` writes it.
 */

export const MAGIC = 'MRGNIDX1';
/** 2: weights travel in the postings and field vectors are no longer stored. */
export const FORMAT_VERSION = 2;

// @types/lunr lacks TokenSet.Builder, which Lunr's own Index.load uses to build the term automaton.
const TokenSetBuilder = (
  lunr.TokenSet as unknown as {
    Builder: new () => { insert(word: string): void; finish(): void; root: lunr.TokenSet };
  }
).Builder;

export interface Header {
  format: number;
  lunrVersion: string;
  fields: string[];
  pipeline: string[];
  refCount: number;
  termCount: number;
  sections: Record<'terms' | 'termOffsets' | 'postings', [offset: number, length: number]>;
}

/** The documents of one field holding a term, and the term's weight in each (its field-vector entry). */
export interface FieldPostings {
  refs: Int32Array;
  weights: Float64Array;
}

/** A loaded compact index: the Lunr index plus what query guards need to know about its terms. */
export interface CompactIndex {
  index: lunr.Index;
  fields: string[];
  refCount: number;
  /**
   * Lunr's term automaton, which prefix and fuzzy terms expand through (built when first asked for,
   * if the index was loaded with `lazyTokenSet`).
   */
  tokenSet(): lunr.TokenSet;
  /** Builds the term automaton `terms` terms further, so it can be built in slices; true once whole. */
  buildTokenSet(terms: number): boolean;
  /** Number of (field, ref) postings of an index term: what a query on it costs. 0 when absent. */
  postingCount(term: string): number;
  /** Position of an index term in the sorted term list (Lunr's `_index`), or -1. */
  termIndexOf(term: string): number;
  /** A term's postings per field (in `fields` order): refs ascending and Lunr's weight for each. */
  postingsOf(termIndex: number): FieldPostings[];
  /**
   * Set on a body shard by the loader: every shard of the corpus (this one included), so that a query
   * is normalised over the terms it matches in any shard, as in one index of the whole corpus.
   */
  shardGroup?: ShardGroup;
}

/** The body shards of one corpus, and the expansions of the query terms asked last (over them all). */
export interface ShardGroup {
  readonly shards: readonly CompactIndex[];
  readonly expansions: Map<string, string[]>;
}

/** Shared by every posting: the index stores no per-posting metadata. */
const NO_METADATA = Object.freeze({});
const POSTING_CACHE_LIMIT = 4096;

export interface LoadOptions {
  /**
   * Leave the term automaton (most of a load's time with a large vocabulary) until a prefix or fuzzy
   * term needs it, or buildTokenSet builds it.
   */
  lazyTokenSet?: boolean;
}

/** Loads a compact index into a real `lunr.Index`. Throws a plain Error when the bytes are not one. */
export function loadCompactIndex(input: Uint8Array, options: LoadOptions = {}): CompactIndex {
  // Typed views need 4-byte alignment; small Node buffers can sit at any offset of a shared pool.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const decoder = new TextDecoder();
  if (bytes.length < MAGIC.length + 4 || decoder.decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) {
    throw new Error('not a Margin search index (bad signature)');
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
  const header = JSON.parse(
    decoder.decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength)),
  ) as Header;
  if (header.format !== FORMAT_VERSION) throw new Error(`unsupported search index format ${header.format}`);
  const section = (name: keyof Header['sections']) => {
    const [offset, length] = header.sections[name];
    if (offset + length > bytes.length) throw new Error('search index is truncated');
    return bytes.subarray(offset, offset + length);
  };

  const { fields, refCount, termCount } = header;
  const terms = termCount === 0 ? [] : decoder.decode(section('terms')).split('\n');
  const termOffsetBytes = section('termOffsets');
  const termOffsets = new Uint32Array(termOffsetBytes.buffer, termOffsetBytes.byteOffset, termCount + 1);
  const postings = section('postings');

  let vectors: { elements: Float64Array; starts: Uint32Array } | null = null;
  const fieldPosition = new Map(fields.map((field, i) => [field, i]));

  const termIndexOf = (term: string): number => {
    let low = 0;
    let high = terms.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const candidate = terms[mid];
      if (candidate === term) return mid;
      if (candidate < term) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  };

  const cache = new Map<number, Record<string, unknown>>();
  const materialise = (termIndex: number): Record<string, unknown> => {
    const cached = cache.get(termIndex);
    if (cached !== undefined) return cached;
    const posting: Record<string, unknown> = { _index: termIndex };
    const cursor = new VarintCursor(postings, termOffsets[termIndex]);
    for (const field of fields) {
      const count = cursor.next();
      const refs: Record<number, object> = {};
      let ref = 0;
      for (let i = 0; i < count; i++) {
        ref += cursor.next();
        cursor.next(); // the weight: Lunr reads weights from the field vectors
        refs[ref] = NO_METADATA;
      }
      posting[field] = refs;
    }
    if (cache.size >= POSTING_CACHE_LIMIT) cache.delete(cache.keys().next().value as number);
    cache.set(termIndex, posting);
    return posting;
  };

  const invertedIndex = new Proxy(Object.create(null) as Record<string, unknown>, {
    get(_target, key) {
      if (typeof key !== 'string') return undefined;
      const termIndex = termIndexOf(key);
      return termIndex < 0 ? undefined : materialise(termIndex);
    },
    has(_target, key) {
      return typeof key === 'string' && termIndexOf(key) >= 0;
    },
    ownKeys() {
      return [...terms];
    },
    getOwnPropertyDescriptor(_target, key) {
      if (typeof key !== 'string' || termIndexOf(key) < 0) return undefined;
      return { value: materialise(termIndexOf(key)), enumerable: true, configurable: true, writable: false };
    },
  });

  const fieldVectors = new Proxy(Object.create(null) as Record<string, lunr.Vector>, {
    get(_target, key) {
      if (typeof key !== 'string') return undefined;
      const slash = key.indexOf('/');
      const field = fieldPosition.get(key.slice(0, slash));
      const ref = Number(key.slice(slash + 1));
      if (field === undefined || !Number.isInteger(ref) || ref < 0 || ref >= refCount) return undefined;
      // Only Lunr's own engine reads field vectors (Margin scores from the postings' weights), so they
      // are rebuilt from the postings the first time it asks.
      vectors ??= transposeToVectors(postings, termOffsets, termCount, fields.length, refCount);
      const slot = ref * fields.length + field;
      const { elements, starts } = vectors;
      return new lunr.Vector(elements.subarray(starts[slot], starts[slot + 1]) as unknown as number[]);
    },
  });

  // Decoded postings of the terms queried last, least recently used first (see DECODED_POSTINGS_BUDGET).
  const decoded = new Map<number, FieldPostings[]>();
  let decodedBytes = 0;

  // Terms are sorted, as the builder needs; it can take them a slice at a time.
  const builder = new TokenSetBuilder();
  let inserted = 0;
  let tokenSet: lunr.TokenSet | null = null;
  const buildTokenSet = (count: number): boolean => {
    if (tokenSet !== null) return true;
    const end = Math.min(terms.length, inserted + count);
    for (; inserted < end; inserted++) builder.insert(terms[inserted]);
    if (inserted < terms.length) return false;
    builder.finish();
    tokenSet = builder.root;
    return true;
  };
  const wholeTokenSet = (): lunr.TokenSet => {
    buildTokenSet(Infinity);
    return tokenSet as lunr.TokenSet;
  };
  if (!options.lazyTokenSet) buildTokenSet(Infinity);

  const index = new lunr.Index({
    invertedIndex,
    fieldVectors,
    tokenSet: null,
    fields,
    pipeline: lunr.Pipeline.load(header.pipeline),
  } as unknown as lunr.Index.Attributes);
  // Lunr's own query (which the engine uses for all-prohibited queries) reads index.tokenSet; the
  // expansion guard replaces it with its own.
  Object.defineProperty(index, 'tokenSet', {
    configurable: true,
    enumerable: true,
    get: wholeTokenSet,
    set: (value: unknown) =>
      Object.defineProperty(index, 'tokenSet', {
        value,
        writable: true,
        configurable: true,
        enumerable: true,
      }),
  });

  return {
    index,
    fields,
    refCount,
    tokenSet: wholeTokenSet,
    buildTokenSet,
    termIndexOf,
    postingsOf(termIndex) {
      const cached = decoded.get(termIndex);
      if (cached !== undefined) {
        decoded.delete(termIndex);
        decoded.set(termIndex, cached);
        return cached;
      }
      const fieldPostings = lazyFieldPostings(postings, termOffsets[termIndex], fields.length);
      const bytes = termOffsets[termIndex + 1] - termOffsets[termIndex];
      decoded.set(termIndex, fieldPostings);
      decodedBytes += bytes;
      for (const oldest of decoded.keys()) {
        if (decodedBytes <= DECODED_POSTINGS_BUDGET || oldest === termIndex) break;
        decoded.delete(oldest);
        decodedBytes -= termOffsets[oldest + 1] - termOffsets[oldest];
      }
      return fieldPostings;
    },
    postingCount(term) {
      const termIndex = termIndexOf(term);
      if (termIndex < 0) return 0;
      let total = 0;
      const cursor = new VarintCursor(postings, termOffsets[termIndex]);
      for (let f = 0; f < fields.length; f++) {
        const count = cursor.next();
        total += count;
        cursor.skip(2 * count);
      }
      return total;
    },
  };
}

/** Lunr's field vectors (term index, weight pairs in term order per ref and field) from the postings. */
function transposeToVectors(
  postings: Uint8Array,
  termOffsets: Uint32Array,
  termCount: number,
  fieldCount: number,
  refCount: number,
): { elements: Float64Array; starts: Uint32Array } {
  const slots = refCount * fieldCount;
  const starts = new Uint32Array(slots + 1);
  const forEachPosting = (visit: (slot: number, termIndex: number, weight: number) => void) => {
    for (let termIndex = 0; termIndex < termCount; termIndex++) {
      const cursor = new VarintCursor(postings, termOffsets[termIndex]);
      for (let field = 0; field < fieldCount; field++) {
        const count = cursor.next();
        let ref = 0;
        for (let i = 0; i < count; i++) {
          ref += cursor.next();
          visit(ref * fieldCount + field, termIndex, cursor.next() / 1000);
        }
      }
    }
  };
  forEachPosting((slot) => starts[slot + 1]++);
  for (let slot = 0; slot < slots; slot++) starts[slot + 1] += starts[slot];
  const elements = new Float64Array(starts[slots] * 2);
  const fill = starts.slice(0, slots);
  // Terms are visited in ascending order, so each vector comes out sorted as Lunr requires.
  forEachPosting((slot, termIndex, weight) => {
    const at = fill[slot]++ * 2;
    elements[at] = termIndex;
    elements[at + 1] = weight;
  });
  for (let slot = 0; slot <= slots; slot++) starts[slot] *= 2;
  return { elements, starts };
}
