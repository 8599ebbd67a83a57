/**
 * The search benchmark for one corpus size: Margin against plain Lunr and MiniSearch on the same
 * documents and the same queries. Every load runs in a fresh child process; engines alternate within
 * each repeat so that a noisy neighbour on the shared machine hurts all of them alike.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { corpusVocabulary, makeQueries, type QueryKind } from './bench-queries';
import { readFieldRecords } from './bundle-documents';
import type { BaselineEngine, BaselineJob } from './children/baseline-child';
import type { HeapReport, KindReport } from './children/child-job';
import type { MarginBuildJob } from './children/margin-build-child';
import type { MarginSearchJob } from './children/margin-search-child';
import { bundleMarginBuildChild, bundleScript, runChild, WORK_ROOT } from './child-process';
import { ensureCorpus, type CorpusManifest } from './corpus';
import { diskSize, type DiskSize } from './disk-size';
import { runStagesAndRanking, type StagesAndRanking } from './stages-and-ranking-bench';
import { median } from './stats';
import { PEER_ENGINES, type PeerEngine } from './run-options';

export const ENGINES = ['margin', 'lunr', 'minisearch', 'flexsearch'] as const;
const BASELINES = PEER_ENGINES;
export type Engine = (typeof ENGINES)[number];

/** Every repeat's value and their median. */
export interface Repeated {
  runs: number[];
  median: number;
}

export interface LoadResult {
  loadMs: Repeated;
  /** V8 heap + ArrayBuffers after load and two full GCs, MB. */
  memoryMb: Repeated;
  heapUsedMb: Repeated;
  arrayBuffersMb: Repeated;
  /** Same, after the query run (lazy structures filled in), first repeat only. */
  memoryAfterQueriesMb: number | null;
}

export interface StartupResult {
  /** From process start to the full-text index ready, ms. */
  readyMs: Repeated;
  /** Longest event-loop stall of the main thread from the start of loading to ready, ms. */
  maxStallMs: Repeated;
  /** Longest stall still going on one second after process start (the window is up by then), ms. */
  maxStallAfterFirstSecondMs: Repeated;
  /** The first repeat's longest stalls: when (ms since process start) and how long. */
  longestStalls: Array<{ atMs: number; ms: number }>;
  /** When the first query could be answered (Margin: titles/authors/headings before the body loads). */
  firstAnswerMs: Repeated;
  /** How the index is loaded, in words. */
  mode: string;
}

export interface SizeResult {
  size: number;
  measuredAt: string;
  corpus: CorpusManifest;
  repeats: number;
  buildRepeats: number;
  queriesPerKind: number;
  contentBuildMs: Repeated | null;
  indexBuildMs: Partial<Record<Engine, Repeated>>;
  disk: {
    marginBundle: DiskSize | null;
    marginIndex: DiskSize | null;
    marginIndexFiles: Record<string, number>;
    /** Null where the engine could not build its index at this size (the notes say why). */
    lunr: DiskSize | null;
    minisearch: DiskSize | null;
    /** Absent in results from before FlexSearch joined. */
    flexsearch?: DiskSize | null;
  };
  load: Partial<Record<Engine, LoadResult>>;
  /** marginWorker: through the worker as the app asks; marginIndexOnly: the compact index without passages. */
  queries: Partial<Record<Engine | 'marginWorker' | 'marginIndexOnly', Record<QueryKind, KindReport>>>;
  startup: Partial<Record<Engine, StartupResult>>;
  /** Margin's `search()` by stage (absent in older results). */
  stages?: StagesAndRanking['stages'];
  /** Share of each engine's top 10 holding every word of a plain query (absent in older results). */
  quality?: StagesAndRanking['quality'];
  notes: string[];
}

export interface SearchBenchOptions {
  size: number;
  repeats: number;
  buildRepeats: number;
  queriesPerKind: number;
  seed: string;
  /** The peers to run (all three unless --peers names fewer). */
  peers: readonly PeerEngine[];
  log: (line: string) => void;
}

/**
 * A peer whose index build takes longer than this is stopped and reported as unable to run at that size
 * (at 100,000 articles plain Lunr's and MiniSearch's stock JSON outgrow V8's longest string).
 */
