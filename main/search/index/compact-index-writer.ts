/** Writes the compact form of a `lunr.Index` that `compact-index.ts` describes and loads. */
import lunr from 'lunr';
import { FORMAT_VERSION, MAGIC, type Header } from './compact-index';

class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  varint(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
      throw new Error(`compact index: cannot encode ${value} (expected an integer 0..2^31-1)`);
    }
    this.ensure(5);
    while (value >= 0x80) {
      this.bytes[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.bytes[this.length++] = value;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

type StockPosting = Record<string, Record<string, unknown>> & { _index: number };

/** Serialises a built `lunr.Index` whose refs are "0".."refCount-1". Throws on any other index. */
export function serialiseCompactIndex(index: lunr.Index): Uint8Array {
  const raw = index as unknown as {
    invertedIndex: Record<string, StockPosting>;
    fieldVectors: Record<string, { elements: number[] }>;
    fields: string[];
    pipeline: lunr.Pipeline;
  };
  const fields = raw.fields;
  const fieldCount = fields.length;
  const terms = Object.keys(raw.invertedIndex).sort();
  const newIndexOf = new Map<number, number>();
  terms.forEach((term, position) => newIndexOf.set(raw.invertedIndex[term]._index, position));

  const vectorKeys = Object.keys(raw.fieldVectors);
  const refCount = vectorKeys.length / fieldCount;
  if (!Number.isInteger(refCount)) throw new Error('compact index: every document needs a vector per field');
  const vectorOf = (ref: number, field: string) => {
    const vector = raw.fieldVectors[`${field}/${ref}`];
    if (vector === undefined)
      throw new Error(`compact index: refs must be 0..${refCount - 1}; missing ${field}/${ref}`);
    return vector.elements;
  };

  // The field vectors, transposed: per term and field, the refs holding it with their weight. Lunr
  // rounds weights to thousandths, so they are stored exactly as integers.
  const lists = terms.length * fieldCount;
  const listStart = new Uint32Array(lists + 1);
  for (let ref = 0; ref < refCount; ref++) {
    fields.forEach((field, f) => {
      const elements = vectorOf(ref, field);
      for (let i = 0; i < elements.length; i += 2)
        listStart[(newIndexOf.get(elements[i]) as number) * fieldCount + f + 1]++;
    });
  }
  for (let i = 0; i < lists; i++) listStart[i + 1] += listStart[i];
  const fill = listStart.slice(0, lists);
  const listRefs = new Int32Array(listStart[lists]);
  const listWeights = new Int32Array(listStart[lists]);
  for (let ref = 0; ref < refCount; ref++) {
    fields.forEach((field, f) => {
      const elements = vectorOf(ref, field);
      for (let i = 0; i < elements.length; i += 2) {
        const slot = fill[(newIndexOf.get(elements[i]) as number) * fieldCount + f]++;
        listRefs[slot] = ref;
        listWeights[slot] = Math.round(elements[i + 1] * 1000);
      }
    });
  }

  const termOffsets = new Uint32Array(terms.length + 1);
  const postings = new ByteWriter();
  terms.forEach((term, position) => {
    termOffsets[position] = postings.length;
    const posting = raw.invertedIndex[term];
    fields.forEach((field, f) => {
      const from = listStart[position * fieldCount + f];
      const to = listStart[position * fieldCount + f + 1];
      if (Object.keys(posting[field] ?? {}).length !== to - from) {
        throw new Error(`compact index: postings of "${term}" in ${field} disagree with the field vectors`);
      }
      postings.varint(to - from);
      let previous = 0;
      for (let i = from; i < to; i++) {
        postings.varint(listRefs[i] - previous);
        postings.varint(listWeights[i]);
        previous = listRefs[i];
      }
    });
  });
  termOffsets[terms.length] = postings.length;

  return assemble(
    {
      terms: new TextEncoder().encode(terms.join('\n')),
      termOffsets: new Uint8Array(termOffsets.buffer),
      postings: postings.result(),
    },
    {
      format: FORMAT_VERSION,
      lunrVersion: lunr.version,
      fields,
      pipeline: raw.pipeline.toJSON() as unknown as string[],
      refCount,
      termCount: terms.length,
      weighting: 'stored',
    },
  );
}

/**
 * Per term, per field (in `fields` order; a field holding none may be left out): refs ascending and
 * their weights in thousandths.
 */
export type TermPostings = Array<{ refs: number[]; weights: number[] }>;

/**
 * Writes a compact index straight from postings whose weights were computed elsewhere (the reader's own
 * documents, scored against the bundled corpus: search/index/user-segments.ts).
 */
export function serialiseCompactPostings(
  fields: string[],
  pipeline: string[],
  refCount: number,
  postingsByTerm: Map<string, TermPostings>,
): Uint8Array {
  const terms = [...postingsByTerm.keys()].sort();
  const termOffsets = new Uint32Array(terms.length + 1);
  const postings = new ByteWriter();
  terms.forEach((term, position) => {
    termOffsets[position] = postings.length;
    const perField = postingsByTerm.get(term) as TermPostings;
    fields.forEach((_field, f) => {
      const { refs, weights } = perField[f] ?? { refs: [], weights: [] };
      postings.varint(refs.length);
      let previous = 0;
      refs.forEach((ref, i) => {
        postings.varint(ref - previous);
        postings.varint(weights[i]);
        previous = ref;
      });
    });
  });
  termOffsets[terms.length] = postings.length;
  return assemble(
    {
      terms: new TextEncoder().encode(terms.join('\n')),
      termOffsets: new Uint8Array(termOffsets.buffer),
      postings: postings.result(),
    },
    {
      format: FORMAT_VERSION,
      lunrVersion: lunr.version,
      fields,
      pipeline,
      refCount,
      termCount: terms.length,
      weighting: 'stored',
    },
  );
}

/**
 * Postings in flat arrays: list (term id, field) is positions listStart[id * fields + field] up to the
 * next list's start of `refs` (ascending) and `frequencies`.
 */
export interface PostingLists {
  listStart: Uint32Array;
  refs: Int32Array;
  frequencies: Int32Array;
}

/**
 * Writes a compact index in counts mode (body-shards.ts): per term and field its refs and frequencies,
 * and each document's length in each field (`fieldLengths`, ref * fields + field). Terms without a
 * single posting are left out.
 */
export function serialiseCountsIndex(
  fields: string[],
  pipeline: string[],
  refCount: number,
  terms: readonly string[],
  lists: PostingLists,
  fieldLengths: Uint32Array,
): Uint8Array {
  const fieldCount = fields.length;
  if (fieldLengths.length !== refCount * fieldCount)
    throw new Error('compact index: field lengths need one per document and field');
  const { listStart, refs, frequencies } = lists;
  const ids: number[] = [];
  for (let id = 0; id < terms.length; id++)
    if (listStart[(id + 1) * fieldCount] > listStart[id * fieldCount]) ids.push(id);
  // The order of a plain sort(): UTF-16 code units.
  ids.sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
  const termOffsets = new Uint32Array(ids.length + 1);
  const postings = new ByteWriter();
  ids.forEach((id, position) => {
    termOffsets[position] = postings.length;
    for (let f = 0; f < fieldCount; f++) {
      const [from, to] = [listStart[id * fieldCount + f], listStart[id * fieldCount + f + 1]];
      postings.varint(to - from);
      let previous = 0;
      for (let i = from; i < to; i++) {
        postings.varint(refs[i] - previous);
        postings.varint(frequencies[i]);
        previous = refs[i];
      }
    }
  });
  termOffsets[ids.length] = postings.length;
  return assemble(
    {
      terms: new TextEncoder().encode(ids.map((id) => terms[id]).join('\n')),
      termOffsets: new Uint8Array(termOffsets.buffer),
      postings: postings.result(),
      fieldLengths: new Uint8Array(fieldLengths.buffer, fieldLengths.byteOffset, fieldLengths.byteLength),
    },
    {
      format: FORMAT_VERSION,
      lunrVersion: lunr.version,
      fields,
      pipeline,
      refCount,
      termCount: ids.length,
      weighting: 'counts',
    },
  );
}

function assemble(
  data: Record<'terms' | 'termOffsets' | 'postings', Uint8Array> & { fieldLengths?: Uint8Array },
  header: Omit<Header, 'sections'>,
): Uint8Array {
  const align = (n: number) => Math.ceil(n / 4) * 4;
  // The header's own length changes the offsets; a fixed-width placeholder pass settles it.
  const parts = Object.entries(data).filter(
    (part): part is [keyof Header['sections'], Uint8Array] => part[1] !== undefined,
  );
  const sections = {} as Header['sections'];
  for (const [name, part] of parts) sections[name] = [0xffffffff, part.length];
  const headerLength = new TextEncoder().encode(JSON.stringify({ ...header, sections })).length;
  let offset = align(MAGIC.length + 4 + headerLength);
  for (const [name, part] of parts) {
    sections[name] = [offset, part.length];
    offset = align(offset + part.length);
  }
  const headerBytes = new TextEncoder().encode(
    JSON.stringify({ ...header, sections }).padEnd(headerLength, ' '),
  );
  const out = new Uint8Array(offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, headerBytes.length, true);
  out.set(headerBytes, MAGIC.length + 4);
  for (const [name, part] of parts) out.set(part, (sections[name] as [number, number])[0]);
  return out;
}
