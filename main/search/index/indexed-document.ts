/**
 * What the search index takes of one document, made where the document is parsed: a content build
 * worker analyses its own documents (tokenising, stemming and word pairs are most of an index build's
 * work) and posts this, so the build's own thread neither analyses nor holds a single Document.
 */
import type { Document } from '../../api';
import { documentFieldTexts, textFieldTerms, type FieldTexts } from './body-scoring';
import { packFieldTerms, type PackedFieldTerms } from './body-shards';
import { buildPhraseFilter } from './phrase-filter';
import { recordOfDocument } from './record-table';
import { documentPassages, type DocumentRecord } from './search-files';

export interface IndexedDocument {
  record: DocumentRecord;
  /**
   * The texts of the meta index (titles, authors, headings). The meta index itself is built from the
   * title, author and section fields of `fieldTerms`, which are these texts' terms.
   */
  metaTexts: Pick<FieldTexts, 'title' | 'author' | 'section'>;
  /** Each body field's length and term frequencies, as the index pipeline gives them. */
  fieldTerms: PackedFieldTerms;
  /** The document's word-pair filter (phrase-filter.ts): title, authors, headings and passages. */
  phraseFilter: Uint8Array;
}

export function indexedDocument(doc: Document): IndexedDocument {
  const passages = documentPassages(doc);
  const texts = documentFieldTexts(doc, passages);
  return {
    record: recordOfDocument(doc, passages),
    metaTexts: { title: texts.title, author: texts.author, section: texts.section },
    fieldTerms: packFieldTerms(textFieldTerms(texts)),
    phraseFilter: buildPhraseFilter([
      doc.title,
      ...doc.authors.map((author) => author.name),
      ...doc.sections.flatMap((section) => (section.heading === null ? [] : [section.heading])),
      ...passages.map((passage) => passage.text),
    ]),
  };
}
