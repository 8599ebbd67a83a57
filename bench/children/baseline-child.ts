/**
 * Child process for the baselines (plain Lunr, MiniSearch): build and write an index, load it and run
 * the queries, or load it as an app's main process would at start-up while watching the event loop.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { readFieldRecords } from '../bundle-documents';
import { buildLunr, loadLunr, queryLunr, serialiseLunr } from '../engines/lunr-baseline';
import {
  buildMiniSearch,
  loadMiniSearch,
  queryMiniSearch,
  serialiseMiniSearch,
} from '../engines/minisearch-baseline';
import { heapAfterGc, measureQueries, readQueries, runJob, watchEventLoop } from './child-job';

export type BaselineEngine = 'lunr' | 'minisearch';

export type BaselineJob =
  | { task: 'build'; engine: BaselineEngine; bundleDir: string; indexFile: string }
  | { task: 'load'; engine: BaselineEngine; indexFile: string; queriesFile: string | null }
  | { task: 'startup'; engine: BaselineEngine; indexFile: string };

function load(engine: BaselineEngine, text: string) {
  if (engine === 'lunr') {
    const index = loadLunr(text);
    return { run: (query: Parameters<typeof queryLunr>[1]) => queryLunr(index, query) };
  }
  const index = loadMiniSearch(text);
  return { run: (query: Parameters<typeof queryMiniSearch>[1]) => queryMiniSearch(index, query) };
}

runJob<BaselineJob>(async (job) => {
  if (job.task === 'build') {
    const records = await readFieldRecords(job.bundleDir);
    let built: number;
    const start = performance.now();
    let text: string;
    if (job.engine === 'lunr') {
      const index = buildLunr(records);
      built = performance.now();
      text = serialiseLunr(index);
    } else {
      const index = buildMiniSearch(records);
      built = performance.now();
      text = serialiseMiniSearch(index);
    }
    const serialised = performance.now();
    await writeFile(job.indexFile, text);
    const written = performance.now();
    return {
      buildMs: built - start,
      serialiseMs: serialised - built,
      writeMs: written - serialised,
      totalMs: written - start,
    };
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
