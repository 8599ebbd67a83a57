import { join } from 'node:path';
import type { Document } from '../../api';
import { readBundledDocument } from '../../library/bundle-document-file';
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
 * Passage texts are not copied into the index: they are read from the bundle's own `docs/<id>.json.br`
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

/**
 * Characters of passage text the store keeps (UTF-16, so twice as many bytes): about 1,000 articles.
 * While a reader types, each longer query mostly shows documents the shorter one showed.
 */
const PASSAGE_CACHE_CHARACTERS = 8_000_000;

/** Reads the passages of the documents a query shows from the bundle, keeping the most recently used. */
export class PassageStore {
  /** In order of use, least recent first (a Map keeps insertion order). */
  private readonly cache = new Map<number, { passages: Passage[]; characters: number }>();
  private characters = 0;

  constructor(
    private readonly bundleDir: string,
    private readonly cacheCharacters = PASSAGE_CACHE_CHARACTERS,
  ) {}

  /**
   * The passages of document `ref`. A document file that is missing or unreadable gives no passages
   * (the document is still listed by title) rather than failing the whole search.
   */
  read(ref: number, record: DocumentRecord): Passage[] {
    const cached = this.cache.get(ref);
    if (cached !== undefined) {
      this.cache.delete(ref);
      this.cache.set(ref, cached);
      return cached.passages;
    }
    let passages: Passage[];
    try {
      passages = documentPassages(readBundledDocument(this.bundleDir, record.id));
    } catch {
      passages = [];
    }
    let characters = 0;
    for (const passage of passages) characters += passage.text.length;
    this.cache.set(ref, { passages, characters });
    this.characters += characters;
    for (const [oldest, entry] of this.cache) {
      if (this.characters <= this.cacheCharacters || oldest === ref) break;
      this.cache.delete(oldest);
      this.characters -= entry.characters;
    }
    return passages;
  }

  close(): void {
    this.cache.clear();
    this.characters = 0;
  }
}
