/**
 * The search index updated in place after some documents changed (same refs), without a full build:
 * since format 5 a body shard depends on its own documents alone (body-shards.ts), so only the shards
 * holding a changed document are rewritten, with the meta index, the records, the phrase filter slices
 * of those shards and the corpus stats' field lengths. The files written are byte for byte those a full
 * build of the changed corpus writes (index-build.ts).
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ShardTerms } from './body-shards';
import { readFieldLengths } from './compact-index';
import { corpusStatsText } from './index-build';
import type { IndexedDocument } from './indexed-document';
import { replacePhraseFilters } from './phrase-filter-slices';
import { replaceRecords } from './records-file';
import {
  BODY_FIELDS,
  CORPUS_STATS_FILE,
  META_FIELDS,
  META_INDEX_FILE,
  PHRASE_FILTER_FILE,
  RECORDS_FILE,
  searchDir,
} from './search-files';
import { loadCorpusStats } from './corpus-stats-file';

/**
 * Updates the search index under `outDir/search/` after documents changed in place (same refs):
 * rewrites only the body shards holding them, the meta index, records.bin, the phrase filter slices of
 * those shards and corpus-stats.json. Never writes into an existing file: files may be hard links shared
 * with the previous bundle, so each file changed is written under a new name and renamed over.
 */
export async function updateSearchIndex(
  outDir: string,
  changed: ReadonlyMap<number, IndexedDocument>,
): Promise<void> {
  if (changed.size === 0) return;
  const dir = searchDir(outDir);
  const recordsFile = join(dir, RECORDS_FILE);
  const records = await readFile(recordsFile);
  const { bytes: recordsBytes, count } = withFile(recordsFile, () =>
    replaceRecords(records, new Map([...changed].map(([ref, doc]) => [ref, doc.record]))),
  );
  const stats = loadCorpusStats(outDir, count);
  const totals = { ...stats.totalFieldLength };
  const written: Array<[file: string, bytes: Uint8Array]> = [];

  for (const shard of stats.shards) {
    const replacements = new Map<number, IndexedDocument['fieldTerms']>();
    for (const [ref, doc] of changed)
      if (ref >= shard.first && ref < shard.first + shard.count)
        replacements.set(ref - shard.first, doc.fieldTerms);
    if (replacements.size === 0) continue;
    const file = join(dir, shard.file);
    const bytes = await readFile(file);
    const fieldLengths = withFile(file, () => readFieldLengths(bytes));
    // The corpus's field lengths change by the difference between each document's old and new ones.
    for (const [ref, terms] of replacements)
      BODY_FIELDS.forEach((field, f) => {
        totals[field] += terms[field].length - fieldLengths[ref * BODY_FIELDS.length + f];
      });
    written.push([
      file,
      withFile(file, () => ShardTerms.fromShard(bytes, BODY_FIELDS, replacements).serialise()),
    ]);
  }

  const metaFile = join(dir, META_INDEX_FILE);
  const metaBytes = await readFile(metaFile);
  const metaTerms = new Map([...changed].map(([ref, doc]) => [ref, doc.fieldTerms]));
  written.push([
    metaFile,
    withFile(metaFile, () => ShardTerms.fromShard(metaBytes, META_FIELDS, metaTerms).serialise()),
  ]);
  written.push([recordsFile, recordsBytes]);
  written.push([
    join(dir, CORPUS_STATS_FILE),
    new TextEncoder().encode(corpusStatsText(stats.documentCount, totals, stats.shards)),
  ]);

  // Every new file is whole before the first is renamed over its old one.
  const filterFile = join(dir, PHRASE_FILTER_FILE);
  const pending = [...written.map(([file]) => file), filterFile].map((file) => [
    file,
    `${file}.update-${process.pid}`,
  ]);
  try {
    await replacePhraseFilters(
      filterFile,
      `${filterFile}.update-${process.pid}`,
      stats.shards,
      new Map([...changed].map(([ref, doc]) => [ref, doc.phraseFilter])),
    ).catch((error: unknown) => {
      throw new Error(`${filterFile}: ${(error as Error).message}`, { cause: error });
    });
    for (const [file, bytes] of written) await writeFile(`${file}.update-${process.pid}`, bytes);
    for (const [file, temporary] of pending) await rename(temporary, file);
  } finally {
    for (const [, temporary] of pending) await rm(temporary, { force: true });
  }
}

/** Runs `read`, naming `file` in the one line of any error. */
function withFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}
