import { join } from 'node:path';
import { averageOf, type CompactIndex, type CorpusFigures, type LoadOptions } from '../index/compact-index';
import { loadCompactIndexFile } from '../index/compact-index-file';
import { guardExpansions } from '../query/expansion-guard';
import type { SearchStage } from './search-engine';
import {
  CORPUS_STATS_FILE,
  META_INDEX_FILE,
  PassageStore,
  PHRASE_FILTER_FILE,
  RECORDS_FILE,
  SEARCH_FORMAT,
  searchDir,
  BODY_FIELDS,
  type CorpusStats,
} from '../index/search-files';
import { NO_PHRASE_FILTER } from '../index/phrase-filter';
import { PhraseFilterFile } from '../index/phrase-filter-slices';
import { recordTableView, type RecordTable } from '../index/record-table';
import { loadRecordsFile } from '../index/records-file';
import { loadCorpusStats } from '../index/corpus-stats-file';

export type StageName = 'meta' | 'body';

/**
 * Opens the document records of a bundle's search index, reading only their header and offsets: each
 * record is read when a query shows it. Throws an Error naming the file when it is missing or damaged.
 */
export function loadDocumentRecords(bundleDir: string): RecordTable {
  return loadRecordsFile(join(searchDir(bundleDir), RECORDS_FILE));
}

function loadIndexFile(file: string, refCount: number, what: string, options: LoadOptions): CompactIndex {
  let compact;
  try {
    // The postings stay on disk: a query reads the few terms it needs (compact-index-file.ts).
    compact = loadCompactIndexFile(file, options);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
  if (compact.refCount !== refCount) {
    throw new Error(`${file}: indexes ${compact.refCount} documents but ${what} ${refCount}`);
  }
  guardExpansions(compact);
  return compact;
}

/** Opens the phrase filters of the body shards, left on disk (phrase-filter-slices.ts). */
function openPhraseFilters(file: string, shards: CorpusStats['shards']): PhraseFilterFile {
  try {
    return PhraseFilterFile.open(file, shards);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Loads one stage of the search index, synchronously (call it in a worker to keep a thread free): for
 * `meta` the small index of titles, authors and headings (one stage); for `body` the full index, one
 * stage per body shard, which a query searches together (`runSearchOver`). The stages share one
 * passage store. Bench times this. The term automaton is left unbuilt unless `options` say otherwise:
 * Margin's queries never need it (sorted-expansion.ts), only stock Lunr's engine would.
 */
export function loadSearchStages(
  bundleDir: string,
  stage: StageName,
  documents: RecordTable = loadDocumentRecords(bundleDir),
  options: LoadOptions = { lazyTokenSet: true },
): SearchStage[] {
  const dir = searchDir(bundleDir);
  const passages = new PassageStore(bundleDir);
  if (stage === 'meta') {
    const compact = loadIndexFile(
      join(dir, META_INDEX_FILE),
      documents.count,
      `${RECORDS_FILE} lists`,
      options,
    );
    // The meta stage answers only while the full index loads: it checks phrases by reading, unfiltered.
    return [{ complete: false, compact, documents, phraseFilter: NO_PHRASE_FILTER, passages }];
  }
  const stats = loadCorpusStats(bundleDir, documents.count);
  const { shards } = stats;
  const phraseFilters = openPhraseFilters(join(dir, PHRASE_FILTER_FILE), shards);
  const compacts = shards.map((shard) =>
    loadIndexFile(join(dir, shard.file), shard.count, `${CORPUS_STATS_FILE} gives it`, options),
  );
  const group = { shards: compacts, expansions: new Map<string, string[]>() };
  const corpus = bundleCorpus(stats, compacts);
  for (const [n, compact] of compacts.entries()) {
    if (compact.weighting !== 'counts' || compact.fields.join() !== BODY_FIELDS.join())
      throw new Error(
        `${join(dir, shards[n].file)}: not a body shard of format ${SEARCH_FORMAT}; rebuild the content`,
      );
    compact.scoreAgainst(corpus);
  }
  return shards.map((shard, n) => {
    compacts[n].shardGroup = group;
    return {
      complete: true,
      compact: compacts[n],
      documents: recordTableView(documents, shard.first, shard.count),
      phraseFilter: phraseFilters.shards[n],
      passages,
    };
  });
}

/** A term's corpus postings remembered (a query reads a few terms; the next keystroke most of them). */
const CORPUS_POSTINGS_CACHE = 16_384;

/**
 * What every body shard is weighed against: the whole corpus, as one Lunr index over it would be (its
 * document count and average field lengths from the stats, a term's postings summed over every shard).
 */
function bundleCorpus(stats: CorpusStats, shards: readonly CompactIndex[]): CorpusFigures {
  const known = new Map<string, number>();
  return {
    documentCount: stats.documentCount,
    averageFieldLength: BODY_FIELDS.map((field) =>
      averageOf(stats.totalFieldLength[field], stats.documentCount),
    ),
    documentsWithTerm(term) {
      let count = known.get(term);
      if (count !== undefined) return count;
      count = 0;
      for (const shard of shards) count += shard.postingCount(term);
      if (known.size >= CORPUS_POSTINGS_CACHE) known.clear();
      known.set(term, count);
      return count;
    },
  };
}
