/**
 * Between the note store (the reader's truth on this device) and the merged sync state (what this
 * device last agreed with the folder), a few annotations at a time. Local edits are found by comparing
 * the two, not by watching each call: whatever wrote the store (the editor, an undo, an import, a
 * re-anchoring, a crash right after a save), the store's checksum no longer matches the one sync agreed
 * with, so no acknowledged edit can miss the outbox.
 *
 * One call is one transaction: the merged records, their sync state, the outbox and whatever the caller
 * adds (the clock, the cursor) are committed together or not at all.
 */
import type { Annotation } from '../api';
import type { AnnotationStore } from '../annotations/store/annotation-store';
import type { SyncRowWrite } from '../annotations/store/sync-tables';
import { errorDetail } from '../errors';
import type { HybridClock } from './hlc';
import { annotationFromState, changesForDeletion, changesForEdit } from './sync-annotation';
import type { AnnotationChange, Change } from './sync-changes';
import { annotationRow, annotationStates } from './sync-ledger';
import { mergeChanges } from './sync-merge';
import type { SyncState } from './sync-merge';

/** The fields a reader sees; `modified` and `motivation` follow from them. */
function sameRecord(a: Annotation, b: Annotation): boolean {
  const seen = (r: Annotation): string =>
    JSON.stringify([r.docId, r.docTextHash, r.color, r.note, r.tags, r.selectors, r.anchorStatus, r.created]);
  return seen(a) === seen(b);
}

/** The changes that take the merged state of `id` to what the store holds for it. */
function localChangesOf(
  id: string,
  record: Annotation | null,
  state: SyncState,
  clock: HybridClock,
): AnnotationChange[] {
  const merged = annotationFromState(id, state);
  if (record !== null) {
    const before = merged === null || merged.deleted ? null : merged.record;
    return changesForEdit(before, record, clock, state.annotations[id]);
  }
  if (merged !== null && !merged.deleted) return changesForDeletion(merged.record, clock);
  return [];
}

export interface Reconciled {
  /** Changes made here, now in the outbox. */
  local: Change[];
  /** How many records were written or removed. */
  written: number;
  /** Ids the store refused, with a sentence each; their state is kept, their record is not. */
  refused: Array<{ id: string; problem: string }>;
}

export interface ReconcileInput {
  store: AnnotationStore;
  clock: HybridClock;
  ids: readonly string[];
  /** Changes from other devices, by annotation id. */
  remote?: ReadonlyMap<string, readonly Change[]>;
  /**
   * Changes made here that are not edits of the store (a restored version), by annotation id: made
   * after the edits are taken in, so that they are stamped later.
   */
  extra?: ReadonlyMap<string, () => readonly Change[]>;
  /** More rows for the same transaction (the clock). */
  rows?: () => SyncRowWrite[];
  /**
   * A slice of a pass: committed without waiting for the disk, since the pass's last commit waits for
   * it (and everything before it) and a pass undone by a power cut is simply done again: the records'
   * checksums still differ, the folder's files are still unread. Default false.
   */
  slice?: boolean;
}

function reconcileOnce(input: ReconcileInput, ids: readonly string[], storeRecords: boolean): Reconciled {
  const { store, clock } = input;
  let state: SyncState = { annotations: annotationStates(store.sync, ids), positions: {}, devices: {} };
  const edited = new Set(store.sync.disagreeing(ids));
  const records = new Map<string, Annotation | null>();
  const local: Change[] = [];
  for (const id of ids) {
    const record = store.get(id);
    records.set(id, record);
    if (edited.has(id)) local.push(...localChangesOf(id, record, state, clock));
    local.push(...(input.extra?.get(id)?.() ?? []));
  }
  state = mergeChanges(state, local).state;
  state = mergeChanges(
    state,
    ids.flatMap((id) => input.remote?.get(id) ?? []),
  ).state;
  const put: Annotation[] = [];
  const remove: string[] = [];
  for (const id of ids) {
    const merged = annotationFromState(id, state);
    const current = records.get(id) ?? null;
    if (merged === null || !storeRecords) continue; // incomplete: the rest of it is still on its way
    if (merged.deleted) {
      if (current !== null) remove.push(id);
    } else if (current === null || !sameRecord(current, merged.record)) {
      put.push(merged.record);
    }
  }
  const rows = ids.flatMap((id) => (state.annotations[id] ? [annotationRow(id, state.annotations[id])] : []));
  store.sync.commit({
    put,
    remove,
    rows: [...rows, ...(input.rows?.() ?? [])],
    agree: ids,
    outboxAdd: local.map((change) => JSON.stringify(change)),
    durable: input.slice !== true,
  });
  return { local, written: put.length + remove.length, refused: [] };
}

/**
 * Takes the local edits of `ids` into the state and the outbox, merges the remote changes of `ids`, and
 * writes the merged records into the store. A record the store refuses does not keep the others out:
 * they are taken one by one, and the refused one keeps its state without its record.
 */
export function reconcile(input: ReconcileInput): Reconciled {
  try {
    return reconcileOnce(input, input.ids, true);
  } catch (error) {
    if (input.ids.length > 1) {
      const total: Reconciled = { local: [], written: 0, refused: [] };
      for (const id of input.ids) {
        const one = reconcile({ ...input, ids: [id] });
        total.local.push(...one.local);
        total.written += one.written;
        total.refused.push(...one.refused);
      }
      return total;
    }
    const problem = errorDetail(error);
    // Without its record: if this fails too, the store cannot be written at all and the pass stops.
    const without = reconcileOnce(input, input.ids, false);
    return { ...without, refused: input.ids.map((id) => ({ id, problem })) };
  }
}
