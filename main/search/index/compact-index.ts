import lunr from 'lunr';
// Registers Margin's pipeline step, which an index's serialised pipeline names.
import './word-forms';
import {
  DECODED_POSTINGS_BUDGET,
  lazyFieldPostings,
  transposeToVectors,
  VarintCursor,
  type TermWeighing,
} from './compact-postings';
import { lunrIdf } from './body-scoring';
import { FIELD_BOOSTS, type IndexField } from './search-files';

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
 * - each posting carries, by the header's `weighting`, either the term's weight in that document's field
 *   vector (`stored`: Lunr rounds weights to thousandths, so they are exact integers) or the term's
 *   frequency in that field (`counts`), with each document's field lengths in a section of their own.
 *   A counts index is weighed when a term's postings are decoded, with Lunr's BM25 against the corpus
 *   it belongs to (`scoreAgainst`: for a body shard, every shard of the bundle; alone, the index itself),
 *   so one document changed rewrites only its own file. Either way scoring reads postings sequentially;
 *   the field vectors are rebuilt from the postings only if Lunr's own engine asks for them.
 *
 * Layout: "MRGNIDX1", u32 header length, header JSON, then the sections listed in the header, each
 * starting on a 4-byte boundary. `compact-index-writer.ts` writes it.
 *
 * `loadCompactIndexFile` (compact-index-file.ts) leaves the postings on disk.
 */

export const MAGIC = 'MRGNIDX1';
/**
 * 2: weights travel in the postings and field vectors are no longer stored. 3: the header names its
 * `weighting`; a counts index stores frequencies and field lengths, weighed at query time.
 */
export const FORMAT_VERSION = 3;

/** What a posting holds: the term's final weight in thousandths, or its frequency in the field. */
export type Weighting = 'stored' | 'counts';

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
  weighting: Weighting;
  /** `fieldLengths` (counts only): u32 per document and field, document by document, in `fields` order. */
  sections: Record<'terms' | 'termOffsets' | 'postings', [offset: number, length: number]> &
    Partial<Record<'fieldLengths', [offset: number, length: number]>>;
}

/** What Lunr's BM25 reads of the corpus a counts index is weighed against. */
export interface CorpusFigures {
  documentCount: number;
  /** Per field of the index, in its `fields` order (lunr.Builder#calculateAverageFieldLengths). */
  averageFieldLength: readonly number[];
  /** (field, document) postings of a term over the whole corpus: what lunr.idf counts. */
  documentsWithTerm(term: string): number;
}

/** Each field's average length, exactly as lunr.Builder computes it (0 with no documents). */
export function averageOf(totalFieldLength: number, documentCount: number): number {
  return documentCount === 0 ? 0 : totalFieldLength / documentCount;
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
   * Lunr's term automaton, which only Lunr's own engine expands prefix and fuzzy terms through (Margin's
   * compact query expands them over `terms`); built when first asked for, if loaded with `lazyTokenSet`.
   */
  tokenSet(): lunr.TokenSet;
  /** Builds the term automaton `terms` terms further, so it can be built in slices; true once whole. */
  buildTokenSet(terms: number): boolean;
  /** Number of (field, ref) postings of an index term: what a query on it costs. 0 when absent. */
  postingCount(term: string): number;
  /**
   * A bound `postingCount` never exceeds, from the term's offsets alone (no read): every field's count
   * takes a byte and every posting two (its ref and its weight).
   */
  postingCountAtMost(term: string): number;
  /** Every index term, sorted in string (UTF-16 code unit) order: what prefix and fuzzy terms expand over. */
  terms: readonly string[];
  /** Position of an index term in the sorted term list (Lunr's `_index`), or -1. */
  termIndexOf(term: string): number;
  /** A term's postings per field (in `fields` order): refs ascending and Lunr's weight for each. */
  postingsOf(termIndex: number): FieldPostings[];
  weighting: Weighting;
  /** Counts only: each document's length in each field (ref * fields.length + field). */
  fieldLengths: Uint32Array | null;
  /**
   * Counts only: weigh the postings against `corpus` from now on (a body shard's loader gives the whole
   * bundle's figures); until then a counts index is its own corpus. Stored weights ignore it.
   */
  scoreAgainst(corpus: CorpusFigures): void;
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
   * Leave the term automaton (most of a load's time with a large vocabulary) until Lunr's own engine
   * asks for it (Margin's queries never do: sorted-expansion.ts), or buildTokenSet builds it.
   */
  lazyTokenSet?: boolean;
}

/** Where a loaded index reads its postings from: its bytes in memory, or its file. */
export interface PostingsReader {
  /** Bytes holding term `termIndex`'s postings, and where they start in them. */
  term(termIndex: number): { bytes: Uint8Array; at: number };
  /** Every term's postings, as laid out in the file (only Lunr's own engine needs them all). */
  all(): Uint8Array;
}

const decoder = new TextDecoder();

/** The header of an index whose first bytes are `head` (at least the magic and the header length). */
export function readHeader(head: Uint8Array, readMore: (length: number) => Uint8Array): Header {
  if (head.length < MAGIC.length + 4 || decoder.decode(head.subarray(0, MAGIC.length)) !== MAGIC) {
    throw new Error('not a Margin search index (bad signature)');
  }
  const headerLength = new DataView(head.buffer, head.byteOffset).getUint32(MAGIC.length, true);
  const bytes = readMore(MAGIC.length + 4 + headerLength);
  if (bytes.length < MAGIC.length + 4 + headerLength) throw new Error('search index is truncated');
  let header: Header;
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength)));
  } catch {
    throw new Error('search index is damaged (unreadable header)');
  }
  if (header.format !== FORMAT_VERSION) throw new Error(`unsupported search index format ${header.format}`);
  if (header.weighting !== 'stored' && header.weighting !== 'counts')
    throw new Error('search index is damaged (unknown weighting)');
  if (header.weighting === 'counts' && header.sections.fieldLengths === undefined)
    throw new Error('search index is damaged (its field lengths are missing)');
  return header;
}

