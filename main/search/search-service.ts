import { Worker } from 'node:worker_threads';
import type { SearchOptions, SearchResults } from '../api';
import { MarginError } from '../errors';
import { runSearch, type SearchStage } from './search-engine';
import { loadDocumentRecords, loadSearchStage } from './search-loading';
import type { WorkerReply, WorkerRequest } from './search-worker-protocol';

export interface SearchService {
  /** Resolves when the full-text index is loaded; rejects (with a message) if it cannot be. */
  readonly ready: Promise<void>;
  isReady(): boolean;
  /** Never rejects for a bad query (that is `{ status: 'invalid' }`); rejects `unavailable` when no index loads. */
  search(query: string, options?: SearchOptions): Promise<SearchResults>;
  close(): Promise<void>;
}

export interface SearchServiceOptions {
  bundleDir: string;
  /** The built worker (dist/main/search-worker.js): the full-text index loads and answers there. */
  workerScript?: string;
}

const WORKER_CLOSE_TIMEOUT_MS = 2000;

/** A stage that answers queries: in this thread, or in the worker. */
type BodyAnswerer = (query: string, options: SearchOptions) => Promise<SearchResults>;

/**
 * Search in two stages. The small index of titles, authors and headings loads first, on this thread,
 * and answers with `complete: false`; the full-text index loads in a worker thread (or in-process when
 * no worker script is given) and answers everything once ready.
 */
export function createSearchService(options: SearchServiceOptions): SearchService {
  let closed = false;
  let meta: SearchStage | null = null;
  let body: BodyAnswerer | null = null;
  let bodyStage: SearchStage | null = null;
  let worker: Worker | null = null;
  const pending = new Map<
    number,
    { resolve: (results: SearchResults) => void; reject: (error: Error) => void }
  >();
  let nextId = 0;

  // Deferred a turn so that creating the service never blocks its caller.
  const metaReady = new Promise<SearchStage>((resolve, reject) => {
    setImmediate(() => {
      try {
        if (closed) throw new Error('search is closed');
        meta = loadSearchStage(options.bundleDir, 'meta', loadDocumentRecords(options.bundleDir));
        resolve(meta);
      } catch (error) {
        reject(unavailable(error));
      }
    });
  });
  metaReady.catch(() => undefined);

  const ready = metaReady.then(
    () =>
      new Promise<void>((resolve, reject) => {
        if (options.workerScript === undefined) {
          setImmediate(() => {
            try {
              if (closed) throw new Error('search is closed');
              const stage = loadSearchStage(options.bundleDir, 'body', meta?.documents);
              bodyStage = stage;
              body = async (query, searchOptions) => runSearch(stage, query, searchOptions);
              resolve();
            } catch (error) {
              reject(unavailable(error));
            }
          });
          return;
        }
        worker = startWorker(options.workerScript, options.bundleDir, {
          ready: () => {
            body = (query, searchOptions) =>
              new Promise((resolveSearch, rejectSearch) => {
                const id = nextId++;
                pending.set(id, { resolve: resolveSearch, reject: rejectSearch });
                worker?.postMessage({
                  type: 'search',
                  id,
                  query,
                  options: searchOptions,
                } satisfies WorkerRequest);
              });
            resolve();
          },
          failed: (message) => {
            reject(unavailable(new Error(message)));
            void worker?.terminate();
          },
          results: (id, results) => {
            pending.get(id)?.resolve(results);
            pending.delete(id);
          },
          died: (error) => {
            body = null;
            reject(unavailable(error));
            for (const request of pending.values()) request.reject(unavailable(error));
            pending.clear();
          },
        });
      }),
  );
  ready.catch(() => undefined);

  return {
    ready,
    isReady: () => body !== null,
    async search(query, searchOptions = {}) {
      if (closed) throw new MarginError('unavailable', 'Search is closed.');
      if (body !== null) return body(query, searchOptions);
      return runSearch(await metaReady, query, searchOptions);
    },
    async close() {
      if (closed) return;
      closed = true;
      body = null;
      const stages: Array<SearchStage | null> = [meta, bodyStage];
      for (const stage of stages) stage?.passages.close();
      if (worker !== null) {
        const exiting = worker;
        worker = null;
        for (const request of pending.values())
          request.reject(new MarginError('unavailable', 'Search is closed.'));
        pending.clear();
        // Asked to close, the worker closes its passage file (descriptors belong to the whole process)
        // and exits; terminate() is the fallback for a worker that does not.
        const exited = new Promise((resolve) => exiting.once('exit', () => resolve('exited')));
        exiting.postMessage({ type: 'close' } satisfies WorkerRequest);
        const timeout = new Promise((resolve) => setTimeout(resolve, WORKER_CLOSE_TIMEOUT_MS).unref());
        if ((await Promise.race([exited, timeout])) !== 'exited') await exiting.terminate();
      }
    },
  };
}

function unavailable(error: unknown): MarginError {
  const detail = error instanceof Error ? error.message : String(error);
  return new MarginError('unavailable', `The search index could not be loaded: ${detail}`);
}

interface WorkerEvents {
  ready(): void;
  failed(message: string): void;
  results(id: number, results: SearchResults): void;
  died(error: Error): void;
}

function startWorker(script: string, bundleDir: string, on: WorkerEvents): Worker {
  const worker = new Worker(script, { workerData: { bundleDir } });
  worker.on('message', (reply: WorkerReply) => {
    if (reply.type === 'ready') on.ready();
    else if (reply.type === 'failed') on.failed(reply.message);
    else on.results(reply.id, reply.results);
  });
  worker.on('error', (error) => on.died(error));
  worker.on('exit', (code) => on.died(new Error(`the search worker stopped (exit code ${code})`)));
  return worker;
}
