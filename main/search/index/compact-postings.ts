/**
 * Reading the compact index's postings (see compact-index.ts): varints forward, and a term's postings
 * decoded field by field only when a query reads them.
 */
import { fieldWeight } from './body-scoring';
import type { FieldPostings } from './compact-index';
import type { IndexField } from './search-files';

/**
 * How a counts index's postings (term frequencies) become Lunr's weights, for one term: its idf over
 * the corpus (asked once, when a field of the term is first decoded), each document's field lengths
 * and the corpus's average field lengths.
 */
export interface TermWeighing {
  idf: () => number;
  /** ref * fields.length + field. */
  fieldLengths: Uint32Array;
  averageFieldLength: readonly number[];
  fields: readonly IndexField[];
}

/**
 * Encoded bytes of postings whose decoded form is kept between queries: a reader typing "secur",
 * "securi", "security" asks for the same frequent terms again and again, and decoding a common word's
 * postings costs more than the rest of its query. Decoded, a posting takes 12 bytes against 2–4 encoded,
 * so this keeps ~15–25 MB at most.
 */
export const DECODED_POSTINGS_BUDGET = 2_000_000;

/**
 * A term's postings per field, each decoded only when read: a `title:` query reads only the title
 * field's, never the thousands of body postings of the same word.
 */
export function lazyFieldPostings(
  postings: Uint8Array,
  offset: number,
  fieldCount: number,
  weighing: TermWeighing | null = null,
): FieldPostings[] {
  const starts: number[] = [];
  const cursor = new VarintCursor(postings, offset);
  for (let field = 0; field < fieldCount; field++) {
    starts.push(cursor.at);
    // The last field (the body, most of a term's postings) need not be walked to find where it starts.
    if (field === fieldCount - 1) break;
    const count = cursor.next();
    cursor.skip(2 * count);
  }
  let idf: number | undefined;
  return starts.map((start, field) => {
    let decodedField: FieldPostings | null = null;
    const decode = (): FieldPostings => {
      if (decodedField !== null) return decodedField;
      decodedField = decodeField(postings, start, weighing === null ? 1000 : 1);
      if (weighing !== null) weighCounts(decodedField, (idf ??= weighing.idf()), weighing, field);
      return decodedField;
    };
    return {
      get refs() {
        return decode().refs;
      },
      get weights() {
        return decode().weights;
      },
    };
  });
}

/**
 * One field's postings from `start`: their count, then (ref delta, value) pairs, each value divided by
 * `divisor` (weights are stored in thousandths; frequencies are read as they are). The
 * varints are read inline, with the position in a local, because this loop runs over every posting a
 * query reads for the first time (a common word's are tens of thousands).
 */
function decodeField(bytes: Uint8Array, start: number, divisor: number): FieldPostings {
  const cursor = new VarintCursor(bytes, start);
  const count = cursor.next();
  const refs = new Int32Array(count);
  const weights = new Float64Array(count);
  const end = bytes.length;
  let at = cursor.at;
  let ref = 0;
  for (let i = 0; i < 2 * count; i++) {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      if (at >= end) throw new Error('search index is damaged (varint runs past its section)');
      byte = bytes[at++];
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    if ((i & 1) === 0) refs[i >> 1] = ref += value >>> 0;
    else weights[i >> 1] = (value >>> 0) / divisor;
  }
  return { refs, weights };
}

/**
 * Turns one field's decoded frequencies into Lunr's weights: fieldWeight with
 * the same arguments lunr.Builder gives it, so each weight is equal to the bit to a stored one.
 */
function weighCounts(postings: FieldPostings, idf: number, weighing: TermWeighing, field: number): void {
  const { refs, weights } = postings;
  const { fieldLengths } = weighing;
  const fieldCount = weighing.fields.length;
  const average = weighing.averageFieldLength[field];
  const name = weighing.fields[field];
  for (let i = 0; i < refs.length; i++) {
    weights[i] =
      fieldWeight(idf, weights[i], fieldLengths[refs[i] * fieldCount + field], average, name) / 1000;
  }
}

/** Reads unsigned varints forward from a position; a class so hot loops allocate nothing. */
export class VarintCursor {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  next(): number {
    const bytes = this.bytes;
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      if (this.at >= bytes.length) throw new Error('search index is damaged (varint runs past its section)');
      byte = bytes[this.at++];
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return value >>> 0;
  }

  /** Moves past `count` varints without decoding them. */
  skip(count: number): void {
    const bytes = this.bytes;
    for (let left = count; left > 0; this.at++) {
      if (this.at >= bytes.length) throw new Error('search index is damaged (varint runs past its section)');
      if ((bytes[this.at] & 0x80) === 0) left--;
    }
  }
}

/** Lunr's field vectors (term index, weight pairs in term order per ref and field) from the postings. */
export function transposeToVectors(
  postings: Uint8Array,
  termOffsets: Uint32Array,
  termCount: number,
  fieldCount: number,
  refCount: number,
  weighingOf: (termIndex: number) => TermWeighing | null = () => null,
): { elements: Float64Array; starts: Uint32Array } {
  const slots = refCount * fieldCount;
  const starts = new Uint32Array(slots + 1);
  const forEachPosting = (
    visit: (slot: number, termIndex: number, weight: number) => void,
    weigh: boolean,
  ) => {
    for (let termIndex = 0; termIndex < termCount; termIndex++) {
      const cursor = new VarintCursor(postings, termOffsets[termIndex]);
      const weighing = weigh ? weighingOf(termIndex) : null;
      let idf: number | undefined;
      for (let field = 0; field < fieldCount; field++) {
        const count = cursor.next();
        let ref = 0;
        for (let i = 0; i < count; i++) {
          ref += cursor.next();
          const value = cursor.next();
          const slot = ref * fieldCount + field;
          if (weighing === null) visit(slot, termIndex, value / 1000);
          else {
            idf ??= weighing.idf();
            const length = weighing.fieldLengths[slot];
            const average = weighing.averageFieldLength[field];
            visit(slot, termIndex, fieldWeight(idf, value, length, average, weighing.fields[field]) / 1000);
          }
        }
      }
    }
  };
  forEachPosting((slot) => starts[slot + 1]++, false);
  for (let slot = 0; slot < slots; slot++) starts[slot + 1] += starts[slot];
  const elements = new Float64Array(starts[slots] * 2);
  const fill = starts.slice(0, slots);
  // Terms are visited in ascending order, so each vector comes out sorted as Lunr requires.
  forEachPosting((slot, termIndex, weight) => {
    const at = fill[slot]++ * 2;
    elements[at] = termIndex;
    elements[at + 1] = weight;
  }, true);
  for (let slot = 0; slot <= slots; slot++) starts[slot] *= 2;
  return { elements, starts };
}
