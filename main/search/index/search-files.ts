import { join } from 'node:path';
import type { Document } from '../../api';
import { readBundledDocument } from '../../library/bundle-document-file';
import { blockText } from '../../library/canonical-text';

/**
 * The files of the search index under `<bundle>/search/`, and the reader of passages.
 *
 * - `records.bin`: per document its id, title, authors, date and sections, read one record at a time
 *   (records-file.ts); the position in the file is the document's Lunr ref.
 * - `meta-index.bin`: compact Lunr index of titles, authors and headings (loads first, answers early).
 * - `meta-index.bin` and the body shards are compact indexes in counts mode (compact-index.ts): per term
 *   and field the documents holding it and its frequency there, and each document's field lengths. The
 *   BM25 weights are computed when a query decodes a term's postings, against the corpus.
 * - `body-000.bin`, `body-001.bin`, …: the body index (everything, including the text) in shards of
 *   consecutive documents (at most BODY_SHARD_DOCUMENTS each; `corpus-stats.json` lists them). Each is a
 *   compact index whose refs count from 0 within the shard, weighed against the whole corpus (its document
 *   count, a term's postings summed over every shard, the average field lengths), so a document's score
 *   is the same in a shard as in one index over every document, and a query merges the shards' matches
 *   by score. A shard depends only on its own documents: one changed document rewrites one shard.
 * - `phrase-filter.bin`: per document, a Bloom filter of its adjacent word pairs (see phrase-filter.ts),
 *   stored bit-sliced per body shard (phrase-filter-slices.ts) so that a query reads only the bits it needs.
 * - `corpus-stats.json`: the document count and each field's total and average length, which the body
 *   shards are weighed with, and the shards (file, first document, count) in document order.
 *
 * Passage texts are not copied into the index: they are read from the bundle's own `docs/<id>.json.zst`
 * (written by the content build), only for the documents a query shows. Reading and parsing one costs
 * about what inflating a compressed copy would, and the copy would double the bundle's text.
 */

export const SEARCH_DIR = 'search';
/** Where the content build writes one Document JSON per document, next to `search/`. */
export const DOCS_DIR = 'docs';
export const RECORDS_FILE = 'records.bin';
export const META_INDEX_FILE = 'meta-index.bin';
/** The file of body shard `n` (0-based): body-000.bin, body-001.bin, … */
export function bodyShardFile(n: number): string {
  return `body-${String(n).padStart(3, '0')}.bin`;
}
/** Documents per body shard: a changed article rebuilds one shard; a query runs on every shard. */
export const BODY_SHARD_DOCUMENTS = 10_000;
export const PHRASE_FILTER_FILE = 'phrase-filter.bin';
/** What the body index's BM25 scored against; the reader's own documents are scored the same way. */
export const CORPUS_STATS_FILE = 'corpus-stats.json';
/**
 * 4: the records moved from documents.json (read whole) to records.bin (read one by one), and the
 * phrase filters are bit-sliced per shard (3 held one 2 KB filter per document). 5: the body shards and
 * the meta index store term frequencies and field lengths, weighed at query time (4 stored weights
 * computed against the whole corpus, so one changed document changed every shard).
 */
export const SEARCH_FORMAT = 5;

/** Lunr field names and their boosts: a match in the title counts most, then author, heading, text. */
export const FIELD_BOOSTS = { title: 8, author: 5, section: 3, body: 1 } as const;
export type IndexField = keyof typeof FIELD_BOOSTS;
export const META_FIELDS: readonly IndexField[] = ['title', 'author', 'section'];
export const BODY_FIELDS: readonly IndexField[] = ['title', 'author', 'section', 'body'];

/** The section id and heading given to author-bio passages, which belong to no article section. */
export const BIO_SECTION_ID = 'author-bio';
export const BIO_HEADING = 'About the author';

/** One searchable document, as stored in records.bin. */
export interface DocumentRecord {
  id: string;
  title: string;
  authors: string[];
  published: string | null;
  /** [section id, heading] per section, in reading order. */
  sections: Array<[string, string | null]>;
  /**
   * What a hit shows when nothing of the document's text matched (its title or author did): the opening
   * passage and its snippet, made when the record is, so that such a hit reads no document file. Absent
   * in records written before it was kept, and for a document without passages.
   */
  opening?: OpeningPassage;
}

/** The opening passage of a document as a hit shows it unmarked: its block, section (-1: the bio), snippet. */
export interface OpeningPassage {
  blockId: string;
  section: number;
  snippet: string;
}

/** Whether `value` is an opening passage of a record with `sectionCount` sections (-1: the author bio). */
export function isOpeningPassage(value: unknown, sectionCount: number): value is OpeningPassage {
  const opening = value as Partial<Record<keyof OpeningPassage, unknown>> | null;
  return (
    typeof opening === 'object' &&
    opening !== null &&
    typeof opening.blockId === 'string' &&
    typeof opening.snippet === 'string' &&
    Number.isInteger(opening.section) &&
    (opening.section as number) >= -1 &&
    (opening.section as number) < sectionCount
  );
}

export interface CorpusStats {
  format: number;
  documentCount: number;
  /** Average length in terms of each field of the body index. */
  averageFieldLength: Record<IndexField, number>;
  /** Total length in terms of each field of the body index (an update adjusts it by difference). */
  totalFieldLength: Record<IndexField, number>;
  /** The body shards in document order: shard i holds documents first .. first + count - 1. */
  shards: BodyShard[];
}

export interface BodyShard {
  /** File name under search/ (bodyShardFile(i)). */
  file: string;
  /** Position in records.bin of the shard's first document (its ref 0). */
  first: number;
  count: number;
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
  /** By document id (the body shards share one store, and each numbers its documents from 0), in order
   * of use, least recent first (a Map keeps insertion order). */
  private readonly cache = new Map<string, { passages: Passage[]; characters: number }>();
  private characters = 0;

  constructor(
    private readonly bundleDir: string,
    private readonly cacheCharacters = PASSAGE_CACHE_CHARACTERS,
  ) {}

  /**
   * The passages of the document `record` describes. A document file that is missing or unreadable
   * gives no passages (the document is still listed by title) rather than failing the whole search.
   */
  read(record: DocumentRecord): Passage[] {
    const id = record.id;
    const cached = this.cache.get(id);
    if (cached !== undefined) {
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached.passages;
    }
    let passages: Passage[];
    try {
      passages = documentPassages(readBundledDocument(this.bundleDir, id));
    } catch {
      passages = [];
    }
    let characters = 0;
    for (const passage of passages) characters += passage.text.length;
    this.cache.set(id, { passages, characters });
    this.characters += characters;
    for (const [oldest, entry] of this.cache) {
      if (this.characters <= this.cacheCharacters || oldest === id) break;
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
