/**
 * The body index in shards of consecutive documents, built without one Lunr builder over the corpus;
 * the meta index (titles, authors, headings) is built the same way, as one shard of its fields.
 *
 * `ShardTerms.add` (document by document) keeps, per shard, each document's field lengths and term
 * frequencies in typed arrays over the shard's own term dictionary, and tallies what the corpus stats
 * keep (document count, per field its total length). `serialise` writes the shard as a compact index
 * in counts mode: per term and field its documents and frequencies, and each document's field lengths.
 * Nothing in a shard depends on another shard: the BM25 weights, which read the whole corpus (a term's
 * postings over every shard, the average field lengths), are computed when a query decodes a term's
 * postings (compact-postings.ts), equal to the bit to those of one Lunr index over every document. So
 * one changed document rewrites only its own shard (`ShardTerms.fromShard`, index-update.ts).
 */
import { bodyPipeline, type FieldTerms } from './body-scoring';
import { averageOf, readIndexSections } from './compact-index';
import { serialiseCountsIndex } from './compact-index-writer';
import { VarintCursor } from './compact-postings';
import { BODY_FIELDS, type IndexField } from './search-files';

/**
 * A document's field terms as they cross from a content build worker to the build's thread: per field
 * its length, its distinct terms in first-seen order joined by line breaks (a term never holds one),
 * and their counts. A string and a typed array copy between threads at a fraction of the cost of an
 * object with a property per term.
 */
export type PackedFieldTerms = Record<IndexField, { length: number; terms: string; counts: Uint32Array }>;

export function packFieldTerms(terms: FieldTerms): PackedFieldTerms {
  const packed = {} as PackedFieldTerms;
  for (const field of BODY_FIELDS) {
    const { length, frequencies } = terms[field];
    const keys = Object.keys(frequencies);
    packed[field] = {
      length,
      terms: keys.join('\n'),
      counts: Uint32Array.from(keys, (key) => frequencies[key]),
    };
  }
  return packed;
}

/** What the corpus stats keep of the whole corpus: the document count and each field's total length. */
export class CorpusTally {
  documentCount = 0;
  readonly totalFieldLength = Object.fromEntries(BODY_FIELDS.map((field) => [field, 0])) as Record<
    IndexField,
    number
  >;

  /** Each field's average length (lunr.Builder#calculateAverageFieldLengths; 0 with no documents). */
  averageFieldLength(): Record<IndexField, number> {
    return Object.fromEntries(
      BODY_FIELDS.map((field) => [field, averageOf(this.totalFieldLength[field], this.documentCount)]),
    ) as Record<IndexField, number>;
  }
}

/** A growable Int32 list (a shard's term entries number millions: no per-document objects). */
class IntList {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  /** Lets go of the room grown for values that never came (up to half the list). */
  trim(): void {
    this.values = this.values.slice(0, this.length);
  }
}

/** One shard's documents' field terms over the shard's own term dictionary (the meta index: one shard). */
export class ShardTerms {
  readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  private sealed = false;
  /** Per field, per document: length, then count of entries, then (term id, frequency) per entry. */
  private readonly entries: IntList[];
  documentCount = 0;

  /** `tally`, if given, counts the documents added and their field lengths. */
  constructor(
    readonly fields: readonly IndexField[] = BODY_FIELDS,
    private readonly tally: CorpusTally | null = null,
  ) {
    this.entries = fields.map(() => new IntList());
  }

  add(packed: PackedFieldTerms): void {
    if (this.sealed) throw new Error('body shard: a document added after the shard was sealed');
    this.documentCount++;
    if (this.tally !== null) this.tally.documentCount++;
    this.fields.forEach((field, f) => {
      const { length, terms, counts } = packed[field];
      const list = this.entries[f];
      list.push(length);
      list.push(counts.length);
      if (this.tally !== null) this.tally.totalFieldLength[field] += length;
      if (counts.length === 0) return;
      const keys = terms.split('\n');
      if (keys.length !== counts.length) throw new Error('body shard: packed terms and counts differ');
      for (let i = 0; i < keys.length; i++) {
        list.push(this.idOf(keys[i]));
        list.push(counts[i]);
      }
    });
  }

  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  /**
   * Ends the shard (no more documents): drops the term lookup and the lists' spare room, which would
   * otherwise be held for every shard until it is written.
   */
  seal(): void {
    this.sealed = true;
    this.termIds.clear();
    for (const list of this.entries) list.trim();
  }