/** A whole index file's header, and its sections by name (each checked to lie within the bytes). */
function openSections(input: Uint8Array): {
  header: Header;
  section: (name: keyof Header['sections']) => Uint8Array;
} {
  // Typed views need 4-byte alignment; small Node buffers can sit at any offset of a shared pool.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const header = readHeader(bytes, () => bytes);
  const section = (name: keyof Header['sections']) => {
    const [offset, length] = header.sections[name] ?? [0, 0];
    if (offset + length > bytes.length) throw new Error('search index is truncated');
    return bytes.subarray(offset, offset + length);
  };
  return { header, section };
}

/** Loads a compact index into a real `lunr.Index`. Throws a plain Error when the bytes are not one. */
export function loadCompactIndex(input: Uint8Array, options: LoadOptions = {}): CompactIndex {
  const { header, section } = openSections(input);
  const termOffsets = termOffsetsOf(section('termOffsets'), header.termCount);
  const postings = section('postings');
  const reader: PostingsReader = {
    term: (termIndex) => ({ bytes: postings, at: termOffsets[termIndex] }),
    all: () => postings,
  };
  const lengths =
    header.sections.fieldLengths === undefined ? null : fieldLengthsOf(section('fieldLengths'), header);
  return indexOf(header, section('terms'), termOffsets, reader, options, lengths);
}

/** The field lengths section as u32s, refused unless it holds one per document and field. */
export function fieldLengthsOf(bytes: Uint8Array, header: Header): Uint32Array {
  const expected = header.refCount * header.fields.length;
  if (bytes.length !== expected * 4)
    throw new Error('search index is damaged (its field lengths do not match its documents)');
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, expected);
}

/** A counts index's field lengths alone, without reading its terms (index-update.ts). */
export function readFieldLengths(input: Uint8Array): Uint32Array {
  const { header, section } = openSections(input);
  if (header.sections.fieldLengths === undefined) throw new Error('search index: not a counts index');
  return fieldLengthsOf(section('fieldLengths'), header);
}

/** A counts index's parts, read straight from its bytes (to be rewritten: index-update.ts). */
export function readIndexSections(input: Uint8Array): {
  header: Header;
  terms: string[];
  termOffsets: Uint32Array;
  postings: Uint8Array;
  fieldLengths: Uint32Array;
} {
  const { header, section } = openSections(input);
  if (header.weighting !== 'counts') throw new Error('search index: not a counts index');
  return {
    header,
    terms: header.termCount === 0 ? [] : decoder.decode(section('terms')).split('\n'),
    termOffsets: termOffsetsOf(section('termOffsets'), header.termCount),
    postings: section('postings'),
    fieldLengths: fieldLengthsOf(section('fieldLengths'), header),
  };
}

export function termOffsetsOf(bytes: Uint8Array, termCount: number): Uint32Array {
  if (bytes.length < (termCount + 1) * 4) throw new Error('search index is truncated');
  // A section read on its own starts at 0 of its buffer; one inside the file's bytes on a 4-byte boundary.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, termCount + 1);
}

