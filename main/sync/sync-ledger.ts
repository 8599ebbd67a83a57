/**
 * What sync remembers on this device, as rows of the note store's sync tables
 * (main/annotations/store/sync-tables.ts): each annotation's merged state, reading positions and device
 * names, the folder cursor, this installation's own segments and a few single values. Reading and
 * writing them row by row is what lets a pass of ten changes touch ten rows, not every note's history.
 */
import type { AnnotationStore } from '../annotations/store/annotation-store';
import type { SyncRowWrite, SyncTables } from '../annotations/store/sync-tables';
import { createClock, isHlc } from './hlc';
import type { SyncCursor, OwnSegment } from './sync-folder';
import type { AnnotationState, Stamped } from './sync-merge';
import type { PassDevice } from './sync-pass';

/** The kinds of row, one per meaning. */
export const ROW = {
  annotation: 'annotation',
  position: 'position',
  device: 'device',
  document: 'document',
  read: 'read',
  reported: 'reported',
  own: 'own-segment',
  meta: 'meta',
} as const;

/** Single values kept under ROW.meta. */
export const META = { clock: 'clock', lastSync: 'last-sync', seen: 'seen', legacy: 'legacy-moved' } as const;

function parsed<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function annotationStates(tables: SyncTables, ids: Iterable<string>): Record<string, AnnotationState> {
  const states: Record<string, AnnotationState> = {};
  for (const id of ids) {
    const row = tables.row(ROW.annotation, id);
    const state = row === null ? null : parsed<AnnotationState>(row.value);
    if (state !== null) states[id] = state;
  }
  return states;
}

export function annotationRow(id: string, state: AnnotationState): SyncRowWrite {
  return { kind: ROW.annotation, key: id, value: JSON.stringify(state) };
}

/** Every row of a kind whose value is a stamped value (positions, device names). */
export function stampedRows(tables: SyncTables, kind: string): Record<string, Stamped> {
  const values: Record<string, Stamped> = {};
  for (const row of tables.rows(kind)) {
    const value = parsed<Stamped>(row.value);
    if (value !== null) values[row.key] = value;
  }
  return values;
}

/** The rows for the entries of `after` that differ from `before`. */
export function changedRows(
  kind: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): SyncRowWrite[] {
  const rows: SyncRowWrite[] = [];
  for (const [key, value] of Object.entries(after))
    if (before[key] !== value) rows.push({ kind, key, value: JSON.stringify(value) });
  return rows;
}

export function loadCursor(tables: SyncTables): SyncCursor {
  const cursor: SyncCursor = { read: {}, reported: {} };
  for (const row of tables.rows(ROW.read)) cursor.read[row.key] = row.value;
  for (const row of tables.rows(ROW.reported)) cursor.reported[row.key] = row.value;
  return cursor;
}

/** Only the cursor entries that moved: a pass that read one new file writes one row. */
export function cursorRows(before: SyncCursor, after: SyncCursor): SyncRowWrite[] {
  const rows: SyncRowWrite[] = [];
  for (const [kind, part] of [
    [ROW.read, 'read'],
    [ROW.reported, 'reported'],
  ] as const)
    for (const [key, value] of Object.entries(after[part]))
      if (before[part][key] !== value) rows.push({ kind, key, value });
  return rows;
}

export function loadOwnSegments(tables: SyncTables): OwnSegment[] {
  return tables
    .rows(ROW.own)
    .map((row) => parsed<OwnSegment>(row.value))
    .filter((segment): segment is OwnSegment => segment !== null);
}

export function ownSegmentRow(segment: OwnSegment): SyncRowWrite {
  return { kind: ROW.own, key: segment.digest, value: JSON.stringify(segment) };
}

export function metaValue(tables: SyncTables, key: string): string | null {
  return tables.row(ROW.meta, key)?.value ?? null;
}

export function metaRow(key: string, value: string | null): SyncRowWrite {
  return { kind: ROW.meta, key, value };
}

function parsedSeen(text: string | null): Record<string, string> {
  try {
    const value: unknown = text === null ? {} : JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** What a pass works with, as this device left it (the folder key is set when sync is on). */
export function loadPassDevice(store: AnnotationStore, deviceId: string, folder: string | null): PassDevice {
  const clockLast = metaValue(store.sync, META.clock);
  return {
    deviceId,
    folder: folder ?? '',
    key: { key: Buffer.alloc(0) },
    store,
    clock: createClock(deviceId, { last: clockLast !== null && isHlc(clockLast) ? clockLast : null }),
    cursor: loadCursor(store.sync),
    own: loadOwnSegments(store.sync),
    positions: stampedRows(store.sync, ROW.position),
    devices: stampedRows(store.sync, ROW.device),
    documents: stampedRows(store.sync, ROW.document),
    documentAttempts: new Set(),
    seen: parsedSeen(metaValue(store.sync, META.seen)),
    // At start every record is compared: an edit whose pass a crash prevented is found that way.
    edited: null,
    pendingPositions: new Map(),
    pendingChanges: [],
  };
}
