/**
 * Between the note store (the reader's truth on this device) and the merged sync state (what this
 * device last agreed with the folder). Local edits are found by comparing the two, not by watching each
 * call: whatever wrote the store (the editor, an undo, an import, a re-anchoring, a crash right after a
 * save), the next sync sees it, so no acknowledged edit can miss the outbox.
 */
import type { Annotation } from '../api';
import type { AnnotationStore } from '../annotations/store/annotation-store';
import { errorDetail } from '../errors';
import type { HybridClock } from './hlc';
import { annotationFromState, changesForDeletion, changesForEdit } from './sync-annotation';
import type { AnnotationChange } from './sync-changes';
import type { SyncState } from './sync-merge';

/**
 * The changes that take the merged state to what the store holds: new and edited records, and records
 * deleted here. `ids` limits the comparison to the records the service was told about; null compares
 * every record (at start, after an import). `unstored` are ids the store refused to take from sync;
 * their absence is no deletion.
 */
export function localChanges(
  store: Pick<AnnotationStore, 'list' | 'get'>,
  state: SyncState,
  clock: HybridClock,
  unstored: readonly string[],
  ids: ReadonlySet<string> | null = null,
): AnnotationChange[] {
  const changes: AnnotationChange[] = [];
  const compare = (id: string, record: Annotation | null): void => {
    const merged = annotationFromState(id, state);
    if (record !== null) {
      const before = merged === null || merged.deleted ? null : merged.record;
      changes.push(...changesForEdit(before, record, clock, state.annotations[id]));
    } else if (merged !== null && !merged.deleted && !unstored.includes(id)) {
      changes.push(...changesForDeletion(merged.record, clock));
    }
  };
  if (ids !== null) {
    for (const id of ids) compare(id, store.get(id));
    return changes;
  }
  const inStore = new Set<string>();
  for (const record of store.list()) {
    inStore.add(record.id);
    compare(record.id, record);
  }
  for (const id of Object.keys(state.annotations)) if (!inStore.has(id)) compare(id, null);
  return changes;
}

/** The fields a reader sees; `modified` and `motivation` follow from them. */
function sameRecord(a: Annotation, b: Annotation): boolean {
  const seen = (r: Annotation): string =>
    JSON.stringify([r.docId, r.docTextHash, r.color, r.note, r.tags, r.selectors, r.anchorStatus, r.created]);
  return seen(a) === seen(b);
}

export interface StoreApplication {
  /** How many records were written or removed. */
  written: number;
  /** Ids the store refused, with a sentence each. */
  refused: Array<{ id: string; problem: string }>;
}

/** Writes the merged records of `ids` into the store: put when changed, removed when deleted. */
export function applyToStore(
  store: Pick<AnnotationStore, 'get' | 'put' | 'putAll' | 'remove'>,
  state: SyncState,
  ids: readonly string[],
): StoreApplication {
  const puts: Annotation[] = [];
  let written = 0;
  for (const id of ids) {
    const merged = annotationFromState(id, state);
    if (merged === null) continue; // incomplete: the rest of it is still on its way
    const current = store.get(id);
    if (merged.deleted) {
      if (current !== null) {
        store.remove(id);
        written += 1;
      }
    } else if (current === null || !sameRecord(current, merged.record)) {
      puts.push(merged.record);
    }
  }
  const refused: StoreApplication['refused'] = [];
  try {
    store.putAll(puts);
    written += puts.length;
  } catch {
    // One bad record must not keep the good ones out: take them one by one.
    for (const record of puts) {
      try {
        store.put(record);
        written += 1;
      } catch (error) {
        refused.push({ id: record.id, problem: errorDetail(error) });
      }
    }
  }
  return { written, refused };
}