const PEER_BUILD_LIMIT_MS = 10 * 60_000;
/**
 * Above this size Margin's index build is not timed again on its own: the content build, timed whole,
 * builds the same index (at 100,000 a second build would add ~20 minutes to the run).
 */
const SEPARATE_INDEX_BUILD_UP_TO = 10_000;
/** Heap for Margin's content build child above 10,000 articles (every parsed document is in memory). */
const LARGE_BUILD_HEAP_MB = 16_384;

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

function repeated(runs: number[]): Repeated {
  return { runs, median: median(runs) };
}

interface Scripts {
  baseline: string;
  marginBuild: string;
  marginSearch: string | null;
  searchWorker: string | null;
}

let scripts: Promise<Scripts> | null = null;

/** Bundles the children once per run; Margin's search children only once its service exists. */
function childScripts(): Promise<Scripts> {
  scripts ??= (async () => {
    const root = path.join(__dirname, '..');
    const hasService = existsSync(path.join(root, 'main/search/service/search-service.ts'));
    return {
      baseline: await bundleScript(path.join(__dirname, 'children/baseline-child.ts'), 'baseline-child'),
      marginBuild: await bundleMarginBuildChild(),
      marginSearch: hasService
        ? await bundleScript(path.join(__dirname, 'children/margin-search-child.ts'), 'margin-search-child')
        : null,
      searchWorker: hasService
        ? await bundleScript(path.join(root, 'main/search/service/search-worker.ts'), 'search-worker')
        : null,
    };
  })();
  return scripts;
}

interface LoadChildResult {
  loadMs: number;
  heap: HeapReport;
  heapAfterQueries: HeapReport | null;
  queries: Record<QueryKind, KindReport> | null;
  indexOnly?: Record<QueryKind, KindReport> | null;
  closeProblem?: string | null;
}

interface StartupChildResult {
  readyMs: number;
  firstAnswerMs: number | null;
  maxStallMs: number;
  maxStallAfterFirstSecondMs: number;
  longest: Array<{ atMs: number; ms: number }>;
  queries?: Record<QueryKind, KindReport> | null;
  closeProblem?: string | null;
}

