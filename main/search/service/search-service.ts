import type { SearchOptions, SearchResults } from '../../api';
import { MarginError } from '../../errors';
import { loadInProcess, loadInWorker, type StageAnswerer } from './stage-answerer';
import type { SearchWorkerPlan } from './search-worker-source';
import type { UserLibraryPlan } from './user-search-index';

export interface SearchService {
  /** Resolves when the full-text index is loaded; rejects (with a message) if it cannot be. */
  readonly ready: Promise<void>;
  isReady(): boolean;
  /** Never rejects for a bad query (that is `{ status: 'invalid' }`); rejects `unavailable` when no index loads. */
  search(query: string, options?: SearchOptions): Promise<SearchResults>;
  /**
   * The reader's documents now in the library, and those whose text is new (to index). Applied once the
   * full index is loaded, in the order given; resolves when they are searchable, with a line per
   * document that could not be indexed. Resolves [] when there is no full index to add them to.
   */
  updateUserLibrary(live: string[], reindex: string[]): Promise<string[]>;
  close(): Promise<void>;
}

export interface SearchServiceOptions {
  bundleDir: string;
  /** The built worker (dist/main/search-worker.js): both stages load and answer in worker threads. */
  workerScript?: string;
  /** Or the worker as its plan (packaged: its source, and the unpacked bundle it reads). */
  worker?: SearchWorkerPlan;
  /** The reader's own library, searched with the full index. */
  userLibrary?: UserLibraryPlan;
}

/**
 * Search in two stages. The small index of titles, authors and headings loads first and answers with
 * `complete: false`; the full-text index loads meanwhile and answers everything once ready. With a
 * worker script each stage loads and answers in its own worker thread (the meta worker is let go once
 * the full index answers), so the main thread never parses an index; without one, both load in-process
 * one after the other (tests, the CLI).
 */
export function createSearchService(options: SearchServiceOptions): SearchService {
  const { bundleDir } = options;
  const worker: SearchWorkerPlan | undefined =
    options.worker ??
    (options.workerScript === undefined ? undefined : { code: { script: options.workerScript }, bundleDir });
  let closed = false;
  let meta: StageAnswerer | null = null;
  let body: StageAnswerer | null = null;

  const load = (stage: 'meta' | 'body') =>
    worker === undefined
      ? loadInProcess(bundleDir, stage, options.userLibrary)
      : loadInWorker(worker.code, worker.bundleDir, stage, options.userLibrary);
  const whenOpen = async (answerer: StageAnswerer) => {
    if (closed) {
      await answerer.close();
      throw new MarginError('unavailable', 'Search is closed.');
    }
    return answerer;
  };

  const metaReady = load('meta').then(whenOpen);
  metaReady.then((answerer) => (meta = answerer)).catch(() => undefined);
  // In-process the stages load in turn (meta answers first); workers load them side by side.
  const bodyLoad = worker === undefined ? metaReady.then(() => load('body')) : load('body');
  const ready = bodyLoad.then(whenOpen).then(async (answerer) => {
    body = answerer;
    for (const problem of answerer.problems) console.warn(`margin: your documents: ${problem}`);
    if (worker !== undefined && meta !== null) {
      const spare = meta;
      meta = null;
      await spare.close();
    }
  });
  ready.catch(() => undefined);
  let updates: Promise<unknown> = ready.catch(() => undefined);

  return {
    ready,
    isReady: () => body !== null,
    async search(query, searchOptions = {}) {
      if (closed) throw new MarginError('unavailable', 'Search is closed.');
      if (body === null && meta === null) {
        try {
          await metaReady;
        } catch (error) {
          if (body === null) throw error;
        }
      }
      // Read again after waiting: the full index may have taken over (and the meta worker gone) meanwhile.
      const answerer = body ?? meta;
      if (answerer === null) throw new MarginError('unavailable', 'Search is closed.');
      try {
        return await answerer.search(query, searchOptions);
      } catch (error) {
        // The titles worker is let go when the full index takes over; a query it had in flight then
        // goes to the full index instead of failing the reader's search.
        if (answerer !== body && body !== null && !closed) return body.search(query, searchOptions);
        throw error;
      }
    },
    updateUserLibrary(live, reindex) {
      const update = updates.then(async () => (body === null ? [] : body.updateUserLibrary(live, reindex)));
      updates = update.catch(() => undefined);
      return update;
    },
    async close() {
      if (closed) return;
      closed = true;
      const answerers = [meta, body];
      meta = null;
      body = null;
      await Promise.all(answerers.map((answerer) => answerer?.close()));
    },
  };
}
