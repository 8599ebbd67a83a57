import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../../api';
import { blockText } from '../../library/canonical-text';

/**
 * The files of the search index under `<bundle>/search/`, and the reader of passages.
 *
 * - `documents.json`: per document its id, title, authors, date and sections; the position in the list
 *   is the document's Lunr ref.
 * - `meta-index.bin`: compact Lunr index of titles, authors and headings (loads first, answers early).
 * - `body-index.bin`: compact Lunr index of everything, including the text.
 * - `phrase-filter.bin`: per document, a Bloom filter of its adjacent word pairs (see phrase-filter.ts).
 * - `corpus-stats.json`: the document count and average field lengths the body index was scored with.
 *
 * Passage texts are not copied into the index: they are read from the bundle's own `docs/<id>.json`
 * (written by the content build), only for the documents a query shows. Reading and parsing one costs
 * about what inflating a compressed copy would, and the copy would double the bundle's text.
 */

export const SEARCH_DIR = 'search';
/** Where the content build writes one Document JSON per document, next to `search/`. */
export const DOCS_DIR = 'docs';
export const DOCUMENTS_FILE = 'documents.json';
export const META_INDEX_FILE = 'meta-index.bin';
export const BODY_INDEX_FILE = 'body-index.bin';
export const PHRASE_FILTER_FILE = 'phrase-filter.bin';
/** What the body index's BM25 scored against; the reader's own documents are scored the same way. */
export const CORPUS_STATS_FILE = 'corpus-stats.json';
export const SEARCH_FORMAT = 2;

/** Lunr field names and their boosts: a match in the title counts most, then author, heading, text. */
export const FIELD_BOOSTS = { title: 8, author: 5, section: 3, body: 1 } as const;
export type IndexField = keyof typeof FIELD_BOOSTS;
export const META_FIELDS: readonly IndexField[] = ['title', 'author', 'section'];
export const BODY_FIELDS: readonly IndexField[] = ['title', 'author', 'section', 'body'];

/** The section id and heading given to author-bio passages, which belong to no article section. */
export const BIO_SECTION_ID = 'author-bio';
export const BIO_HEADING = 'About the author';

/** One searchable document, as stored in documents.json. */
export interface DocumentRecord {
  id: string;
  title: string;
  authors: string[];
  published: string | null;
  /** [section id, heading] per section, in reading order. */
  sections: Array<[string, string | null]>;
}

export interface CorpusStats {
  format: number;
  documentCount: number;
  /** Average length in terms of each field of the body index. */
  averageFieldLength: Record<IndexField, number>;
}

export interface DocumentsFile {
  format: number;
  documents: DocumentRecord[];
}

/** A passage: a paragraph, a figure caption or an author-bio paragraph. */
export interface Passage {
  blockId: string;
  /** Index into the document's sections; -1 for the author bio. */
  section: number;
  text: string;
}

/** Every passage of a document in reading order: section blocks, then the author bio. */
export function documentPassages(doc: Pick<Document, 'sections' | 'authorBio'>): Passage[] {
  const passages: Passage[] = [];
  doc.sections.forEach((section, sectionIndex) => {
    for (const block of section.blocks)
      passages.push({ blockId: block.id, section: sectionIndex, text: blockText(block) });
  });
  for (const block of doc.authorBio)
    passages.push({ blockId: block.id, section: -1, text: blockText(block) });
  return passages;
}

export function searchDir(bundleDir: string): string {
  return join(bundleDir, SEARCH_DIR);
}

const PASSAGE_CACHE_DOCUMENTS = 256;

/** Reads the passages of the documents a query shows from the bundle, keeping the latest few. */
export class PassageStore {
  private readonly cache = new Map<number, Passage[]>();

  constructor(private readonly bundleDir: string) {}

  /**
   * The passages of document `ref`. A document file that is missing or unreadable gives no passages
   * (the document is still listed by title) rather than failing the whole search.
   */
  read(ref: number, record: DocumentRecord): Passage[] {
    const cached = this.cache.get(ref);
    if (cached !== undefined) return cached;
    let passages: Passage[];
    try {
      const doc = JSON.parse(
        readFileSync(join(this.bundleDir, DOCS_DIR, `${record.id}.json`), 'utf8'),
      ) as Document;
      passages = documentPassages(doc);
    } catch {
      passages = [];
    }
    if (this.cache.size >= PASSAGE_CACHE_DOCUMENTS)
      this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(ref, passages);
    return passages;
  }

  close(): void {
    this.cache.clear();
  }
}
