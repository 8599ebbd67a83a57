import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lunr from 'lunr';
import { useMarginWordForms } from './word-forms';
import type { Document } from '../../api';
import { serialiseCompactIndex } from './compact-index-writer';
import { buildPhraseFilter, PHRASE_FILTER_BYTES } from './phrase-filter';
import {
  BODY_FIELDS,
  BODY_INDEX_FILE,
  CORPUS_STATS_FILE,
  type CorpusStats,
  DOCUMENTS_FILE,
  FIELD_BOOSTS,
  META_FIELDS,
  META_INDEX_FILE,
  PHRASE_FILTER_FILE,
  SEARCH_FORMAT,
  searchDir,
  type DocumentRecord,
  type DocumentsFile,
  type IndexField,
  documentPassages,
  type Passage,
} from './search-files';

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

/**
 * Builds a Lunr index with one Lunr document per article, ref = the article's position. The index keeps
 * no position metadata: snippets come from re-analysing the passages shown. `averages`, when given,
 * receives each field's average length in terms (what BM25 scored every document against).
 */
export function buildLunrIndex(
  fieldTexts: readonly Partial<FieldTexts>[],
  fields: readonly IndexField[],
  averages?: Partial<Record<IndexField, number>>,
): lunr.Index {
  let builder: lunr.Builder | null = null;
  // Lunr hands its config function the builder as `this` and as its argument.
  const index = lunr(function (this: lunr.Builder, self: lunr.Builder) {
    builder = self;
    useMarginWordForms(this);
    this.ref('ref');
    for (const field of fields) this.field(field, { boost: FIELD_BOOSTS[field] });
    fieldTexts.forEach((texts, ref) => {
      const doc: Record<string, string> = { ref: String(ref) };
      for (const field of fields) doc[field] = texts[field] ?? '';
      this.add(doc);
    });
  });
  if (averages && builder) {
    const computed = (builder as unknown as { averageFieldLength: Record<string, number> })
      .averageFieldLength;
    for (const field of fields) averages[field] = computed[field] ?? 0;
  }
  return index;
}

/**
 * Writes the search index of `documents` under `outDir/search/`: document records, the meta index
 * (titles, authors, headings), the body index and the phrase filters. Passage texts are read at query
 * time from `outDir/docs/<id>.json`, which the content build writes next to it.
 */
export async function writeSearchIndex(documents: Document[], outDir: string): Promise<void> {
  const seen = new Set<string>();
  for (const doc of documents) {
    if (seen.has(doc.id)) throw new Error(`search index: two documents have the id "${doc.id}"`);
    seen.add(doc.id);
  }

  const records: DocumentRecord[] = [];
  const fieldTexts: FieldTexts[] = [];
  const phraseFilters = new Uint8Array(documents.length * PHRASE_FILTER_BYTES);
  for (const [ref, doc] of documents.entries()) {
    const passages = documentPassages(doc);
    records.push({
      id: doc.id,
      title: doc.title,
      authors: doc.authors.map((author) => author.name),
      published: doc.published,
      sections: doc.sections.map((section) => [section.id, section.heading]),
    });
    fieldTexts.push(documentFieldTexts(doc, passages));
    const filtered = [
      doc.title,
      ...doc.authors.map((author) => author.name),
      ...doc.sections.flatMap((section) => (section.heading === null ? [] : [section.heading])),
      ...passages.map((passage) => passage.text),
    ];
    phraseFilters.set(buildPhraseFilter(filtered), ref * PHRASE_FILTER_BYTES);
  }

  const metaIndex = serialiseCompactIndex(buildLunrIndex(fieldTexts, META_FIELDS));
  const averages: Partial<Record<IndexField, number>> = {};
  const bodyIndex = serialiseCompactIndex(buildLunrIndex(fieldTexts, BODY_FIELDS, averages));
  const stats: CorpusStats = {
    format: SEARCH_FORMAT,
    documentCount: documents.length,
    averageFieldLength: averages as Record<IndexField, number>,
  };
  const documentsFile: DocumentsFile = { format: SEARCH_FORMAT, documents: records };

  const dir = searchDir(outDir);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, DOCUMENTS_FILE), JSON.stringify(documentsFile));
  await writeFile(join(dir, META_INDEX_FILE), metaIndex);
  await writeFile(join(dir, BODY_INDEX_FILE), bodyIndex);
  await writeFile(join(dir, PHRASE_FILTER_FILE), phraseFilters);
  await writeFile(join(dir, CORPUS_STATS_FILE), JSON.stringify(stats));
}
