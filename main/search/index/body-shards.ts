/**
 * The body index in shards of consecutive documents, built without one Lunr builder over the corpus.
 *
 * Pass 1 (`ShardTerms.add`, document by document) keeps, per shard, each document's field lengths and
 * term frequencies in typed arrays over the shard's own term dictionary, and tallies for the whole
 * corpus what Lunr's scoring reads: per term its (field, document) postings, per field its total
 * length. Pass 2 (`writeShard`) weighs each shard's terms against those corpus figures, exactly as
 * lunr.Builder would have in one index over every document, and writes the shard's compact index.
 */
import { bodyPipeline, fieldWeight, lunrIdf, type FieldTerms } from './body-scoring';
import { serialiseCompactPostings, type TermPostings } from './compact-index-writer';
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

/** What Lunr's BM25 reads of the whole corpus. */
export class CorpusTally {
  documentCount = 0;
  /** Per term, its (field, document) postings over every document: what lunr.idf counts. */
  readonly documentsWithTerm = new Map<string, number>();
  readonly totalFieldLength = Object.fromEntries(BODY_FIELDS.map((field) => [field, 0])) as Record<
    IndexField,
    number
  >;

  /** Each field's average length (lunr.Builder#calculateAverageFieldLengths; 0 with no documents). */
  averageFieldLength(): Record<IndexField, number> {
    const count = this.documentCount;
    return Object.fromEntries(
      BODY_FIELDS.map((field) => [field, count === 0 ? 0 : this.totalFieldLength[field] / count]),
    ) as Record<IndexField, number>;
  }

  /** Adds the counts of another tally (one shard's, counted elsewhere). */
  merge(other: CorpusTally): void {
    this.documentCount += other.documentCount;
    for (const field of BODY_FIELDS) this.totalFieldLength[field] += other.totalFieldLength[field];
    for (const [term, count] of other.documentsWithTerm)
      this.documentsWithTerm.set(term, (this.documentsWithTerm.get(term) ?? 0) + count);
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

/** Pass 1 of one shard: its documents' field terms, over the shard's own term dictionary. */
export class ShardTerms {
  readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  private sealed = false;
  /** Per field, per document: length, then count of entries, then (term id, frequency) per entry. */
  private readonly entries = BODY_FIELDS.map(() => new IntList());
  documentCount = 0;

  constructor(private readonly tally: CorpusTally) {}

  add(packed: PackedFieldTerms): void {
    if (this.sealed) throw new Error('body shard: a document added after the shard was sealed');
    this.documentCount++;
    this.tally.documentCount++;
    BODY_FIELDS.forEach((field, f) => {
      const { length, terms, counts } = packed[field];
      const list = this.entries[f];
      list.push(length);
      list.push(counts.length);
      this.tally.totalFieldLength[field] += length;
      if (counts.length === 0) return;
      const keys = terms.split('\n');
      if (keys.length !== counts.length) throw new Error('body shard: packed terms and counts differ');
      for (let i = 0; i < keys.length; i++) {
        const term = keys[i];
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.terms.length;
          this.terms.push(term);
          this.termIds.set(term, id);
        }
        list.push(id);
        list.push(counts[i]);
        this.tally.documentsWithTerm.set(term, (this.tally.documentsWithTerm.get(term) ?? 0) + 1);
      }
    });
  }

  /**
   * Ends pass 1 for this shard (no more documents): drops the term lookup and the lists' spare room,
   * which would otherwise be held for every shard until pass 2.
   */
  seal(): void {
    this.sealed = true;
    this.termIds.clear();
    for (const list of this.entries) list.trim();
  }

  /**
   * Pass 2: the shard's compact index (refs from 0), every weight computed against the whole corpus
   * (`tally`, complete by now), so that it equals the weight in one index over every document.
   */
  serialise(tally: CorpusTally): Uint8Array {
    const averages = tally.averageFieldLength();
    const idfs = Float64Array.from(this.terms, (term) =>
      lunrIdf(tally.documentsWithTerm.get(term) ?? 0, tally.documentCount),
    );
    // Per term, only the fields that hold it get lists (most terms occur in the body alone).
    const postings: TermPostings[] = this.terms.map(() => []);
    BODY_FIELDS.forEach((field, f) => {
      const { values } = this.entries[f];
      let at = 0;
      for (let ref = 0; ref < this.documentCount; ref++) {
        const length = values[at++];
        const count = values[at++];
        for (let i = 0; i < count; i++, at += 2) {
          const id = values[at];
          const posting = (postings[id][f] ??= { refs: [], weights: [] });
          posting.refs.push(ref);
          posting.weights.push(fieldWeight(idfs[id], values[at + 1], length, averages[field], field));
        }
      }
    });
    const byTerm = new Map<string, TermPostings>(this.terms.map((term, id) => [term, postings[id]]));
    return serialiseCompactPostings([...BODY_FIELDS], bodyPipeline(), this.documentCount, byTerm);
  }
}
