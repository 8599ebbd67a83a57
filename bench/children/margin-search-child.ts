/**
 * Child process for Margin's search service: load it in-process and run the queries (load time, heap,
 * latency of the engine itself), or start it as the app does, with the full-text index in a worker
 * thread, while watching the main thread's event loop.
 */
import { loadSearchStages } from '../../main/search/service/search-loading';
import { createSearchService } from '../../main/search/service/search-service';
import { lunrQueryText, marginQueryText, type BenchQuery } from '../bench-queries';
import { GROUP_STEPS } from '../../main/shared/search-steps';
import { heapAfterGc, measureQueries, readQueries, runJob, watchEventLoop } from './child-job';

export type MarginSearchJob =
  | { task: 'load'; bundleDir: string; queriesFile: string | null }
  | {
      task: 'startup';
      bundleDir: string;
      workerScript: string;
      titleWord: string;
      queriesFile: string | null;
    };

/**
 * Rejections nobody handled (e.g. while the service lets a worker go) are recorded and reported with the
 * results, rather than allowed to end the measurement: Node would otherwise exit on the first one.
 */
const unhandled: string[] = [];
process.on('unhandledRejection', (reason) => {
  const message = `the search service left an unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`;
  if (!unhandled.includes(message)) unhandled.push(message);
});

async function closeAndRecord(service: ReturnType<typeof createSearchService>): Promise<string | null> {
  try {
    await service.close();
  } catch (error) {
    unhandled.push(`closing the search service failed: ${(error as Error).message}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  return unhandled.length > 0 ? unhandled.join('; ') : null;
}

/** Documents found, or -1 when the query was refused (invalid) or failed (counted as refused). */
async function hits(service: ReturnType<typeof createSearchService>, query: BenchQuery): Promise<number> {
  try {
    const results = await service.search(marginQueryText(query), { limit: GROUP_STEPS[0] });
    return results.status === 'ok' ? results.total : -1;
  } catch (error) {
    const message = `a query failed: ${(error as Error).message}`;
    if (!unhandled.includes(message)) unhandled.push(message);
    return -1;
  }
}

runJob<MarginSearchJob>(async (job) => {
  if (job.task === 'load') {
    const heapBefore = heapAfterGc();
    const start = performance.now();
    const service = createSearchService({ bundleDir: job.bundleDir });
    await service.ready;
    const loadMs = performance.now() - start;
    const heap = heapAfterGc();
    const queries =
      job.queriesFile === null
        ? null
        : await measureQueries(readQueries(job.queriesFile), (q) => hits(service, q));
    const heapAfterQueries = queries ? heapAfterGc() : null;
    const closeProblem = await closeAndRecord(service);
    // Margin's compact index alone (Lunr's query engine on it, no passages or snippets): where the time goes.
    let indexOnly = null;
    if (job.queriesFile !== null) {
      const shards = loadSearchStages(job.bundleDir, 'body');
      indexOnly = await measureQueries(readQueries(job.queriesFile), (q) => {
        try {
          let found = 0;
          for (const shard of shards) found += shard.compact.index.search(lunrQueryText(q)).length;
          return found;
        } catch {
          return -1;
        }
      });
      shards[0]?.passages.close();
    }
    return { loadMs, heapBefore, heap, heapAfterQueries, queries, indexOnly, closeProblem };
  }

  // As the app starts: the service is created at once; the window must stay responsive meanwhile.
  const stopWatching = watchEventLoop();
  const service = createSearchService({ bundleDir: job.bundleDir, workerScript: job.workerScript });
  let firstAnswerMs: number | null = null;
  const firstAnswer = service.search(`title:${job.titleWord}`).then(
    (results) => {
      if (results.status === 'ok') firstAnswerMs = performance.now();
    },
    (error: unknown) => {
      unhandled.push(`a query sent during start-up was rejected: ${(error as Error).message}`);
    },
  );
  await service.ready;
  const readyMs = performance.now();
  await firstAnswer;
  await new Promise((resolve) => setTimeout(resolve, 20));
  const stalls = stopWatching();
  // Queries through the worker, as the app sends them (adds the thread hop to the engine's time).
  const queries =
    job.queriesFile === null
      ? null
      : await measureQueries(readQueries(job.queriesFile), (q) => hits(service, q));
  const mainThreadHeap = heapAfterGc();
  const closeProblem = await closeAndRecord(service);
  return { readyMs, firstAnswerMs, ...stalls, queries, mainThreadHeap, closeProblem };
});
