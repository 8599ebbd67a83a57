import { parentPort, workerData } from 'node:worker_threads';
import { runSearch, type SearchStage } from './search-engine';
import { loadSearchStage } from './search-loading';
import type { WorkerData, WorkerReply, WorkerRequest } from './search-worker-protocol';

/**
 * The search worker (bundled as dist/main/search-worker.js): loads one stage of the index (`meta` or
 * `body`) off the main thread, then answers queries, so the window never waits on a load or a query.
 */

const port = parentPort;
if (port === null) throw new Error('search-worker.ts runs only as a worker thread');
const { bundleDir, stage: stageName } = workerData as WorkerData;

let stage: SearchStage | null = null;
try {
  stage = loadSearchStage(bundleDir, stageName);
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
} catch (error) {
  port.postMessage({ type: 'failed', message: (error as Error).message } satisfies WorkerReply);
}

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'close') {
    stage?.passages.close();
    port.close();
    return;
  }
  if (stage === null) return;
  port.postMessage({
    type: 'results',
    id: request.id,
    results: runSearch(stage, request.query, request.options),
  } satisfies WorkerReply);
});
