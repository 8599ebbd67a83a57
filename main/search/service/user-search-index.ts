/**
 * The reader's own documents as a second search stage beside the bundled body index, kept where the
 * body index is loaded (the body search worker, or in-process), since their scores are computed
 * against it. Each document has its segment file `<library>/index/<id>.json`; a missing, damaged or
 * outdated one (scored against another bundle) is made again from the stored `<library>/docs/<id>.json`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, SearchOptions, SearchResults } from '../../api';
import { PRIVATE_DIR_MODE } from '../../data-dir';
import { errorDetail } from '../../errors';
import { writeFileAtomically } from '../../storage/durable-files';
import { loadCompactIndex, type CompactIndex } from '../index/compact-index';
import {
  BODY_FIELDS,
  CORPUS_STATS_FILE,
  DOCS_DIR,
  PassageStore,
  SEARCH_FORMAT,
  searchDir,
  type CorpusStats,
  type DocumentRecord,
  type IndexField,
} from '../index/search-files';
import {
  assembleUserIndex,
  buildUserSegment,
  fieldTerms,
  isCurrentSegment,
  type ScoringCorpus,
  type UserSegment,
} from '../index/user-segments';
import { guardExpansions } from '../query/expansion-guard';
import { runSearchOver, type SearchStage } from './search-engine';

export const USER_INDEX_DIR = 'index';

/** The bundled corpus the body stage was built from, as the reader's documents are scored against it. */
export function scoringCorpus(
  bundleDir: string,
  compact: CompactIndex,
  documents: readonly DocumentRecord[],
): ScoringCorpus {
  let stats: CorpusStats;
  let text: string;
  try {
    text = readFileSync(join(searchDir(bundleDir), CORPUS_STATS_FILE), 'utf8');
    stats = JSON.parse(text) as CorpusStats;
    if (stats.format !== SEARCH_FORMAT || stats.documentCount !== compact.refCount) throw new Error('stale');
  } catch {
    // A bundle built before the stats file existed: measure its documents once.
    stats = measureCorpus(bundleDir, documents);
    text = JSON.stringify(stats);
  }
  return {
    stats,
    key: createHash('sha256').update(text).digest('hex').slice(0, 16),
    documentsWithTerm: (term) => compact.postingCount(term),
  };
}

function measureCorpus(bundleDir: string, documents: readonly DocumentRecord[]): CorpusStats {
  const totals = Object.fromEntries(BODY_FIELDS.map((field) => [field, 0])) as Record<IndexField, number>;
  for (const record of documents) {
    try {
      const doc = JSON.parse(
        readFileSync(join(bundleDir, DOCS_DIR, `${record.id}.json`), 'utf8'),
      ) as Document;
      const terms = fieldTerms(doc);
      for (const field of BODY_FIELDS) totals[field] += terms[field].length;
    } catch {
      // An unreadable bundled document counts as empty, as its passages do in search.
    }
  }
  const count = Math.max(1, documents.length);
  const averageFieldLength = Object.fromEntries(
    BODY_FIELDS.map((field) => [field, totals[field] / count]),
  ) as Record<IndexField, number>;
  return { format: SEARCH_FORMAT, documentCount: documents.length, averageFieldLength };
}

/** New documents wait in a small stage of their own until this many, then join the main one. */
const RECENT_LIMIT = 64;

/** A set of segments assembled into one stage when a query first needs it. */
class SegmentStage {
  private stage: SearchStage | null = null;

  constructor(
    readonly ids: readonly string[],
    private readonly libraryDir: string,
  ) {}

  get(segments: ReadonlyMap<string, UserSegment>): SearchStage | null {
    if (this.ids.length === 0) return null;
    if (this.stage === null) {
      const assembled = assembleUserIndex(this.ids.map((id) => segments.get(id) as UserSegment));
      const compact = loadCompactIndex(assembled.index);
      guardExpansions(compact);
      this.stage = {
        complete: true,
        compact,
        documents: assembled.records,
        phraseFilters: assembled.phraseFilters,
        // Refs are per stage, so each stage reads (and caches) its own passages.
        passages: new PassageStore(this.libraryDir),
      };
    }
    return this.stage;
  }

  close(): void {
    this.stage?.passages.close();
  }
}