/** Number of term positions whose posting counts are remembered (a file-backed index reads them). */
const POSTING_COUNT_CACHE_LIMIT = 16_384;

/** The loaded index over its terms, their offsets and a reader of their postings. */
export function indexOf(
  header: Header,
  termBytes: Uint8Array,
  termOffsets: Uint32Array,
  reader: PostingsReader,
  options: LoadOptions,
  fieldLengths: Uint32Array | null = null,
): CompactIndex {
  const { fields, refCount, termCount, weighting } = header;
  if (weighting === 'counts' && fieldLengths === null)
    throw new Error('search index is damaged (its field lengths are missing)');
  const boosts = fields.map((field) => {
    if (weighting === 'counts' && !Object.hasOwn(FIELD_BOOSTS, field))
      throw new Error(`search index is damaged (no boost for field "${field}")`);
    return field as IndexField;
  });
  const terms = termCount === 0 ? [] : decoder.decode(termBytes).split('\n');

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

  let corpus: CorpusFigures | null = null;
  // Alone, a counts index is its own corpus: its documents, its postings, its field lengths.
  const ownCorpus = (): CorpusFigures => {
    const totals = fields.map(() => 0);
    const lengths = fieldLengths as Uint32Array;
    for (let i = 0; i < lengths.length; i++) totals[i % fields.length] += lengths[i];
    return {
      documentCount: refCount,
      averageFieldLength: totals.map((total) => averageOf(total, refCount)),
      documentsWithTerm: (term) => compact.postingCount(term),
    };
  };
  /** How term `termIndex`'s counts become weights; null for stored weights. */
  const weighingOf = (termIndex: number): TermWeighing | null => {
    if (weighting === 'stored') return null;
    corpus ??= ownCorpus();
    const figures = corpus;
    return {
      idf: () => lunrIdf(figures.documentsWithTerm(terms[termIndex]), figures.documentCount),
      fieldLengths: fieldLengths as Uint32Array,
      averageFieldLength: figures.averageFieldLength,
      fields: boosts,
    };
  };

  const cache = new Map<number, Record<string, unknown>>();
  const materialise = (termIndex: number): Record<string, unknown> => {
    const cached = cache.get(termIndex);
    if (cached !== undefined) return cached;
    const posting: Record<string, unknown> = { _index: termIndex };
    const { bytes, at } = reader.term(termIndex);
    const cursor = new VarintCursor(bytes, at);
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
      vectors ??= transposeToVectors(
        reader.all(),
        termOffsets,
        termCount,
        fields.length,
        refCount,
        weighingOf,
      );
      const slot = ref * fields.length + field;
      const { elements, starts } = vectors;
      return new lunr.Vector(elements.subarray(starts[slot], starts[slot + 1]) as unknown as number[]);
    },
  });

  const postingCounts = new Map<number, number>();
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

  const compact: CompactIndex = {
    index,
    fields,
    refCount,
    weighting,
    fieldLengths,
    scoreAgainst(figures) {
      if (figures.averageFieldLength.length !== fields.length)
        throw new Error('search index: corpus figures for other fields');
      corpus = figures;
      // Weights decoded so far were against another corpus.
      decoded.clear();
      decodedBytes = 0;
      vectors = null;
    },
    tokenSet: wholeTokenSet,
    buildTokenSet,
    terms,
    termIndexOf,
    postingsOf(termIndex) {
      const cached = decoded.get(termIndex);
      if (cached !== undefined) {
        decoded.delete(termIndex);
        decoded.set(termIndex, cached);
        return cached;
      }
      const { bytes: termPostings, at } = reader.term(termIndex);
      const fieldPostings = lazyFieldPostings(termPostings, at, fields.length, weighingOf(termIndex));
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
    postingCountAtMost(term) {
      const termIndex = termIndexOf(term);
      if (termIndex < 0) return 0;
      return Math.max(
        0,
        Math.floor((termOffsets[termIndex + 1] - termOffsets[termIndex] - fields.length) / 2),
      );
    },
    postingCount(term) {
      const termIndex = termIndexOf(term);
      if (termIndex < 0) return 0;
      const known = postingCounts.get(termIndex);
      if (known !== undefined) return known;
      let total = 0;
      const { bytes, at } = reader.term(termIndex);
      const cursor = new VarintCursor(bytes, at);
      for (let f = 0; f < fields.length; f++) {
        const count = cursor.next();
        total += count;
        cursor.skip(2 * count);
      }
      if (postingCounts.size >= POSTING_COUNT_CACHE_LIMIT) postingCounts.clear();
      postingCounts.set(termIndex, total);
      return total;
    },
  };
  return compact;
}
