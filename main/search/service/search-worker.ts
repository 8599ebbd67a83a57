import { parentPort, workerData } from 'node:worker_threads';
import { runSearchOver, type SearchStage } from './search-engine';
import { loadSearchStages } from './search-loading';
import type { WorkerData, WorkerReply, WorkerRequest } from './search-worker-protocol';
import { BodyWithYours } from './user-search-index';

/**
 * The search worker (bundled as dist/main/search-worker.js): loads one stage of the index (`meta` or
 * `body`) off the main thread, then answers queries, so the window never waits on a load or a query.
 * The body stage also holds the reader's own documents and indexes each one as it is imported.
 */

const port = parentPort;
if (port === null) throw new Error('search-worker.ts runs only as a worker thread');
const { bundleDir, stage: stageName, userLibrary } = workerData as WorkerData;

let stages: SearchStage[] | null = null;
let body: BodyWithYours | null = null;
let preparing = false;

/** Readies your documents' stages between queries (after `ready`, or after an import). */
function prepareWhileIdle(): void {
  if (preparing || body === null) return;
  preparing = true;
  setImmediate(() => {
    body?.prepare();
    preparing = false;
  });
}

try {
  // No term automaton: prefix and fuzzy terms expand over the sorted terms (sorted-expansion.ts).
  stages = loadSearchStages(bundleDir, stageName);
  if (stageName === 'body') body = new BodyWithYours(stages, bundleDir, userLibrary);
  port.postMessage({ type: 'ready', problems: body?.problems ?? [] } satisfies WorkerReply);
  prepareWhileIdle();
} catch (error) {
  port.postMessage({ type: 'failed', message: (error as Error).message } satisfies WorkerReply);
}

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'close') {
    stages?.forEach((stage) => stage.passages.close());
    body?.close();
    body = null;
    port.close();
    return;
  }
  if (stages === null) return;
  if (request.type === 'user-library') {
    const problems = body?.update(request.live, request.reindex) ?? [];
    port.postMessage({ type: 'user-library', id: request.id, problems } satisfies WorkerReply);
    prepareWhileIdle();
    return;
  }
  port.postMessage({
    type: 'results',
    id: request.id,
    results: body
      ? body.search(request.query, request.options)
      : runSearchOver(stages, request.query, request.options),
  } satisfies WorkerReply);
});