export async function runSearchBench(options: SearchBenchOptions): Promise<SizeResult> {
  const { size, repeats, buildRepeats, log } = options;
  const measuredAt = new Date().toISOString();
  const bin = await childScripts();
  const work = path.join(WORK_ROOT, String(size));
  const bundleDir = path.join(work, 'bundle');
  await mkdir(work, { recursive: true });
  const notes: string[] = [];
  const leftOut = BASELINES.filter((engine) => !options.peers.includes(engine));
  if (leftOut.length > 0) notes.push(`Not run at this size (--peers): ${leftOut.join(', ')}.`);

  log(`[${size}] corpus`);
  const corpus = await ensureCorpus(size, options.seed);

  log(`[${size}] Margin content build ×${buildRepeats}`);
  const contentRuns: number[] = [];
  for (let r = 0; r < buildRepeats; r++) {
    const job: MarginBuildJob = { task: 'content-build', inDir: corpus.sourceDir, outDir: bundleDir };
    const heapMb = size > 10_000 ? LARGE_BUILD_HEAP_MB : undefined;
    contentRuns.push((await runChild<{ totalMs: number }>(bin.marginBuild, job, { heapMb })).totalMs);
    log(`  content build ${(contentRuns[contentRuns.length - 1] / 1000).toFixed(0)} s`);
  }

  log(`[${size}] queries`);
  const records = await readFieldRecords(bundleDir);
  const queriesFile = path.join(work, 'queries.json');
  const vocabulary = corpusVocabulary(records);
  const queries = {
    warmup: makeQueries(records, Math.min(30, options.queriesPerKind), `${options.seed}:warmup`, vocabulary),
    measured: makeQueries(records, options.queriesPerKind, options.seed, vocabulary),
  };
  await writeFile(queriesFile, JSON.stringify(queries));
  // Through the worker a smaller set is enough: the thread hop costs the same for every query.
  const workerQueriesFile = path.join(work, 'queries-worker.json');
  const perKindForWorker = Math.min(100, options.queriesPerKind);
  const workerSet = queries.measured.filter(
    (query, index, all) => all.slice(0, index).filter((q) => q.kind === query.kind).length < perKindForWorker,
  );
  await writeFile(workerQueriesFile, JSON.stringify({ warmup: queries.warmup, measured: workerSet }));
  const titleWord = queries.measured.find((query) => query.kind === 'field')?.words[0] ?? 'china';

  log(`[${size}] index builds ×${buildRepeats}`);
  const indexFile = (engine: BaselineEngine) => path.join(work, `${engine}-index.json`);
  const indexBuild: Record<Engine, number[]> = { margin: [], lunr: [], minisearch: [], flexsearch: [] };
  const scratch = path.join(work, 'index-scratch');
  /** Peers that could not run at this size, and why. */
  const failed = new Map<BaselineEngine, string>();
  for (const engine of leftOut) failed.set(engine, 'not run (--peers)');
  const fail = (engine: BaselineEngine, step: string, error: unknown) => {
    const reason = firstLine(error);
    failed.set(engine, reason);
    notes.push(`${engine} could not ${step} at ${size.toLocaleString('en')} articles: ${reason}.`);
    log(`  ${engine} could not ${step}: ${reason}`);
  };
  const separateIndexBuild = size <= SEPARATE_INDEX_BUILD_UP_TO;
  if (!separateIndexBuild) {
    notes.push(
      `Margin's index build was not timed on its own at this size: the content build (timed whole) builds it.`,
    );
  }
  for (let r = 0; r < buildRepeats; r++) {
    if (separateIndexBuild) {
      const marginJob: MarginBuildJob = { task: 'index-build', bundleDir, outDir: scratch };
      indexBuild.margin.push((await runChild<{ totalMs: number }>(bin.marginBuild, marginJob)).totalMs);
    }
    for (const engine of BASELINES) {
      if (failed.has(engine)) continue;
      const job: BaselineJob = { task: 'build', engine, bundleDir, indexFile: indexFile(engine) };
      try {
        const built = await runChild<{ totalMs: number }>(bin.baseline, job, {
          timeoutMs: PEER_BUILD_LIMIT_MS,
        });
        indexBuild[engine].push(built.totalMs);
        log(`  ${engine} build ${(built.totalMs / 1000).toFixed(0)} s`);
      } catch (error) {
        fail(engine, 'build its index', error);
        await rm(indexFile(engine), { force: true });
      }
    }
  }
  await rm(scratch, { recursive: true, force: true });
  const peerDisk = async (engine: BaselineEngine) =>
    failed.has(engine) ? null : await diskSize(indexFile(engine));

  log(`[${size}] sizes on disk`);
  const searchFolder = path.join(bundleDir, 'search');
  const marginIndexFiles: Record<string, number> = {};
  for (const name of await readdir(searchFolder)) {
    marginIndexFiles[name] = (await diskSize(path.join(searchFolder, name))).raw;
  }
  const disk = {
    marginBundle: await diskSize(bundleDir),
    marginIndex: await diskSize(searchFolder),
    marginIndexFiles,
    lunr: await peerDisk('lunr'),
    minisearch: await peerDisk('minisearch'),
    flexsearch: await peerDisk('flexsearch'),
  };

  log(`[${size}] loads and queries ×${repeats}`);
  const loads: Record<Engine, LoadChildResult[]> = { margin: [], lunr: [], minisearch: [], flexsearch: [] };
  const queryReports: SizeResult['queries'] = {};
  for (let r = 0; r < repeats; r++) {
    const withQueries = r === 0 ? queriesFile : null;
    for (const engine of ENGINES) {
      let result: LoadChildResult;
      if (engine === 'margin') {
        if (!bin.marginSearch) continue;
        const job: MarginSearchJob = { task: 'load', bundleDir, queriesFile: withQueries };
        result = await runChild<LoadChildResult>(bin.marginSearch, job);
      } else {
        if (failed.has(engine)) continue;
        const job: BaselineJob = {
          task: 'load',
          engine,
          indexFile: indexFile(engine),
          queriesFile: withQueries,
        };
        try {
          result = await runChild<LoadChildResult>(bin.baseline, job);
        } catch (error) {
          fail(engine, 'load its index', error);
          continue;
        }
      }
      loads[engine].push(result);
      if (result.closeProblem && !notes.includes(result.closeProblem)) notes.push(result.closeProblem);
      if (result.queries) queryReports[engine] = result.queries;
      if (result.indexOnly) queryReports.marginIndexOnly = result.indexOnly;
      log(`  ${engine} load ${result.loadMs.toFixed(0)} ms, ${result.heap.totalMb.toFixed(0)} MB`);
    }
  }

  log(`[${size}] start-up ×${repeats}`);
  const startups: Record<Engine, StartupChildResult[]> = {
    margin: [],
    lunr: [],
    minisearch: [],
    flexsearch: [],
  };
  for (let r = 0; r < repeats; r++) {
    for (const engine of ENGINES) {
      if (engine === 'margin') {
        if (!bin.marginSearch || !bin.searchWorker) continue;
        const job: MarginSearchJob = {
          task: 'startup',
          bundleDir,
          workerScript: bin.searchWorker,
          titleWord,
          queriesFile: r === 0 ? workerQueriesFile : null,
        };
        const result = await runChild<StartupChildResult>(bin.marginSearch, job);
        if (result.queries) queryReports.marginWorker = result.queries;
        if (result.closeProblem && !notes.includes(result.closeProblem)) notes.push(result.closeProblem);
        startups.margin.push(result);
      } else {
        if (failed.has(engine)) continue;
        const job: BaselineJob = { task: 'startup', engine, indexFile: indexFile(engine) };
        try {
          startups[engine].push(await runChild<StartupChildResult>(bin.baseline, job));
        } catch (error) {
          fail(engine, 'start', error);
        }
      }
    }
  }

  log(`[${size}] search() by stage, ranking quality`);
  const { stages, quality } = await runStagesAndRanking({
    work,
    bundleDir,
    records,
    queriesFile,
    indexFile,
    baselineScript: bin.baseline,
    peers: BASELINES.filter((engine) => !failed.has(engine)),
    seed: options.seed,
    log,
  });

  const load: SizeResult['load'] = {};
  const startup: SizeResult['startup'] = {};
  for (const engine of ENGINES) {
    const runs = loads[engine];
    if (runs.length > 0) {
      const after = runs[0]?.heapAfterQueries;
      load[engine] = {
        loadMs: repeated(runs.map((run) => run.loadMs)),
        memoryMb: repeated(runs.map((run) => run.heap.totalMb)),
        heapUsedMb: repeated(runs.map((run) => run.heap.heapUsedMb)),
        arrayBuffersMb: repeated(runs.map((run) => run.heap.arrayBuffersMb)),
        memoryAfterQueriesMb: after ? after.totalMb : null,
      };
    }
    const starts = startups[engine];
    if (starts.length > 0) {
      startup[engine] = {
        readyMs: repeated(starts.map((run) => run.readyMs)),
        maxStallMs: repeated(starts.map((run) => run.maxStallMs)),
        maxStallAfterFirstSecondMs: repeated(starts.map((run) => run.maxStallAfterFirstSecondMs)),
        longestStalls: starts[0]?.longest ?? [],
        firstAnswerMs: repeated(starts.map((run) => run.firstAnswerMs ?? run.readyMs)),
        mode:
          engine === 'margin'
            ? 'the service created as the app creates it, with the search worker script (the index loads off the main thread)'
            : 'read asynchronously, then parsed and loaded on the main thread',
      };
    }
  }
  if (!bin.marginSearch)
    notes.push(
      "Margin's search service has not landed: its load, queries and start-up are not yet measured.",
    );

  return {
    size,
    measuredAt,
    corpus: corpus.manifest,
    repeats,
    buildRepeats,
    queriesPerKind: options.queriesPerKind,
    contentBuildMs: repeated(contentRuns),
    indexBuildMs: Object.fromEntries(
      ENGINES.filter((engine) => indexBuild[engine].length > 0).map((engine) => [
        engine,
        repeated(indexBuild[engine]),
      ]),
    ),
    disk,
    load,
    queries: queryReports,
    startup,
    stages,
    quality,
    notes,
  };
}
