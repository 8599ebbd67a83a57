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
import { bundleScript, runChild, WORK_ROOT } from './child-process';
import { ensureCorpus, type CorpusManifest } from './corpus';
import { diskSize, type DiskSize } from './disk-size';
import { runStagesAndRanking, type StagesAndRanking } from './stages-and-ranking-bench';
import { median } from './stats';

export const ENGINES = ['margin', 'lunr', 'minisearch', 'flexsearch'] as const;
const BASELINES = ['lunr', 'minisearch', 'flexsearch'] as const;
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
    lunr: DiskSize;
    minisearch: DiskSize;
    /** Absent in results from before FlexSearch joined. */
    flexsearch?: DiskSize;
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
  log: (line: string) => void;
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
      marginBuild: await bundleScript(
        path.join(__dirname, 'children/margin-build-child.ts'),
        'margin-build-child',
      ),
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

  log(`[${size}] corpus`);
  const corpus = await ensureCorpus(size, options.seed);

  log(`[${size}] Margin content build ×${buildRepeats}`);
  const contentRuns: number[] = [];
  for (let r = 0; r < buildRepeats; r++) {
    const job: MarginBuildJob = { task: 'content-build', inDir: corpus.sourceDir, outDir: bundleDir };
    contentRuns.push((await runChild<{ totalMs: number }>(bin.marginBuild, job)).totalMs);
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
  for (let r = 0; r < buildRepeats; r++) {
    const marginJob: MarginBuildJob = { task: 'index-build', bundleDir, outDir: scratch };
    indexBuild.margin.push((await runChild<{ totalMs: number }>(bin.marginBuild, marginJob)).totalMs);
    for (const engine of BASELINES) {
      const job: BaselineJob = { task: 'build', engine, bundleDir, indexFile: indexFile(engine) };
      indexBuild[engine].push((await runChild<{ totalMs: number }>(bin.baseline, job)).totalMs);
    }
  }
  await rm(scratch, { recursive: true, force: true });

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
    lunr: await diskSize(indexFile('lunr')),
    minisearch: await diskSize(indexFile('minisearch')),
    flexsearch: await diskSize(indexFile('flexsearch')),
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
        const job: BaselineJob = {
          task: 'load',
          engine,
          indexFile: indexFile(engine),
          queriesFile: withQueries,
        };
        result = await runChild<LoadChildResult>(bin.baseline, job);
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
        const job: BaselineJob = { task: 'startup', engine, indexFile: indexFile(engine) };
        startups[engine].push(await runChild<StartupChildResult>(bin.baseline, job));
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
    indexBuildMs: {
      margin: repeated(indexBuild.margin),
      lunr: repeated(indexBuild.lunr),
      minisearch: repeated(indexBuild.minisearch),
      flexsearch: repeated(indexBuild.flexsearch),
    },
    disk,
    load,
    queries: queryReports,
    startup,
    stages,
    quality,
    notes,
  };
}
