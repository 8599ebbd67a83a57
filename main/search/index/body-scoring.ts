/**
 * How the body index scores a document, as lunr.Builder does: the same pipeline, the same term counts
 * and the same BM25 arithmetic. The body shards (body-shards.ts) and the reader's own documents
 * (user-segments.ts) both weigh terms here, so a text scores alike wherever it is indexed.
 */
import lunr from 'lunr';
import type { Document } from '../../api';
import { BODY_FIELDS, FIELD_BOOSTS, type IndexField, type Passage } from './search-files';
import { marginTokenizer, useMarginWordForms } from './word-forms';

/** Lunr's BM25 constants (lunr.Builder's defaults, which the body index is scored with). */
const K1 = 1.2;
const B = 0.75;

/** The text of each field of one document, as Lunr indexes it. */
export type FieldTexts = Record<IndexField, string>;

export function documentFieldTexts(doc: Document, passages: readonly Passage[]): FieldTexts {
  return {
    title: doc.title,
    author: doc.authors.map((author) => author.name).join('\n'),
    section: doc.sections
      .flatMap((section) => (section.heading === null ? [] : [section.heading]))
      .join('\n'),
    body: passages.map((passage) => passage.text).join('\n'),
  };
}

/** A Lunr builder set up exactly as `lunr()` sets up one for index-build.ts's buildLunrIndex. */
function bodyBuilder(): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(lunr.stemmer);
  useMarginWordForms(builder);
  builder.ref('ref');
  for (const field of BODY_FIELDS) builder.field(field, { boost: FIELD_BOOSTS[field] });
  return builder;
}

/**
 * The pipeline the body index names in its header: what a built lunr.Index keeps, the builder's search
 * pipeline (query words are analysed by it; the indexing steps ran at build time).
 */
export function bodyPipeline(): string[] {
  return bodyBuilder().searchPipeline.toJSON() as unknown as string[];
}

/** Per field of one document: its length in terms and each term's frequency, as Lunr's builder counts. */
export type FieldTerms = Record<IndexField, { length: number; frequencies: Record<string, number> }>;

let indexPipeline: lunr.Pipeline | null = null;
/**
 * The index pipeline's terms for each word as the tokenizer gives it. Every step (trimmer, possessive,
 * stop words, stemmer) reads the word alone, so a word gives the same terms wherever it stands; and
 * Porter stemming is most of a build's time while a corpus repeats most of its words.
 */
const termsOfWord = new Map<string, string[]>();
/** Words kept (about 100 MB at the most); past it the cache starts again. */
const TERMS_OF_WORD_LIMIT = 500_000;

/** The terms of one field's text, in order, as lunr.Builder#add gets them from its pipeline. */
function fieldTermList(text: string, field: IndexField): string[] {
  indexPipeline ??= bodyBuilder().pipeline;
  const terms: string[] = [];
  for (const token of marginTokenizer(text, { fields: [field] })) {
    const word = token.toString();
    let wordTerms = termsOfWord.get(word);
    if (wordTerms === undefined) {
      wordTerms = indexPipeline.run([token]).map(String);
      if (termsOfWord.size >= TERMS_OF_WORD_LIMIT) termsOfWord.clear();
      termsOfWord.set(word, wordTerms);
    }
    for (const term of wordTerms) terms.push(term);
  }
  return terms;
}

export function textFieldTerms(texts: FieldTexts): FieldTerms {
  const result = {} as FieldTerms;
  for (const field of BODY_FIELDS) {
    const terms = fieldTermList(texts[field], field);
    // A null prototype, as Lunr's own: a term may be any word ("constructor", "__proto__").
    const frequencies = Object.create(null) as Record<string, number>;
    for (const term of terms) frequencies[term] = (frequencies[term] ?? 0) + 1;
    result[field] = { length: terms.length, frequencies };
  }
  return result;
}

/** Lunr's idf (`lunr.idf`): `documentsWithTerm` counts (field, document) postings, as Lunr's does. */
export function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/**
 * A term's weight in a field vector, in thousandths (the compact index's integers): lunr.Builder's
 * createFieldVectors step by step, the same float operations in the same order, so the weights are
 * equal to the bit to those of one Lunr index over the whole corpus.
 */
export function fieldWeight(
  idf: number,
  frequency: number,
  fieldLength: number,
  averageFieldLength: number,
  field: IndexField,
): number {
  let score =
    (idf * ((K1 + 1) * frequency)) / (K1 * (1 - B + B * (fieldLength / averageFieldLength)) + frequency);
  score *= FIELD_BOOSTS[field];
  score *= 1;
  const rounded = Math.round(score * 1000) / 1000;
  return Math.round(rounded * 1000);
}
