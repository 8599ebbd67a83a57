import type { SearchOptions, SearchResults } from '../api';

/** Messages from the search service to its worker. */
export type WorkerRequest =
  { type: 'search'; id: number; query: string; options: SearchOptions } | { type: 'close' };

/** Messages from the worker: whether the index loaded, then one `results` per `search`. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'results'; id: number; results: SearchResults };
