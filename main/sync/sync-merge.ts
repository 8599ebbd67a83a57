/**
 * The merge: pure functions from a state and some changes to the next state. Per annotation and per
 * field the newest stamp wins; a deletion is a tombstone field (an undo is a newer `false`); reading
 * positions and device names follow the newest. Merging is commutative, associative and idempotent, so
 * devices that have taken in the same changes, in any order and any number of times, hold equal states.
 *
 * A note's text is never dropped: a text that loses to a concurrent edit (one whose author had not seen
 * it) is kept as a version `{ text, device, hlc }`. Only a text its author, or a later editor, chose to
 * replace — named in a change's `replaces` — leaves the state.
 */
import { compareHlc, hlcDevice } from './hlc';
import type { AnnotationChange, AnnotationField, Change, NoteValue } from './sync-changes';

export interface Stamped {
  value: unknown;
  hlc: string;
}

export interface NoteText {
  text: string;
  /** The device that wrote it (from the stamp; kept for the editor's "also edited on Desk"). */
  device: string;
  hlc: string;
}

export interface NoteState {
  /** The winning text, null until a note change has arrived. */
  current: NoteText | null;
  /** Texts that lost to a concurrent edit, oldest first. May repeat the current text; see visibleVersions. */
  versions: NoteText[];
  /** Stamps of texts some change replaced on purpose, sorted. They never come back as versions. */
  replaced: string[];
}

export interface AnnotationState {
  /** The document, from the newest change (every change names it). */
  docId: Stamped;
  fields: Partial<Record<Exclude<AnnotationField, 'note'>, Stamped>>;
  note: NoteState;
}

export interface SyncState {
  annotations: Record<string, AnnotationState>;
  positions: Record<string, Stamped>;
  /** Document id → the original file a device published for it (DocumentValue, sync-changes.ts). */
  documents?: Record<string, Stamped>;
  /** Device id → its name, as the device last set it. */
  devices: Record<string, Stamped>;
}

export interface MergeResult {
  state: SyncState;
  /** The latest stamp among the changes: hand it to the clock's `receive`. Null for no changes. */
  latest: string | null;
}

export function emptySyncState(): SyncState {
  return { annotations: {}, positions: {}, devices: {} };
}

/**
 * Orders two stamped values: by stamp, then by their JSON. Two different values under one stamp only
 * happen when two machines share a device id (a cloned disk); the JSON still decides the same way on
 * every device.
 */
function compareStamped(a: Stamped, b: Stamped): number {
  const byClock = compareHlc(a.hlc, b.hlc);
  if (byClock !== 0) return byClock;
  const left = JSON.stringify(a.value);
  const right = JSON.stringify(b.value);
  return left < right ? -1 : left > right ? 1 : 0;
}

function newest(current: Stamped | undefined, incoming: Stamped): Stamped {
  return current === undefined || compareStamped(incoming, current) > 0 ? incoming : current;
}

function sameText(a: NoteText, b: NoteText): boolean {
  return a.hlc === b.hlc && a.text === b.text;
}

function compareTexts(a: NoteText, b: NoteText): number {
  return compareStamped({ hlc: a.hlc, value: a.text }, { hlc: b.hlc, value: b.text });
}

function mergeNote(note: NoteState, value: NoteValue, hlc: string): NoteState {
  const incoming: NoteText = { text: value.text, device: hlcDevice(hlc), hlc };
  const replaced = [...new Set([...note.replaced, ...value.replaces])].sort(compareHlc);
  let versions = note.versions.filter((version) => !value.replaces.includes(version.hlc));
  let current = note.current;
  const keep = (text: NoteText): void => {
    if (!replaced.includes(text.hlc) && !versions.some((version) => sameText(version, text)))
      versions = [...versions, text];
  };
  if (current !== null && sameText(current, incoming)) {
    // the same change again: only its `replaces` (already taken in above) could matter
  } else if (current === null || compareTexts(incoming, current) > 0) {
    if (current !== null) keep(current);
    current = incoming;
  } else {
    keep(incoming);
  }
  return { current, versions: versions.sort(compareTexts), replaced };
}

function emptyAnnotation(change: AnnotationChange): AnnotationState {
  return {
    docId: { value: change.docId, hlc: change.hlc },
    fields: {},
    note: { current: null, versions: [], replaced: [] },
  };
}

function mergeAnnotation(previous: AnnotationState | undefined, change: AnnotationChange): AnnotationState {
  const base = previous ?? emptyAnnotation(change);
  const docId = newest(base.docId, { value: change.docId, hlc: change.hlc });
  if (change.field === 'note')
    return { ...base, docId, note: mergeNote(base.note, change.value as NoteValue, change.hlc) };
  const field = newest(base.fields[change.field], { value: change.value, hlc: change.hlc });
  return { ...base, docId, fields: { ...base.fields, [change.field]: field } };
}

/** The state after taking in `changes`; `state` itself is left as it was. */
export function mergeChanges(state: SyncState, changes: readonly Change[]): MergeResult {
  const annotations = { ...state.annotations };
  const positions = { ...state.positions };
  const devices = { ...state.devices };
  const documents = { ...state.documents };
  let latest: string | null = null;
  for (const change of changes) {
    if (latest === null || compareHlc(change.hlc, latest) > 0) latest = change.hlc;
    if (change.type === 'annotation') {
      annotations[change.annotationId] = mergeAnnotation(annotations[change.annotationId], change);
    } else if (change.type === 'position') {
      positions[change.docId] = newest(positions[change.docId], { value: change.value, hlc: change.hlc });
    } else if (change.type === 'document') {
      documents[change.docId] = newest(documents[change.docId], { value: change.value, hlc: change.hlc });
    } else {
      const device = hlcDevice(change.hlc);
      devices[device] = newest(devices[device], { value: change.name, hlc: change.hlc });
    }
  }
  return { state: { annotations, positions, devices, documents }, latest };
}

export function isDeleted(annotation: AnnotationState): boolean {
  return annotation.fields.deleted?.value === true;
}

/**
 * The versions worth showing beside the current text: not empty, not the current text again, and one
 * entry per text (its newest). The state keeps them all, so that every device holds the same state.
 */
export function visibleVersions(note: NoteState): NoteText[] {
  const byText = new Map<string, NoteText>();
  for (const version of note.versions) {
    if (version.text.trim() === '' || version.text === note.current?.text) continue;
    byText.set(version.text, version);
  }
  return [...byText.values()];
}

/** The `replaces` of a new edit of a note whose current state is `note`: the text its author sees. */
export function replacingCurrent(note: NoteState | undefined): string[] {
  return note?.current ? [note.current.hlc] : [];
}
