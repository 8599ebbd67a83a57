/**
 * The reader's own documents as a second search stage beside the bundled body index, kept where the
 * body index is loaded (the body search worker, or in-process), since their scores are computed
 * against it. Each document has its segment file `<library>/index/<id>.json`; a missing, damaged or
 * outdated one (scored against another bundle) is made again from the stored `<library>/docs/<id>.json`.
 * The main stage, once assembled from the segments, is kept whole in `<library>/index/main-stage.bin`
 * (user-stage-file.ts), so that a start reads that one file.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, SearchOptions, SearchResults } from '../../api';
import { PRIVATE_DIR_MODE } from '../../data-dir';
import { errorDetail } from '../../errors';
import { writeFileAtomically } from '../../storage/durable-files';
import { DOCS_DIR } from '../index/search-files';
import {
  assembleUserIndex,
  buildUserSegment,
  isCurrentSegment,
  type ScoringCorpus,
  type UserSegment,
} from '../index/user-segments';
import {
  decodeStage,
  encodeStage,
  segmentFileStat,
  segmentTextHash,
  STAGE_FILE,
  type StoredStage,
} from '../index/user-stage-file';
import { scoringCorpus } from './scoring-corpus';
import { runSearchOver, type SearchStage } from './search-engine';
import { searchStageOf, SegmentStage } from './user-segment-stage';

export const USER_INDEX_DIR = 'index';

/** New documents wait in a small stage of their own until this many, then join the main one. */
const RECENT_LIMIT = 64;
/** Documents the main stage may hold but not show (removed, or replaced by a new text) until re-assembly. */
const HIDDEN_LIMIT = 64;

/**
 * Your documents in two stages: the main one, assembled from every segment, and a small one of the
 * documents added since. Adding a document rebuilds only the small one (its own few terms), so it is
 * searchable at once however large the library. A removed document is hidden in the main stage, and a
 * replaced one is hidden there while its new text joins the small stage; past RECENT_LIMIT new or
 * HIDDEN_LIMIT hidden documents, the main stage is assembled again (and kept in its file).
 */
export class UserSearchIndex {
  private readonly segments = new Map<string, UserSegment>();
  /** segmentTextHash of each segment in `segments`, as its file holds it. */
  private readonly hashes = new Map<string, string>();
  private main: SegmentStage;
  private recent: SegmentStage;
  /** Main-stage documents whose text changed since it was assembled (from a replace, or on disk). */
  private readonly outdated = new Set<string>();
  /** Refs of the main stage's documents not to show: removed, or outdated. */
  private hiddenRefs = new Set<number>();

  constructor(
    private readonly libraryDir: string,
    private readonly corpus: ScoringCorpus,
  ) {
    this.main = this.storedMain() ?? new SegmentStage([], () => this.assembleMain([]));
    this.recent = new SegmentStage([], () => this.assemble([]));
  }

  /**
   * The documents in the library now (`live`), and those whose text is new or changed (`reindex`).
   * Returns one line per document that could not be indexed (it is left out of search, nothing else).
   */
  update(live: readonly string[], reindex: readonly string[]): string[] {
    const problems: string[] = [];
    for (const id of reindex) {
      this.segments.delete(id);
      this.hashes.delete(id);
    }
    const inMain = new Set(this.main.ids);
    for (const id of reindex) if (inMain.has(id)) this.outdated.add(id);
    const now = new Set(live);
    const hidden = this.main.ids.filter((id) => !now.has(id) || this.outdated.has(id));
    const added = live.filter((id) => !inMain.has(id) || this.outdated.has(id));
    const indexed = this.indexed(added, reindex, problems);
    this.recent.close();
    // A main stage not assembled yet would be assembled from the new segments of replaced documents
    // (or miss one that failed): it is then set up again over the library as it is now.
    const mainStands = this.main.made || !reindex.some((id) => inMain.has(id));
    if (
      mainStands &&
      this.main.ids.length > 0 &&
      indexed.length <= RECENT_LIMIT &&
      hidden.length <= HIDDEN_LIMIT
    ) {
      const hiddenIds = new Set(hidden);
      this.hiddenRefs = new Set(this.main.ids.flatMap((id, ref) => (hiddenIds.has(id) ? [ref] : [])));
      this.recent = new SegmentStage(indexed, () => this.assemble(indexed));
    } else {
      const all = this.indexed(live, reindex, problems);
      // With nothing to assemble, no stage file would replace the old one.
      if (all.length === 0) rmSync(this.stageFile(), { force: true });
      this.main.close();
      this.main = new SegmentStage(all, () => this.assembleMain(all));
      this.recent = new SegmentStage([], () => this.assemble([]));
      this.outdated.clear();
      this.hiddenRefs = new Set();
    }
    return [...new Set(problems)];
  }

  /** The stages over the documents in the library, each assembled when first needed. */
  stages(): SearchStage[] {
    const main = this.main.get();
    const recent = this.recent.get();
    const stages: SearchStage[] = [];
    if (main) stages.push(this.hiddenRefs.size === 0 ? main : { ...main, hiddenRefs: this.hiddenRefs });
    if (recent) stages.push(recent);
    return stages;
  }

  /**
   * Readies the stages (assembles them) between queries, so the first query after an import or a start
   * need not; true once done. Prefix and fuzzy terms need no term automaton (sorted-expansion.ts).
   */
  prepare(): boolean {
    this.stages();
    return true;
  }

  close(): void {
    this.main.close();
    this.recent.close();
  }

