/** The bundled corpus the reader's documents are scored against (user-segments.ts). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompactIndex } from '../index/compact-index';
import { CORPUS_STATS_FILE, searchDir, type CorpusStats } from '../index/search-files';
import type { ScoringCorpus } from '../index/user-segments';

/**
 * The bundled corpus the body shards (`shards`, loaded by search-loading.ts, which checked the stats
 * file) were scored against, as the reader's documents are scored against it: a term's documents are
 * its postings summed over every shard.
 */
export function scoringCorpus(bundleDir: string, shards: readonly CompactIndex[]): ScoringCorpus {
  const text = readFileSync(join(searchDir(bundleDir), CORPUS_STATS_FILE), 'utf8');
  const stats = JSON.parse(text) as CorpusStats;
  return {
    stats,
    key: createHash('sha256').update(text).digest('hex').slice(0, 16),
    documentsWithTerm: (term) => {
      let count = 0;
      for (const shard of shards) count += shard.postingCount(term);
      return count;
    },
  };
}
