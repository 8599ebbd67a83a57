/** A stage of the reader's own documents: an assembled compact index over some of their segments. */
import { loadCompactIndex } from '../index/compact-index';
import { DocumentPhraseFilters } from '../index/phrase-filter';
import { PassageStore, type DocumentRecord } from '../index/search-files';
import { recordTableOf } from '../index/record-table';
import { guardExpansions } from '../query/expansion-guard';
import type { SearchStage } from './search-engine';

/** A search stage over an assembled index of your documents (ref = position in `records`). */
export function searchStageOf(
  libraryDir: string,
  index: Uint8Array,
  records: DocumentRecord[],
  phraseFilters: Uint8Array,
): SearchStage {
  // No term automaton: prefix and fuzzy terms expand over the sorted terms (sorted-expansion.ts).
  const compact = loadCompactIndex(index, { lazyTokenSet: true });
  if (compact.refCount !== records.length) throw new Error('the index and its records disagree');
  guardExpansions(compact);
  return {
    complete: true,
    compact,
    documents: recordTableOf(records),
    phraseFilter: new DocumentPhraseFilters(phraseFilters),
    // Refs are per stage, so each stage reads (and caches) its own passages.
    passages: new PassageStore(libraryDir),
  };
}

/** A set of segments as one stage, made when a query first needs it (or given, read from its file). */
export class SegmentStage {
  constructor(
    readonly ids: readonly string[],
    private readonly make: () => SearchStage,
    private stage: SearchStage | null = null,
  ) {}

  /** Whether the stage has been assembled (or read) already. */
  get made(): boolean {
    return this.stage !== null;
  }

  get(): SearchStage | null {
    if (this.ids.length === 0) return null;
    this.stage ??= this.make();
    return this.stage;
  }

  close(): void {
    this.stage?.passages.close();
  }
}
