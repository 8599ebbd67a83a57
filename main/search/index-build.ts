import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import lunr from 'lunr';
import type { Document } from '../api';
import { blockText } from '../library/canonical-text';
import { serialiseCompactIndex } from './compact-index';
import { buildPhraseFilter, PHRASE_FILTER_BYTES } from './phrase-filter';
import {
  BODY_FIELDS,
  BODY_INDEX_FILE,
  DOCUMENTS_FILE,
  FIELD_BOOSTS,
  META_FIELDS,
  META_INDEX_FILE,
  PASSAGES_FILE,
  PHRASE_FILTER_FILE,
  SEARCH_FORMAT,
  searchDir,
  type DocumentRecord,
  type DocumentsFile,
  type IndexField,
  type StoredPassage,
} from './search-files';

/** The text of each field of one document, as Lunr indexes it. */
export type FieldTexts = Record<IndexField, string>;

/** Every passage of a document in reading order: section blocks, then the author bio. */
export function documentPassages(doc: Document): StoredPassage[] {
  const passages: StoredPassage[] = [];
  doc.sections.forEach((section, sectionIndex) => {
    for (const block of section.blocks) passages.push([block.id, sectionIndex, blockText(block)]);
  });
  for (const block of doc.authorBio) passages.push([block.id, -1, blockText(block)]);
  return passages;
}

export function documentFieldTexts(doc: Document, passages: StoredPassage[]): FieldTexts {
  return {
    title: doc.title,
    author: doc.authors.map((author) => author.name).join('\n'),
    section: doc.sections
      .flatMap((section) => (section.heading === null ? [] : [section.heading]))
      .join('\n'),
    body: passages.map(([, , text]) => text).join('\n'),
  };
}

/**
 * Builds a Lunr index with one Lunr document per article, ref = the article's position. The index keeps
 * no position metadata: snippets come from re-analysing the passages shown.
 */
export function buildLunrIndex(
  fieldTexts: readonly Partial<FieldTexts>[],
  fields: readonly IndexField[],
): lunr.Index {
  return lunr(function () {
    this.ref('ref');
    for (const field of fields) this.field(field, { boost: FIELD_BOOSTS[field] });
    fieldTexts.forEach((texts, ref) => {
      const doc: Record<string, string> = { ref: String(ref) };
      for (const field of fields) doc[field] = texts[field] ?? '';
      this.add(doc);
    });
  });
}

/**
 * Writes the search index of `documents` under `outDir/search/`: document records, the meta index
 * (titles, authors, headings), the body index and the passage store.
 */
export async function writeSearchIndex(documents: Document[], outDir: string): Promise<void> {
  const seen = new Set<string>();
  for (const doc of documents) {
    if (seen.has(doc.id)) throw new Error(`search index: two documents have the id "${doc.id}"`);
    seen.add(doc.id);
  }

  const records: DocumentRecord[] = [];
  const fieldTexts: FieldTexts[] = [];
  const passageChunks: Buffer[] = [];
  const phraseFilters = new Uint8Array(documents.length * PHRASE_FILTER_BYTES);
  let offset = 0;
  for (const [ref, doc] of documents.entries()) {
    const passages = documentPassages(doc);
    const chunk = deflateRawSync(Buffer.from(JSON.stringify(passages), 'utf8'));
    passageChunks.push(chunk);
    records.push({
      id: doc.id,
      title: doc.title,
      authors: doc.authors.map((author) => author.name),
      published: doc.published,
      sections: doc.sections.map((section) => [section.id, section.heading]),
      passages: [offset, chunk.length],
    });
    offset += chunk.length;
    fieldTexts.push(documentFieldTexts(doc, passages));
    const filtered = [
      doc.title,
      ...doc.authors.map((author) => author.name),
      ...doc.sections.flatMap((section) => (section.heading === null ? [] : [section.heading])),
      ...passages.map(([, , text]) => text),
    ];
    phraseFilters.set(buildPhraseFilter(filtered), ref * PHRASE_FILTER_BYTES);
  }

  const metaIndex = serialiseCompactIndex(buildLunrIndex(fieldTexts, META_FIELDS));
  const bodyIndex = serialiseCompactIndex(buildLunrIndex(fieldTexts, BODY_FIELDS));
  const documentsFile: DocumentsFile = { format: SEARCH_FORMAT, documents: records };

  const dir = searchDir(outDir);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, DOCUMENTS_FILE), JSON.stringify(documentsFile));
  await writeFile(join(dir, META_INDEX_FILE), metaIndex);
  await writeFile(join(dir, BODY_INDEX_FILE), bodyIndex);
  await writeFile(join(dir, PASSAGES_FILE), Buffer.concat(passageChunks));
  await writeFile(join(dir, PHRASE_FILTER_FILE), phraseFilters);
}
