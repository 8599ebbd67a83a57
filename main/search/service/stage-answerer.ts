import { Worker } from 'node:worker_threads';
import type { SearchOptions, SearchResults } from '../../api';
import { errorDetail, MarginError } from '../../errors';
import { runSearchOver } from './search-engine';
import { loadSearchStages, type StageName } from './search-loading';
import type { WorkerData, WorkerReply, WorkerRequest } from './search-worker-protocol';
import type { WorkerCode } from './search-worker-source';
import { BodyWithYours, type UserLibraryPlan } from './user-search-index';

/** One loaded stage of the index answering queries, in this thread or in a worker thread. */
export interface StageAnswerer {
  search(query: string, options: SearchOptions): Promise<SearchResults>;
  /**
   * The reader's documents in the library now, and those to index afresh (the body stage only; the
   * meta stage ignores them). Resolves with a line per document that could not be indexed.
   */
  updateUserLibrary(live: string[], reindex: string[]): Promise<string[]>;
  /** What the reader's documents could not give when the stage loaded. */
  readonly problems: string[];
  close(): Promise<void>;
}

const WORKER_CLOSE_TIMEOUT_MS = 2000;

export function unavailable(error: unknown): MarginError {
  if (error instanceof MarginError) return error;
  return new MarginError('unavailable', `The search index could not be loaded: ${errorDetail(error)}`);
}

/** Loads a stage on this thread, a turn later so that the caller is never blocked by it. */
export function loadInProcess(
  bundleDir: string,
  stage: StageName,
  userLibrary?: UserLibraryPlan,
): Promise<StageAnswerer> {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        const loaded = loadSearchStages(bundleDir, stage);
        const body = stage === 'body' ? new BodyWithYours(loaded, bundleDir, userLibrary) : null;
        resolve({
          search: async (query, options) =>
            body ? body.search(query, options) : runSearchOver(loaded, query, options),
          updateUserLibrary: async (live, reindex) => body?.update(live, reindex) ?? [],
          problems: body?.problems ?? [],
          close: async () => (body ? body.close() : loaded.forEach((shard) => shard.passages.close())),
        });
      } catch (error) {
        reject(unavailable(error));
      }
    });
  });
}

/**
 * Loads a stage in a worker thread running search-worker.ts bundled, from its file or from its source.
 * Resolves once the worker says the index is loaded; a worker that dies later fails its pending and
 * later searches.
 */
export function loadInWorker(
  code: WorkerCode,
  bundleDir: string,
  stage: StageName,
  userLibrary?: UserLibraryPlan,
): Promise<StageAnswerer> {
  return new Promise((resolve, reject) => {
    const workerData: WorkerData =
      stage === 'body' ? { bundleDir, stage, userLibrary } : { bundleDir, stage };
    const worker =
      'script' in code
        ? new Worker(code.script, { workerData })
        : new Worker(code.source, { workerData, eval: true });
    const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
    const ask = <T>(request: (id: number) => WorkerRequest): Promise<T> =>
      new Promise<T>((resolveAsk, rejectAsk) => {
        if (failure !== null) return rejectAsk(failure);
        const id = nextId++;
        pending.set(id, { resolve: resolveAsk as (value: never) => void, reject: rejectAsk });
        worker.postMessage(request(id));
      });
    let nextId = 0;
    let failure: MarginError | null = null;
    const fail = (error: MarginError) => {
      failure ??= error;
      reject(failure);
      for (const request of pending.values()) request.reject(failure);
      pending.clear();
    };

    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'failed') {
        fail(unavailable(new Error(reply.message)));
        void worker.terminate();
      } else if (reply.type === 'results' || reply.type === 'user-library') {
        const value = reply.type === 'results' ? reply.results : reply.problems;
        pending.get(reply.id)?.resolve(value as never);
        pending.delete(reply.id);
      } else {
        resolve({
          search: (query, options) => ask<SearchResults>((id) => ({ type: 'search', id, query, options })),
          updateUserLibrary: (live, reindex) =>
            stage === 'body'
              ? ask<string[]>((id) => ({ type: 'user-library', id, live, reindex }))
              : Promise.resolve([]),
          problems: reply.problems,
          close: () => closeWorker(worker, () => fail(new MarginError('unavailable', 'Search is closed.'))),
        });
      }
    });
    worker.on('error', (error) => fail(unavailable(error)));
    worker.on('exit', (code) =>
      fail(unavailable(new Error(`the search worker stopped (exit code ${code})`))),
    );
  });
}

/** Asks the worker to close its passage file and exit; terminate() is the fallback. */
async function closeWorker(worker: Worker, failPending: () => void): Promise<void> {
  const exited = new Promise((resolve) => worker.once('exit', () => resolve('exited')));
  failPending();
  worker.postMessage({ type: 'close' } satisfies WorkerRequest);
  const timeout = new Promise((resolve) => setTimeout(resolve, WORKER_CLOSE_TIMEOUT_MS).unref());
  if ((await Promise.race([exited, timeout])) !== 'exited') await worker.terminate();
}
