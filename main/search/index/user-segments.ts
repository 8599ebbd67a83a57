/**
 * The reader's own documents in the search index: one small segment per document, scored exactly as
 * the bundled body index scored its own documents (Lunr's BM25 with the bundled corpus's document count,
 * term document counts and average field lengths). A segment depends only on its own document and the
 * bundled corpus, so adding one document never re-scores another, and a document of yours with the
 * same text as a bundled one gets the same weights, hence the same score for any query.
 *
 * The segments of the documents in the library are put together into one compact index when a query
 * next needs it (serialiseCompactPostings, a pass over their postings, no re-analysis).
 */
import lunr from 'lunr';
import type { Document } from '../../api';
import { serialiseCompactPostings, type TermPostings } from './compact-index-writer';
import { documentFieldTexts } from './index-build';
import { buildPhraseFilter, PHRASE_FILTER_BYTES } from './phrase-filter';
import {
  BODY_FIELDS,
  documentPassages,
  FIELD_BOOSTS,
  type CorpusStats,
  type DocumentRecord,
  type IndexField,
} from './search-files';
import { useMarginWordForms } from './word-forms';

export const SEGMENT_FORMAT = 1;

/** Lunr's BM25 constants (lunr.Builder's defaults, which the bundled index was built with). */
const K1 = 1.2;
const B = 0.75;

export interface UserSegment {
  format: number;
  /** Which bundled corpus the weights were computed against (corpusKey). */
  corpus: string;
  record: DocumentRecord;
  /** Per field: [term, weight in thousandths]. */
  fields: Record<IndexField, Array<[string, number]>>;
  /** The document's word-pair filter (phrase-filter.ts), base64. */
  phraseFilter: string;
}

/** What a segment is scored against: the bundled corpus and the number of documents holding a term. */
export interface ScoringCorpus {
  stats: CorpusStats;
  /** A short text naming this corpus, kept in each segment, so a new bundle re-scores your documents. */
  key: string;
  /** (field, document) postings of a term in the bundled body index: what Lunr's idf counts. */
  documentsWithTerm(term: string): number;
}

/** A Lunr builder set up exactly as index-build.ts sets up the body index's. */
function bodyBuilder(): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(lunr.stemmer);
  useMarginWordForms(builder);
  builder.ref('ref');
  for (const field of BODY_FIELDS) builder.field(field, { boost: FIELD_BOOSTS[field] });
  return builder;
}

/** The pipeline the body index names in its header (the same steps as bodyBuilder's). */
export function bodyPipeline(): string[] {
  return bodyBuilder().pipeline.toJSON() as unknown as string[];
}

interface BuilderInternals {
  fieldTermFrequencies: Record<string, Record<string, number>>;
  fieldLengths: Record<string, number>;
}

/** Term frequencies and lengths of each field of one document, as Lunr's builder counts them. */
export function fieldTerms(
  doc: Document,
): Record<IndexField, { length: number; frequencies: Record<string, number> }> {
  const builder = bodyBuilder();
  const texts = documentFieldTexts(doc, documentPassages(doc));
  builder.add({ ref: '0', ...texts });
  const internals = builder as unknown as BuilderInternals;
  const result = {} as Record<IndexField, { length: number; frequencies: Record<string, number> }>;
  for (const field of BODY_FIELDS) {
    result[field] = {
      length: internals.fieldLengths[`${field}/0`] ?? 0,
      frequencies: internals.fieldTermFrequencies[`${field}/0`] ?? {},
    };
  }
  return result;
}

/** Lunr's idf: `lunr.idf` over the bundled corpus. */
function idf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

export function buildUserSegment(doc: Document, corpus: ScoringCorpus): UserSegment {
  const terms = fieldTerms(doc);
  const fields = {} as UserSegment['fields'];
  const idfCache = new Map<string, number>();
  for (const field of BODY_FIELDS) {
    const { length, frequencies } = terms[field];
    // An empty bundled corpus has no average: the document is then measured against itself.
    const average = corpus.stats.averageFieldLength[field] || length || 1;
    const weights: Array<[string, number]> = [];
    for (const term of Object.keys(frequencies).sort()) {
      const tf = frequencies[term];
      let termIdf = idfCache.get(term);
      if (termIdf === undefined) {
        termIdf = idf(corpus.documentsWithTerm(term), corpus.stats.documentCount);
        idfCache.set(term, termIdf);
      }
      // Lunr.Builder#createFieldVectors, step by step (the same float operations in the same order).
      let score = (termIdf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / average)) + tf);
      score *= FIELD_BOOSTS[field];
      score *= 1;
      const rounded = Math.round(score * 1000) / 1000;
      weights.push([term, Math.round(rounded * 1000)]);
    }
    fields[field] = weights;
  }
  const passages = documentPassages(doc);
  const filter = buildPhraseFilter([
    doc.title,
    ...doc.authors.map((author) => author.name),
    ...doc.sections.flatMap((section) => (section.heading === null ? [] : [section.heading])),
    ...passages.map((passage) => passage.text),
  ]);
  return {
    format: SEGMENT_FORMAT,
    corpus: corpus.key,
    record: {
      id: doc.id,
      title: doc.title,
      authors: doc.authors.map((author) => author.name),
      published: doc.published,
      sections: doc.sections.map((section) => [section.id, section.heading]),
    },
    fields,
    phraseFilter: Buffer.from(filter).toString('base64'),
  };
}

/** True when `value` is a segment of this format scored against `corpusKey` for document `id`. */
export function isCurrentSegment(value: unknown, id: string, corpusKey: string): value is UserSegment {
  const segment = value as Partial<UserSegment> | null;
  return (
    typeof segment === 'object' &&
    segment !== null &&
    segment.format === SEGMENT_FORMAT &&
    segment.corpus === corpusKey &&
    segment.record?.id === id &&
    typeof segment.phraseFilter === 'string' &&
    BODY_FIELDS.every((field) => Array.isArray(segment.fields?.[field]))
  );
}

/** The segments (ref = position) as one compact body index, its records and its phrase filters. */
export function assembleUserIndex(segments: readonly UserSegment[]): {
  index: Uint8Array;
  records: DocumentRecord[];
  phraseFilters: Uint8Array;
} {
  const postings = new Map<string, TermPostings>();
  segments.forEach((segment, ref) => {
    BODY_FIELDS.forEach((field, f) => {
      for (const [term, weight] of segment.fields[field]) {
        let perField = postings.get(term);
        if (perField === undefined) {
          perField = BODY_FIELDS.map(() => ({ refs: [], weights: [] }));
          postings.set(term, perField);
        }
        perField[f].refs.push(ref);
        perField[f].weights.push(weight);
      }
    });
  });
  const phraseFilters = new Uint8Array(segments.length * PHRASE_FILTER_BYTES);
  segments.forEach((segment, ref) => {
    const filter = Buffer.from(segment.phraseFilter, 'base64');
    if (filter.length === PHRASE_FILTER_BYTES) phraseFilters.set(filter, ref * PHRASE_FILTER_BYTES);
    // A filter of the wrong size lets every phrase through to the text check (a read, never a miss).
    else phraseFilters.fill(0xff, ref * PHRASE_FILTER_BYTES, (ref + 1) * PHRASE_FILTER_BYTES);
  });
  return {
    index: serialiseCompactPostings([...BODY_FIELDS], bodyPipeline(), segments.length, postings),
    records: segments.map((segment) => segment.record),
    phraseFilters,
  };
}