  /** The shard's compact index in counts mode (refs from 0): frequencies and field lengths. */
  serialise(): Uint8Array {
    const fieldCount = this.fields.length;
    const lengths = new Uint32Array(this.documentCount * fieldCount);
    // Per (term, field) a list: counted, then filled document by document, so its refs ascend.
    const listStart = new Uint32Array(this.terms.length * fieldCount + 1);
    const forEachEntry = (visit: (list: number, ref: number, frequency: number) => void) => {
      this.entries.forEach(({ values }, f) => {
        let at = 0;
        for (let ref = 0; ref < this.documentCount; ref++) {
          lengths[ref * fieldCount + f] = values[at++];
          const count = values[at++];
          for (let i = 0; i < count; i++, at += 2) visit(values[at] * fieldCount + f, ref, values[at + 1]);
        }
      });
    };
    forEachEntry((list) => listStart[list + 1]++);
    for (let list = 0; list < listStart.length - 1; list++) listStart[list + 1] += listStart[list];
    const fill = listStart.slice(0, -1);
    const refs = new Int32Array(listStart[listStart.length - 1]);
    const frequencies = new Int32Array(refs.length);
    forEachEntry((list, ref, frequency) => {
      const slot = fill[list]++;
      refs[slot] = ref;
      frequencies[slot] = frequency;
    });
    return serialiseCountsIndex(
      [...this.fields],
      bodyPipeline(),
      this.documentCount,
      this.terms,
      { listStart, refs, frequencies },
      lengths,
    );
  }

  /**
   * A shard written by `serialise`, back in this form, with the documents of `replacements` (by ref in
   * the shard) given their new terms: serialised again, it is the shard a full build would write.
   */
  static fromShard(
    bytes: Uint8Array,
    fields: readonly IndexField[],
    replacements: ReadonlyMap<number, PackedFieldTerms>,
  ): ShardTerms {
    const { header, terms, termOffsets, postings, fieldLengths } = readIndexSections(bytes);
    if (header.weighting !== 'counts' || header.fields.join() !== fields.join())
      throw new Error(`body shard: not a counts index of the fields ${fields.join(', ')}`);
    const refCount = header.refCount;
    const fieldCount = fields.length;
    for (const ref of replacements.keys())
      if (!Number.isInteger(ref) || ref < 0 || ref >= refCount)
        throw new Error(`body shard: no document ${ref} among its ${refCount}`);
    const shard = new ShardTerms(fields);
    shard.documentCount = refCount;
    for (const term of terms) shard.idOf(term);
    const replaced = new Uint8Array(refCount);
    for (const ref of replacements.keys()) replaced[ref] = 1;
    // Entries per (document, field): kept ones counted from the postings, replaced ones from their terms.
    const counts = new Uint32Array(refCount * fieldCount);
    const forEachKept = (visit: (slot: number, id: number, frequency: number) => void) => {
      for (let id = 0; id < terms.length; id++) {
        const cursor = new VarintCursor(postings, termOffsets[id]);
        for (let f = 0; f < fieldCount; f++) {
          const count = cursor.next();
          let ref = 0;
          for (let i = 0; i < count; i++) {
            ref += cursor.next();
            const frequency = cursor.next();
            if (replaced[ref] === 0) visit(ref * fieldCount + f, id, frequency);
          }
        }
      }
    };
    forEachKept((slot) => counts[slot]++);
    const replacementIds = new Map<number, Array<{ length: number; ids: number[]; counts: Uint32Array }>>();
    for (const [ref, packed] of replacements) {
      replacementIds.set(
        ref,
        fields.map((field, f) => {
          const { length, terms: joined, counts: frequencies } = packed[field];
          const ids = frequencies.length === 0 ? [] : joined.split('\n').map((term) => shard.idOf(term));
          if (ids.length !== frequencies.length)
            throw new Error('body shard: packed terms and counts differ');
          counts[ref * fieldCount + f] = ids.length;
          return { length, ids, counts: frequencies };
        }),
      );
    }
    // Where each (document, field)'s next entry goes in its field's list.
    const fill = new Uint32Array(refCount * fieldCount);
    fields.forEach((_field, f) => {
      let size = 0;
      for (let ref = 0; ref < refCount; ref++) size += 2 + 2 * counts[ref * fieldCount + f];
      const list = shard.entries[f];
      list.values = new Int32Array(size);
      list.length = size;
      let at = 0;
      for (let ref = 0; ref < refCount; ref++) {
        const slot = ref * fieldCount + f;
        const own = replacementIds.get(ref)?.[f];
        list.values[at] = own?.length ?? fieldLengths[slot];
        list.values[at + 1] = counts[slot];
        fill[slot] = at + 2;
        if (own !== undefined)
          own.ids.forEach((id, i) => {
            list.values[fill[slot]++] = id;
            list.values[fill[slot]++] = own.counts[i];
          });
        at += 2 + 2 * counts[slot];
      }
    });
    forEachKept((slot, id, frequency) => {
      const values = shard.entries[slot % fieldCount].values;
      values[fill[slot]++] = id;
      values[fill[slot]++] = frequency;
    });
    shard.seal();
    return shard;
  }
}
