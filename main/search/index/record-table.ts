import type { Document } from '../../api';
import { unmarkedSnippet } from '../ranking/snippet';
import { documentPassages, type DocumentRecord, type Passage } from './search-files';

/**
 * What a search result shows of a document without reading its text: its title, authors, date, sections
 * and, for a hit on its title or author alone, its opening passage's snippet.
 */
export function recordOfDocument(
  doc: Document,
  passages: readonly Passage[] = documentPassages(doc),
): DocumentRecord {
  const record: DocumentRecord = {
    id: doc.id,
    title: doc.title,
    authors: doc.authors.map((author) => author.name),
    published: doc.published,
    sections: doc.sections.map((section) => [section.id, section.heading]),
  };
  const opening = passages[0];
  if (opening !== undefined)
    record.opening = {
      blockId: opening.blockId,
      section: opening.section,
      snippet: unmarkedSnippet(opening.text),
    };
  return record;
}

/**
 * The document records of a search stage, by ref. The bundled ones stay on disk and are read one by one
 * as a query shows them (records-file.ts); your documents' few are an array in memory.
 */
export interface RecordTable {
  readonly count: number;
  /**
   * The record of document `ref` (0 ≤ ref < count), or null when it is damaged on disk: that is said once,
   * in one line naming the file and the document's position, and the caller leaves the document out.
   */
  get(ref: number): DocumentRecord | null;
}

/** A table over records held in memory (your documents; tests). */
export function recordTableOf(records: readonly DocumentRecord[]): RecordTable {
  return {
    count: records.length,
    get: (ref) => records[ref] ?? null,
  };
}

/** Refs `first` .. `first + count - 1` of `table` as refs 0 .. count - 1 (a body shard's), with no copy. */
export function recordTableView(table: RecordTable, first: number, count: number): RecordTable {
  if (!Number.isInteger(first) || !Number.isInteger(count) || first < 0 || first + count > table.count)
    throw new Error(`records ${first}..${first + count - 1} are outside the ${table.count} documents`);
  return {
    count,
    get: (ref) => (Number.isInteger(ref) && ref >= 0 && ref < count ? table.get(first + ref) : null),
  };
}
