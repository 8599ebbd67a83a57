import type { SearchOptions, SearchResults } from '../../api';
import type { StageName } from './search-loading';
import type { UserLibraryPlan } from './user-search-index';

/** What a search worker is started with. */
export interface WorkerData {
  bundleDir: string;
  stage: StageName;
  /** The body stage also searches the reader's own documents (user-search-index.ts). */
  userLibrary?: UserLibraryPlan;
}

/** Messages from the search service to its worker. */
export type WorkerRequest =
  | { type: 'search'; id: number; query: string; options: SearchOptions }
  /** The reader's documents now in the library, and those to index afresh. */
  | { type: 'user-library'; id: number; live: string[]; reindex: string[] }
  | { type: 'close' };

/** Messages from the worker: whether the index loaded, then one reply per request. */
export type WorkerReply =
  | { type: 'ready'; problems: string[] }
  | { type: 'failed'; message: string }
  | { type: 'results'; id: number; results: SearchResults }
  | { type: 'user-library'; id: number; problems: string[] };