/**
 * Your documents in two stages: the main one, assembled from every segment, and a small one of the
 * documents added since. Adding a document rebuilds only the small one (its own few terms), so it is
 * searchable at once however large the library; past RECENT_LIMIT the two are put together again, as
 * is the main stage after a removal or a replaced text.
 */
export class UserSearchIndex {
  private readonly segments = new Map<string, UserSegment>();
  private main: SegmentStage;
  private recent: SegmentStage;

  constructor(
    private readonly libraryDir: string,
    private readonly corpus: ScoringCorpus,
  ) {
    this.main = new SegmentStage([], libraryDir);
    this.recent = new SegmentStage([], libraryDir);
  }

  /**
   * The documents in the library now (`live`), and those whose text is new or changed (`reindex`).
   * Returns one line per document that could not be indexed (it is left out of search, nothing else).
   */
  update(live: readonly string[], reindex: readonly string[]): string[] {
    const problems: string[] = [];
    for (const id of reindex) this.segments.delete(id);
    const indexed: string[] = [];
    for (const id of live) {
      try {
        if (!this.segments.has(id)) this.segments.set(id, this.segmentOf(id, reindex.includes(id)));
        indexed.push(id);
      } catch (error) {
        problems.push(`${id}: could not be indexed (${errorDetail(error)})`);
      }
    }
    const now = new Set(indexed);
    const mainHolds = new Set(this.main.ids);
    const mainStands = this.main.ids.every((id) => now.has(id) && !reindex.includes(id));
    const added = indexed.filter((id) => !mainHolds.has(id));
    this.recent.close();
    if (mainStands && added.length <= RECENT_LIMIT && this.main.ids.length > 0) {
      this.recent = new SegmentStage(added, this.libraryDir);
    } else {
      this.main.close();
      this.main = new SegmentStage(indexed, this.libraryDir);
      this.recent = new SegmentStage([], this.libraryDir);
    }
    return problems;
  }

  /** The stages over the documents in the library, each assembled when first needed. */
  stages(): SearchStage[] {
    return [this.main.get(this.segments), this.recent.get(this.segments)].filter(
      (stage): stage is SearchStage => stage !== null,
    );
  }

  close(): void {
    this.main.close();
    this.recent.close();
  }

  private segmentOf(id: string, fresh: boolean): UserSegment {
    const file = join(this.libraryDir, USER_INDEX_DIR, `${id}.json`);
    if (!fresh && existsSync(file)) {
      try {
        const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (isCurrentSegment(stored, id, this.corpus.key)) return stored;
      } catch {
        // Damaged: made again below from the stored document.
      }
    }
    const doc = JSON.parse(readFileSync(join(this.libraryDir, DOCS_DIR, `${id}.json`), 'utf8')) as Document;
    if (doc.id !== id) throw new Error(`the stored document is not "${id}"`);
    const segment = buildUserSegment(doc, this.corpus);
    mkdirSync(join(this.libraryDir, USER_INDEX_DIR), { recursive: true, mode: PRIVATE_DIR_MODE });
    writeFileAtomically(file, JSON.stringify(segment));
    return segment;
  }
}

/** Where the reader's library is and which of its documents are in it, for the body stage to load. */
export interface UserLibraryPlan {
  dir: string;
  live: string[];
}

/** The body stage and the reader's documents beside it, answering as one search. */
export class BodyWithYours {
  readonly yours: UserSearchIndex | null;
  /** What the reader's documents could not give at load (one line each). */
  readonly problems: string[] = [];

  constructor(
    readonly body: SearchStage,
    bundleDir: string,
    plan: UserLibraryPlan | undefined,
  ) {
    this.yours =
      plan === undefined
        ? null
        : new UserSearchIndex(plan.dir, scoringCorpus(bundleDir, body.compact, body.documents));
    if (this.yours && plan) this.problems.push(...this.yours.update(plan.live, []));
  }

  search(query: string, options: SearchOptions): SearchResults {
    let yours: SearchStage[] = [];
    try {
      yours = this.yours?.stages() ?? [];
    } catch (error) {
      console.error(`margin: your documents could not be searched: ${errorDetail(error)}`);
    }
    return runSearchOver([this.body, ...yours], query, options);
  }

  update(live: readonly string[], reindex: readonly string[]): string[] {
    return this.yours?.update(live, reindex) ?? [];
  }

  close(): void {
    this.body.passages.close();
    this.yours?.close();
  }
}