  /** The ids whose segments could be had (read or made), each problem added to `problems`. */
  private indexed(ids: readonly string[], reindex: readonly string[], problems: string[]): string[] {
    return ids.filter((id) => {
      try {
        if (!this.segments.has(id)) this.segments.set(id, this.segmentOf(id, reindex.includes(id)));
        return true;
      } catch (error) {
        problems.push(`${id}: could not be indexed (${errorDetail(error)})`);
        return false;
      }
    });
  }

  private assemble(ids: readonly string[]): SearchStage {
    const assembled = assembleUserIndex(ids.map((id) => this.segments.get(id) as UserSegment));
    return searchStageOf(this.libraryDir, assembled.index, assembled.records, assembled.phraseFilters);
  }

  /** Assembles the main stage and keeps it in its file for the next start. */
  private assembleMain(ids: readonly string[]): SearchStage {
    const assembled = assembleUserIndex(ids.map((id) => this.segments.get(id) as UserSegment));
    const stored: StoredStage = {
      corpus: this.corpus.key,
      members: ids.map((id) => ({
        id,
        hash: this.hashes.get(id) as string,
        ...segmentFileStat(this.segmentFile(id)),
      })),
      records: assembled.records,
      index: assembled.index,
      phraseFilters: assembled.phraseFilters,
    };
    try {
      this.ensureIndexDir();
      writeFileAtomically(this.stageFile(), encodeStage(stored));
    } catch (error) {
      // Search goes on; the next start assembles the stage again.
      console.error(`margin: the search stage of your documents could not be kept: ${errorDetail(error)}`);
    }
    return searchStageOf(this.libraryDir, assembled.index, assembled.records, assembled.phraseFilters);
  }

  /**
   * The main stage as kept in its file, or null when there is none or it cannot be trusted (damaged,
   * another format, scored against another bundle). Members whose segment changed since are outdated.
   */
  private storedMain(): SegmentStage | null {
    let stored: StoredStage;
    let stage: SearchStage;
    try {
      stored = decodeStage(readFileSync(this.stageFile()), this.corpus.key);
      stage = searchStageOf(this.libraryDir, stored.index, stored.records, stored.phraseFilters);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        console.error(`margin: assembling your documents' search stage again (${errorDetail(error)})`);
      return null;
    }
    for (const member of stored.members) if (this.changedSince(member)) this.outdated.add(member.id);
    const ids = stored.members.map((member) => member.id);
    return new SegmentStage(ids, () => stage, stage);
  }

  /** Whether a member's segment file now holds another text than the stage was assembled from. */
  private changedSince(member: StoredStage['members'][number]): boolean {
    const file = this.segmentFile(member.id);
    const now = segmentFileStat(file);
    // No file: nothing replaced it (a replaced document's new segment is written before it is used).
    if (now.size === null) return false;
    if (now.size === member.size && now.mtimeNs === member.mtimeNs) return false;
    try {
      return segmentTextHash(readFileSync(file, 'utf8')) !== member.hash;
    } catch {
      return true;
    }
  }

  private segmentFile(id: string): string {
    return join(this.libraryDir, USER_INDEX_DIR, `${id}.json`);
  }

  private stageFile(): string {
    return join(this.libraryDir, USER_INDEX_DIR, STAGE_FILE);
  }

  private ensureIndexDir(): void {
    mkdirSync(join(this.libraryDir, USER_INDEX_DIR), { recursive: true, mode: PRIVATE_DIR_MODE });
  }

  private segmentOf(id: string, fresh: boolean): UserSegment {
    const file = this.segmentFile(id);
    if (!fresh) {
      try {
        const text = readFileSync(file, 'utf8');
        const stored: unknown = JSON.parse(text);
        if (isCurrentSegment(stored, id, this.corpus.key)) {
          this.hashes.set(id, segmentTextHash(text));
          return stored;
        }
      } catch {
        // Missing or damaged: made again below from the stored document.
      }
    }
    const doc = JSON.parse(readFileSync(join(this.libraryDir, DOCS_DIR, `${id}.json`), 'utf8')) as Document;
    if (doc.id !== id) throw new Error(`the stored document is not "${id}"`);
    const segment = buildUserSegment(doc, this.corpus);
    const text = JSON.stringify(segment);
    this.ensureIndexDir();
    writeFileAtomically(file, text);
    this.hashes.set(id, segmentTextHash(text));
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
    /** The bundled body index, one stage per shard. */
    readonly body: readonly SearchStage[],
    bundleDir: string,
    plan: UserLibraryPlan | undefined,
  ) {
    this.yours =
      plan === undefined
        ? null
        : new UserSearchIndex(
            plan.dir,
            scoringCorpus(
              bundleDir,
              body.map((shard) => shard.compact),
            ),
          );
    if (this.yours && plan) this.problems.push(...this.yours.update(plan.live, []));
  }

  search(query: string, options: SearchOptions): SearchResults {
    let yours: SearchStage[] = [];
    try {
      yours = this.yours?.stages() ?? [];
    } catch (error) {
      console.error(`margin: your documents could not be searched: ${errorDetail(error)}`);
    }
    return runSearchOver([...this.body, ...yours], query, options);
  }

  update(live: readonly string[], reindex: readonly string[]): string[] {
    return this.yours?.update(live, reindex) ?? [];
  }

  /** Readies your documents' stages (UserSearchIndex.prepare); true when done, or when it fails (the first query then says why). */
  prepare(): boolean {
    try {
      return this.yours?.prepare() ?? true;
    } catch {
      return true;
    }
  }

  close(): void {
    for (const shard of this.body) shard.passages.close();
    this.yours?.close();
  }
}
