/**
 * Child process for the baselines (plain Lunr, MiniSearch): build and write an index, load it and run
 * the queries, or load it as an app's main process would at start-up while watching the event loop.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { readFieldRecords } from '../bundle-documents';
import type { BenchQuery } from '../bench-queries';
import {
  buildFlexSearch,
  loadFlexSearch,
  queryFlexSearch,
  rankFlexSearchPlain,
  serialiseFlexSearch,
} from '../engines/flexsearch-baseline';
import { buildLunr, loadLunr, queryLunr, rankLunr, serialiseLunr } from '../engines/lunr-baseline';
import {
  buildMiniSearch,
  loadMiniSearch,
  queryMiniSearch,
  rankMiniSearch,
  serialiseMiniSearch,
} from '../engines/minisearch-baseline';
import { qualityQueryText, TOP, type QualityQuery } from '../ranking-quality';
import { heapAfterGc, measureQueries, readQueries, runJob, watchEventLoop } from './child-job';

export type BaselineEngine = 'lunr' | 'minisearch' | 'flexsearch';

export type BaselineJob =
  | { task: 'build'; engine: BaselineEngine; bundleDir: string; indexFile: string }
  | { task: 'load'; engine: BaselineEngine; indexFile: string; queriesFile: string | null }
  | { task: 'startup'; engine: BaselineEngine; indexFile: string }
  /** The top 10 refs for each plain query of `qualityFile` (ranking-quality.ts). */
  | { task: 'rank'; engine: BaselineEngine; indexFile: string; qualityFile: string };

interface LoadedEngine {
  run(query: BenchQuery): number;
  rank(text: string, count: number): number[];
}

function load(engine: BaselineEngine, text: string): LoadedEngine {
  if (engine === 'lunr') {
    const index = loadLunr(text);
    return { run: (query) => queryLunr(index, query), rank: (q, n) => rankLunr(index, q, n) };
  }
  if (engine === 'flexsearch') {
    const index = loadFlexSearch(text);
    return {
      run: (query) => queryFlexSearch(index, query),
      rank: (q, n) => rankFlexSearchPlain(index, q, n),
    };
  }
  const index = loadMiniSearch(text);
  return { run: (query) => queryMiniSearch(index, query), rank: (q, n) => rankMiniSearch(index, q, n) };
}

function buildAndSerialise(engine: BaselineEngine, records: Awaited<ReturnType<typeof readFieldRecords>>) {
  const start = performance.now();
  if (engine === 'lunr') {
    const index = buildLunr(records);
    return { built: performance.now() - start, serialise: () => serialiseLunr(index) };
  }
  if (engine === 'flexsearch') {
    const index = buildFlexSearch(records);
    return { built: performance.now() - start, serialise: () => serialiseFlexSearch(index) };
  }
  const index = buildMiniSearch(records);
  return { built: performance.now() - start, serialise: () => serialiseMiniSearch(index) };
}

runJob<BaselineJob>(async (job) => {
  if (job.task === 'build') {
    const records = await readFieldRecords(job.bundleDir);
    const built = buildAndSerialise(job.engine, records);
    const serialiseStart = performance.now();
    const text = built.serialise();
    const serialised = performance.now();
    await writeFile(job.indexFile, text);
    const written = performance.now();
    const serialiseMs = serialised - serialiseStart;
    const writeMs = written - serialised;
    return { buildMs: built.built, serialiseMs, writeMs, totalMs: built.built + serialiseMs + writeMs };
  }

  if (job.task === 'rank') {
    const engine = load(job.engine, await readFile(job.indexFile, 'utf8'));
    const queries = JSON.parse(await readFile(job.qualityFile, 'utf8')) as QualityQuery[];
    return queries.map((query) => engine.rank(qualityQueryText(query), TOP));
  }

  if (job.task === 'load') {
    const heapBefore = heapAfterGc();
    const start = performance.now();
    const engine = load(job.engine, await readFile(job.indexFile, 'utf8'));
    const loadMs = performance.now() - start;
    const heap = heapAfterGc();
    const queries =
      job.queriesFile === null ? null : await measureQueries(readQueries(job.queriesFile), engine.run);
    return { loadMs, heapBefore, heap, heapAfterQueries: queries ? heapAfterGc() : null, queries };
  }

  // Start-up as the app's main process would do it: read without blocking, then parse and load in-process.
  const stopWatching = watchEventLoop();
  const text = await readFile(job.indexFile, 'utf8');
  load(job.engine, text);
  const readyMs = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { readyMs, firstAnswerMs: readyMs, ...stopWatching() };
});
