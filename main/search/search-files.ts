import { openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * The files of the search index under `<bundle>/search/`, and the readers for them.
 *
 * - `documents.json`: per document its id, title, authors, date, sections and where its passages sit in
 *   `passages.bin`; the position in the list is the document's Lunr ref.
 * - `meta-index.bin`: compact Lunr index of titles, authors and headings (loads first, answers early).
 * - `body-index.bin`: compact Lunr index of everything, including the text.
 * - `passages.bin`: per document, the deflated JSON list of its passages, read only for documents shown.
 * - `phrase-filter.bin`: per document, a Bloom filter of its adjacent word pairs (see phrase-filter.ts).
 */

export const SEARCH_DIR = 'search';
export const DOCUMENTS_FILE = 'documents.json';
export const META_INDEX_FILE = 'meta-index.bin';
export const BODY_INDEX_FILE = 'body-index.bin';
export const PASSAGES_FILE = 'passages.bin';
export const PHRASE_FILTER_FILE = 'phrase-filter.bin';
export const SEARCH_FORMAT = 1;

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
  /** Byte range of this document's passages in passages.bin. */
  passages: [offset: number, length: number];
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

export type StoredPassage = [blockId: string, section: number, text: string];

export function searchDir(bundleDir: string): string {
  return join(bundleDir, SEARCH_DIR);
}

/** Reads passages on demand with positional reads, so the text never has to sit in memory. */
export class PassageStore {
  private readonly fd: number;
  private readonly cache = new Map<number, Passage[]>();

  constructor(file: string) {
    this.fd = openSync(file, 'r');
  }

  /**
   * A document's passages as their stored JSON text. Cheap checks (is a phrase anywhere in it?) run on
   * this before paying for a parse: ids and JSON punctuation between passages never join two words.
   */
  readText(record: DocumentRecord): string {
    const [offset, length] = record.passages;
    const buffer = Buffer.alloc(length);
    readSync(this.fd, buffer, 0, length, offset);
    return inflateRawSync(buffer).toString('utf8');
  }

  read(ref: number, record: DocumentRecord, text?: string): Passage[] {
    const cached = this.cache.get(ref);
    if (cached !== undefined) return cached;
    const stored = JSON.parse(text ?? this.readText(record)) as StoredPassage[];
    const passages = stored.map(([blockId, section, text]) => ({ blockId, section, text }));
    if (this.cache.size >= 256) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(ref, passages);
    return passages;
  }

  close(): void {
    closeSync(this.fd);
  }
}
