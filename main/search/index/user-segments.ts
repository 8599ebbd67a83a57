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
import type { Document } from '../../api';
import {
  documentFieldTexts,
  fieldWeight,
  lunrIdf,
  bodyPipeline,
  textFieldTerms,
  type FieldTerms,
} from './body-scoring';
import { serialiseCompactPostings, type TermPostings } from './compact-index-writer';
import { buildPhraseFilter, PHRASE_FILTER_BYTES } from './phrase-filter';
import { recordOfDocument } from './record-table';
import {
  BODY_FIELDS,
  documentPassages,
  isOpeningPassage,
  type CorpusStats,
  type DocumentRecord,
  type IndexField,
} from './search-files';

/** 2: the record holds the opening passage (a title-only hit reads no document). */
export const SEGMENT_FORMAT = 2;

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

/** Term frequencies and lengths of each field of one document, as Lunr's builder counts them. */
export function fieldTerms(doc: Document): FieldTerms {
  return textFieldTerms(documentFieldTexts(doc, documentPassages(doc)));
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
      let termIdf = idfCache.get(term);
      if (termIdf === undefined) {
        termIdf = lunrIdf(corpus.documentsWithTerm(term), corpus.stats.documentCount);
        idfCache.set(term, termIdf);
      }
      weights.push([term, fieldWeight(termIdf, frequencies[term], length, average, field)]);
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
    record: recordOfDocument(doc, passages),
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
    Array.isArray(segment.record.sections) &&
    (segment.record.opening === undefined ||
      isOpeningPassage(segment.record.opening, segment.record.sections.length)) &&
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
