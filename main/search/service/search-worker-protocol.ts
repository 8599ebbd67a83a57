import type { SearchOptions, SearchResults } from '../../api';
import type { StageName } from './search-loading';

/** What a search worker is started with. */
export interface WorkerData {
  bundleDir: string;
  stage: StageName;
}

/** Messages from the search service to its worker. */
export type WorkerRequest =
  { type: 'search'; id: number; query: string; options: SearchOptions } | { type: 'close' };

/** Messages from the worker: whether the index loaded, then one `results` per `search`. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'results'; id: number; results: SearchResults };
