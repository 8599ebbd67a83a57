import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BODY_FIELDS,
  CORPUS_STATS_FILE,
  RECORDS_FILE,
  SEARCH_FORMAT,
  searchDir,
  type CorpusStats,
} from './search-files';

/**
 * Reads `corpus-stats.json`: what the body shards were scored against, and the shards themselves.
 * Throws an Error naming the file when it is missing, damaged, of another format or disagrees with
 * the `documentCount` documents listed.
 */
export function loadCorpusStats(bundleDir: string, documentCount: number): CorpusStats {
  const file = join(searchDir(bundleDir), CORPUS_STATS_FILE);
  let stats: Partial<CorpusStats>;
  try {
    stats = JSON.parse(readFileSync(file, 'utf8')) as Partial<CorpusStats>;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
  if (stats.format !== SEARCH_FORMAT || !Array.isArray(stats.shards)) {
    throw new Error(`${file}: not a search index of format ${SEARCH_FORMAT}; rebuild the content`);
  }
  const totals = stats.totalFieldLength as Partial<CorpusStats['totalFieldLength']> | undefined;
  if (BODY_FIELDS.some((field) => !Number.isSafeInteger(totals?.[field]) || (totals?.[field] as number) < 0))
    throw new Error(`${file}: its field lengths are missing or damaged; rebuild the content`);
  let next = 0;
  for (const shard of stats.shards) {
    if (
      shard?.first !== next ||
      !Number.isInteger(shard.count) ||
      shard.count < 1 ||
      !/^body-\d+\.bin$/.test(shard.file)
    )
      throw new Error(`${file}: its body shards do not follow each other; rebuild the content`);
    next += shard.count;
  }
  if (next !== documentCount || stats.documentCount !== documentCount) {
    throw new Error(`${file}: its shards hold ${next} documents but ${RECORDS_FILE} lists ${documentCount}`);
  }
  return stats as CorpusStats;
}
