/**
 * The yours part: search over the bundled corpus alone beside search over the bundled corpus plus
 * 1,000 documents of yours (generated articles of another seed, kept through the user library), with
 * the same queries in one process, alternating; and how long a start takes until your documents are
 * searchable, with nothing indexed yet, with their segments, and with the kept main stage.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openUserLibrary } from '../main/library/user-library/user-library';
import { STAGE_FILE } from '../main/search/index/user-stage-file';
import { USER_INDEX_DIR } from '../main/search/service/user-search-index';
import { corpusVocabulary, makeQueries } from './bench-queries';
import { readFieldRecords } from './bundle-documents';
import type { MarginBuildJob } from './children/margin-build-child';
import type { YoursQueries, YoursSearchJob, YoursStart } from './children/yours-search-child';
import { bundleMarginBuildChild, bundleScript, runChild, WORK_ROOT } from './child-process';
import { ensureCorpus } from './corpus';
import { fillLibrary } from './user-library-fill';
import { median, round } from './stats';

/** Documents of yours beside the bundled corpus. */
export const YOURS_COUNT = 1000;

/** One start of the body stage with your library, in a fresh process. */
export interface YoursStartResult extends YoursStart {
  /** From the body stage's start to a search over your documents answering, ms. */
  searchableMs: number;
}

export interface YoursSearchResult {
  /** Bundled articles. */
  size: number;
  yours: number;
  measuredAt: string;
  queriesPerKind: number;
  start: {
    /** Nothing indexed yet: every segment made, then the main stage assembled and kept (one run). */
    fromDocuments: YoursStartResult;
    /** Segments on disk, no kept stage (as before this stage file existed; one run). */
    fromSegments: YoursStartResult;
    /** Segments and the kept main stage on disk: every start after the first. */
    fromStage: YoursStartResult[];
    fromStageMedianMs: number;
  };
  queries: YoursQueries;
}

export interface YoursSearchOptions {
  size: number;
  repeats: number;
  queriesPerKind: number;
  seed: string;
  log: (line: string) => void;
}

export async function runYoursSearchBench(options: YoursSearchOptions): Promise<YoursSearchResult> {
  const { size, log } = options;
  const measuredAt = new Date().toISOString();
  const work = path.join(WORK_ROOT, 'yours', String(size));
  const bundleDir = path.join(work, 'bundle');
  const dataDir = path.join(work, 'data');
  mkdirSync(work, { recursive: true });
  const child = await bundleScript(path.join(__dirname, 'children', 'yours-search-child.ts'), 'yours-search');
  const builder = await bundleMarginBuildChild('margin-build');

  log(`[yours ${size}] corpus and content build`);
  const corpus = await ensureCorpus(size, options.seed);
  // The content build's own check: built again only where the corpus, its settings or the bundle's
  // format changed since (a 10,000-article build takes minutes; the check, a fraction of a second).
  const build: MarginBuildJob = { task: 'rebuild', inDir: corpus.sourceDir, outDir: bundleDir };
  await runChild(builder, build);

  log(`[yours ${size}] ${YOURS_COUNT} documents of yours`);
  rmSync(dataDir, { recursive: true, force: true });
  await fillLibrary(dataDir, YOURS_COUNT, `${options.seed}:yours`);
  const library = openUserLibrary(dataDir);
  const job = { bundleDir, libraryDir: library.dir, live: library.liveIds() };
  // A search only a document of yours answers: its title, as a phrase.
  const probe = `title:"${library.entry(job.live[job.live.length - 1])?.meta.title ?? ''}"`;
  const indexDir = path.join(library.dir, USER_INDEX_DIR);

  const start = async (label: string): Promise<YoursStartResult> => {
    const result = await runChild<YoursStart>(child, {
      task: 'start',
      probe,
      ...job,
    } satisfies YoursSearchJob);
    if (result.probeHits <= 0) throw new Error(`the start ${label} found nothing for "${probe}"`);
    const searchableMs = result.yoursMs + result.firstSearchMs;
    log(`[yours ${size}] start ${label}: searchable ${round(searchableMs)} ms after the body stage`);
    return { ...result, searchableMs: round(searchableMs) };
  };
  const fromDocuments = await start('with nothing indexed');
  rmSync(path.join(indexDir, STAGE_FILE));
  const fromSegments = await start('from the segments');
  if (!existsSync(path.join(indexDir, STAGE_FILE))) throw new Error('the start kept no main stage');
  const fromStage: YoursStartResult[] = [];
  for (let r = 0; r < options.repeats; r++) fromStage.push(await start('from the kept stage'));

  log(`[yours ${size}] queries alone and with yours, alternating`);
  const records = await readFieldRecords(bundleDir);
  const vocabulary = corpusVocabulary(records);
  const queriesFile = path.join(work, 'queries.json');
  await writeFile(
    queriesFile,
    JSON.stringify({
      warmup: makeQueries(
        records,
        Math.min(30, options.queriesPerKind),
        `${options.seed}:warmup`,
        vocabulary,
      ),
      measured: makeQueries(records, options.queriesPerKind, options.seed, vocabulary),
    }),
  );
  const queries = await runChild<YoursQueries>(child, {
    task: 'queries',
    queriesFile,
    ...job,
  } satisfies YoursSearchJob);
  return {
    size,
    yours: YOURS_COUNT,
    measuredAt,
    queriesPerKind: options.queriesPerKind,
    start: {
      fromDocuments,
      fromSegments,
      fromStage,
      fromStageMedianMs: round(median(fromStage.map((run) => run.searchableMs))),
    },
    queries,
  };
}
