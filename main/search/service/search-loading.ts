import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadOptions } from '../index/compact-index';
import { loadCompactIndexFile } from '../index/compact-index-file';
import { guardExpansions } from '../query/expansion-guard';
import type { SearchStage } from './search-engine';
import {
  BODY_INDEX_FILE,
  DOCUMENTS_FILE,
  META_INDEX_FILE,
  PassageStore,
  PHRASE_FILTER_FILE,
  SEARCH_FORMAT,
  searchDir,
  type DocumentRecord,
  type DocumentsFile,
} from '../index/search-files';

export type StageName = 'meta' | 'body';

/** Reads the document records of a bundle's search index. Throws an Error naming the file when damaged. */
export function loadDocumentRecords(bundleDir: string): DocumentRecord[] {
  const file = join(searchDir(bundleDir), DOCUMENTS_FILE);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DocumentsFile>;
  if (parsed.format !== SEARCH_FORMAT || !Array.isArray(parsed.documents)) {
    throw new Error(`${file}: not a search index of format ${SEARCH_FORMAT}; rebuild the content`);
  }
  return parsed.documents;
}

/**
 * Loads one stage of the search index, synchronously (call it in a worker to keep a thread free).
 * `meta` is the small index of titles, authors and headings; `body` is the full index. Bench times this.
 */
export function loadSearchStage(
  bundleDir: string,
  stage: StageName,
  documents: readonly DocumentRecord[] = loadDocumentRecords(bundleDir),
  options: LoadOptions = {},
): SearchStage {
  const file = join(searchDir(bundleDir), stage === 'meta' ? META_INDEX_FILE : BODY_INDEX_FILE);
  let compact;
  try {
    // The postings stay on disk: a query reads the few terms it needs (compact-index-file.ts).
    compact = loadCompactIndexFile(file, options);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
  if (compact.refCount !== documents.length) {
    throw new Error(
      `${file}: indexes ${compact.refCount} documents but ${DOCUMENTS_FILE} lists ${documents.length}`,
    );
  }
  guardExpansions(compact);
  // The meta stage answers only while the full index loads: it checks phrases by reading, unfiltered.
  const phraseFilters =
    stage === 'body' ? readFileSync(join(searchDir(bundleDir), PHRASE_FILTER_FILE)) : new Uint8Array(0);
  return {
    complete: stage === 'body',
    compact,
    documents,
    phraseFilters,
    passages: new PassageStore(bundleDir),
  };
}
