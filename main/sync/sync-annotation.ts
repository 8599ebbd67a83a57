/**
 * Between the note store's records (`Annotation`, main/api.ts) and sync's fields: the changes an edit
 * makes, and the record a merged state stands for. The store stays the reader's truth on each device;
 * these two functions are the whole of the translation, so the store, the service and the merge agree on
 * what each field means.
 *
 * `motivation` and `modified` do not travel: motivation follows from the note and the anchor (as the
 * annotation service decides it), and `modified` is the wall time of the newest change.
 */
import type { AnchorStatus, Annotation, HighlightColor } from '../api';
import { hlcWall } from './hlc';
import type { HybridClock } from './hlc';
import type { AnnotationChange, AnnotationField } from './sync-changes';
import { isDeleted, replacingCurrent, visibleVersions } from './sync-merge';
import type { AnnotationState, NoteText, SyncState } from './sync-merge';

/** What the `anchor` field carries: where the annotation sits in which edition of the text. */
export interface AnchorValue {
  docTextHash: string;
  selectors: Annotation['selectors'];
  anchorStatus: AnchorStatus;
}

function anchorOf(record: Annotation): AnchorValue {
  return { docTextHash: record.docTextHash, selectors: record.selectors, anchorStatus: record.anchorStatus };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The changes that take `before` (null for a new record) to `after`, stamped by this device's clock.
 * A note's change replaces the text this device holds in `current` (its merged state for the record),
 * so texts it had not seen are kept as versions on every device.
 */
export function changesForEdit(
  before: Annotation | null,
  after: Annotation,
  clock: HybridClock,
  current?: AnnotationState,
): AnnotationChange[] {
  const changes: AnnotationChange[] = [];
  const add = (field: AnnotationField, value: unknown): void => {
    changes.push({
      type: 'annotation',
      annotationId: after.id,
      docId: after.docId,
      field,
      value,
      hlc: clock.tick(),
    });
  };
  if (before === null) add('created', after.created);
  if (before === null || !sameJson(anchorOf(before), anchorOf(after))) add('anchor', anchorOf(after));
  if (before === null || before.color !== after.color) add('color', after.color);
  if (before === null || !sameJson(before.tags, after.tags)) add('tags', after.tags);
  if ((before === null && after.note !== '') || (before !== null && before.note !== after.note))
    add('note', { text: after.note, replaces: replacingCurrent(current?.note) });
  if (before === null && current !== undefined && isDeleted(current)) add('deleted', false);
  return changes;
}

/** The tombstone for a deleted record; `deleted: false` (an undo) is `changesForEdit(null, record…)`. */
export function changesForDeletion(record: Annotation, clock: HybridClock): AnnotationChange[] {
  return [
    {
      type: 'annotation',
      annotationId: record.id,
      docId: record.docId,
      field: 'deleted',
      value: true,
      hlc: clock.tick(),
    },
  ];
}

export interface MergedAnnotation {
  record: Annotation;
  deleted: boolean;
  /** Texts that lost a concurrent edit, for "also edited on Desk at 10:02 — show / restore". */
  versions: NoteText[];
}

/**
 * The record a merged state stands for, or null while it is incomplete (its creation or anchor has not
 * arrived yet: a half-carried segment); such a record is left out until the rest arrives.
 */
export function annotationFromState(id: string, state: SyncState): MergedAnnotation | null {
  const merged = state.annotations[id];
  const created = merged?.fields.created;
  const anchor = merged?.fields.anchor?.value as AnchorValue | undefined;
  if (merged === undefined || created === undefined || anchor === undefined) return null;
  const note = merged.note.current?.text ?? '';
  const stamps = [merged.docId.hlc, ...Object.values(merged.fields).map((field) => field.hlc)];
  if (merged.note.current !== null) stamps.push(merged.note.current.hlc);
  const latest = stamps.reduce((a, b) => (a > b ? a : b));
  const record: Annotation = {
    id,
    docId: merged.docId.value as string,
    docTextHash: anchor.docTextHash,
    motivation: anchor.selectors.length === 0 || note.trim() !== '' ? 'commenting' : 'highlighting',
    color: (merged.fields.color?.value ?? null) as HighlightColor | null,
    note,
    tags: (merged.fields.tags?.value ?? []) as string[],
    selectors: anchor.selectors,
    anchorStatus: anchor.anchorStatus,
    created: created.value as string,
    modified: new Date(hlcWall(latest)).toISOString(),
  };
  return { record, deleted: isDeleted(merged), versions: visibleVersions(merged.note) };
}
