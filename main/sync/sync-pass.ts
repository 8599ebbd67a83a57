/**
 * One sync pass: take in local edits (the records whose checksum moved since sync last agreed with
 * them) and reading positions, publish the outbox as this device's next segment, read what is new in
 * the folder, and merge it into the store.
 *
 * The work on records is cut into slices of about SLICE_MS, each one transaction, with the event loop
 * let go between them: the main process keeps answering the window while 10,000 notes arrive. Each
 * slice holds the merged records with the state they came from, so a crash between slices loses
 * nothing: the cursor moves only in the last transaction, and merging a change twice changes nothing.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AnnotationStore } from '../annotations/store/annotation-store';
import type { SyncRowWrite } from '../annotations/store/sync-tables';
import type { HybridClock } from './hlc';
import type { Change } from './sync-changes';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compactOwnSegments, COMPACT_AFTER } from './sync-compaction';
import { DEVICES_DIR, readSyncFolderSteps, writeOwnSegment } from './sync-folder';
import { MARGIN_DIR } from './sync-key';
import { segmentSeq } from './sync-segment';
import type { WrittenSegment } from './sync-segment';
import type { CloneEvidence, OwnSegment, SyncCursor } from './sync-folder';
import type { FolderKey } from './sync-key';
import { changedRows, cursorRows, META, metaRow, ownSegmentRow, ROW } from './sync-ledger';
import { mergeChanges } from './sync-merge';
import type { Stamped } from './sync-merge';
import { reconcile } from './sync-store-bridge';
import { fetchDocuments, publishDocuments } from './sync-documents';
import type { SyncedDocuments } from './sync-documents';

/**
 * The main thread's CPU a slice of work aims at, commit included. CPU, not wall time: on a busy machine
 * the wait for a core is not the slice's work, and the slices should not shrink to nothing for it. A
 * slice can still overshoot (larger notes, a garbage collection falling in it), so the aim sits well
 * under the 50 ms a reader would notice.
 */
export const SLICE_MS = 10;
/** Records per slice at the start and at least: a commit has a fixed cost of its own. */
const MIN_SLICE = 64;
/** Records per slice at most. */
const MAX_SLICE = 4096;
/** How much larger a slice may be than the one before: one quick slice does not make a long next one. */
const MAX_GROWTH = 1.5;

/** This thread's CPU time so far, ms (the sync pass runs on the main process's thread). */
function threadCpuMs(): number {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** What a pass works with; it updates the in-memory parts as it commits them. */
export interface PassDevice {
  deviceId: string;
  folder: string;
  key: FolderKey;
  store: AnnotationStore;
  clock: HybridClock;
  cursor: SyncCursor;
  own: OwnSegment[];
  positions: Record<string, Stamped>;
  devices: Record<string, Stamped>;
  /** The reader's own documents published to the folder, by id (sync-documents.ts). */
  documents: Record<string, Stamped>;
  /** Documents from other devices already tried, so that a refused one is not tried every pass. */
  documentAttempts: Set<string>;
  seen: Record<string, string>;
  /** Records written here since the last pass, or null to compare them all. */
  edited: Set<string> | null;
  /** Reading positions set here since the last pass, by document. */
  pendingPositions: Map<string, unknown>;
  /** Changes not from the store (this device's name), to publish with the next segment. */
  pendingChanges: Change[];
}

export interface PassHooks {
  closed(): boolean;
  /** Writes a reading position that arrived from another device; a sentence when it cannot. */
  applyPosition(docId: string, value: unknown): string | null;
  /** The reader's own documents, where they travel too. */
  documents?: SyncedDocuments;
}

export type PassOutcome =
  | {
      ok: true;
      problems: string[];
      /** Why publishing failed (read-only folder), while reading worked. */
      publishFault: string | null;
      written: number;
      /** Documents from other devices imported here. */
      imported: number;
      clone: CloneEvidence | null;
      refused: Array<{ id: string; problem: string }>;
    }
  | { ok: false; fault: string };

/** Runs `work` over `ids` in slices of about SLICE_MS of CPU, letting the event loop go between them. */
export async function inSlices(
  ids: readonly string[],
  work: (slice: string[]) => void,
  stop: () => boolean = () => false,
): Promise<void> {
  let size = MIN_SLICE;
  for (let start = 0; start < ids.length && !stop();) {
    const slice = ids.slice(start, start + size);
    const began = threadCpuMs();
    work(slice);
    start += slice.length;
    const took = Math.max(threadCpuMs() - began, 0.5);
    const paced = Math.floor((slice.length * SLICE_MS) / took);
    size = Math.min(MAX_SLICE, Math.floor(size * MAX_GROWTH), Math.max(MIN_SLICE, paced));
    if (start < ids.length) await yieldToEventLoop();
  }
}

/**
 * Changes per segment: a long outbox (10,000 new notes) goes out as several segments, each written
 * and committed on its own, so that no single step holds the event loop for long.
 */
export const SEGMENT_CHANGES = 2048;

/** Runs a step-by-step reading, letting the event loop go whenever SLICE_MS of CPU has been spent. */
export async function inSteps<T>(steps: Generator<void, T>): Promise<T> {
  let began = threadCpuMs();
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (threadCpuMs() - began > SLICE_MS) {
      await yieldToEventLoop();
      began = threadCpuMs();
    }
  }
}

const clockRows = (device: PassDevice) => (): SyncRowWrite[] => [metaRow(META.clock, device.clock.last())];

/** Local edits and positions into the state and the outbox. */
async function takeLocal(device: PassDevice, hooks: PassHooks): Promise<string[]> {
  const { store, clock } = device;
  const ids = device.edited === null ? store.sync.disagreeing() : store.sync.disagreeing(device.edited);
  device.edited = new Set();
  const problems = hooks.documents === undefined ? [] : publishDocuments(device, hooks.documents);
  const changes: Change[] = device.pendingChanges.splice(0);
  for (const [docId, value] of device.pendingPositions)
    changes.push({ type: 'position', docId, value, hlc: clock.tick() });
  device.pendingPositions.clear();
  if (changes.length > 0) {
    const merged = mergeOthers(device, changes);
    store.sync.commit({
      rows: [...merged.rows, ...clockRows(device)()],
      outboxAdd: changes.map((change) => JSON.stringify(change)),
    });
    merged.keep();
  }
  await inSlices(
    ids,
    (slice) => reconcile({ store, clock, ids: slice, slice: true, rows: clockRows(device) }),
    hooks.closed,
  );
  return problems;
}

/** Positions, device names and documents after `changes`: the rows that changed, and keep() to hold them. */
function mergeOthers(device: PassDevice, changes: readonly Change[]): { rows: SyncRowWrite[]; keep(): void } {
  const { positions, devices, documents } = device;
  const merged = mergeChanges({ annotations: {}, positions, devices, documents }, changes).state;
  return {
    rows: [
      ...changedRows(ROW.position, positions, merged.positions),
      ...changedRows(ROW.device, devices, merged.devices),
      ...changedRows(ROW.document, documents, merged.documents ?? {}),
    ],
    keep() {
      Object.assign(device, { positions: merged.positions, devices: merged.devices });
      device.documents = merged.documents ?? {};
    },
  };
}

interface Published {
  /** Why the folder refused (read-only), or null. */
  fault: string | null;
  /**
   * The outbox up to here is in published segments. The last segment's part is dropped in the pass's
   * last transaction (one fsync fewer per pass); a crash before that publishes it again, and a change
   * merged twice is merged once.
   */
  through: number | null;
}

/**
 * The outbox as this device's next segments. Each segment's changes leave the outbox once the next one
 * is read, in a commit that does not wait for the disk (the segment file already did): deleting 10,000
 * rows in the pass's last transaction alone held the loop for tens of milliseconds. A power cut that
 * undoes such a drop only publishes those changes again.
 */
async function publish(device: PassDevice, hooks: PassHooks): Promise<Published> {
  let through: number | null = null;
  for (let first = true; !hooks.closed(); first = false) {
    if (!first) await yieldToEventLoop();
    const outbox = device.store.sync.outbox(SEGMENT_CHANGES, through ?? 0);
    if (outbox.length === 0) break;
    if (through !== null) device.store.sync.commit({ outboxDropThrough: through, durable: false });
    const refused = publishSegment(device, outbox);
    if (refused !== null) return { fault: refused, through };
    through = outbox[outbox.length - 1].seq;
  }
  return { fault: through === null || hooks.closed() ? null : compactIfLong(device), through };
}

function dropPublished(device: PassDevice, published: Published): void {
  if (published.through !== null) device.store.sync.commit({ outboxDropThrough: published.through });
}

/** The digest of this installation's latest segment: the parent of its next one. */
function latestOwn(device: PassDevice): string | null {
  const latest = device.own.reduce<OwnSegment | null>((a, b) => (a === null || b.seq > a.seq ? b : a), null);
  return latest?.digest ?? null;
}

/** Records a segment as this installation's own; runs before it appears, so it is never taken for a clone's. */
function recordOwn(device: PassDevice, parent: string | null) {
  return ({ seq, digest, lines }: WrittenSegment, firstHlc: string | null): void => {
    const own: OwnSegment = { seq, digest, lines, firstHlc, parent };
    device.store.sync.commit({ rows: [ownSegmentRow(own)] });
    device.own.push(own);
  };
}

function publishSegment(device: PassDevice, outbox: Array<{ seq: number; change: string }>): string | null {
  const changes = outbox.map((entry) => JSON.parse(entry.change) as Change);
  const firstHlc = changes.reduce<string | null>((a, c) => (a === null || c.hlc < a ? c.hlc : a), null);
  const parent = latestOwn(device);
  const record = recordOwn(device, parent);
  const written = writeOwnSegment(
    device.folder,
    device.key,
    device.deviceId,
    changes,
    (segment) => record(segment, firstHlc),
    parent,
  );
  return written.ok ? null : written.message; // a read-only folder can still be read: the outbox waits
}

/** Once this device's folder holds COMPACT_AFTER of its segments, one snapshot replaces them. */
function compactIfLong(device: PassDevice): string | null {
  const dir = join(device.folder, MARGIN_DIR, DEVICES_DIR, device.deviceId);
  let count: number;
  try {
    count = readdirSync(dir).filter((name) => segmentSeq(name) !== null).length;
  } catch {
    return null;
  }
  if (count < COMPACT_AFTER) return null;
  const parent = latestOwn(device);
  const result = compactOwnSegments(
    device.folder,
    device.key,
    device.deviceId,
    device.own,
    recordOwn(device, parent),
    parent,
  );
  return result.ok ? null : result.message;
}

export async function runPass(device: PassDevice, hooks: PassHooks): Promise<PassOutcome> {
  const problems = await takeLocal(device, hooks);
  if (hooks.closed()) return { ok: false, fault: 'Sync stopped: Margin is closing.' };
  const published = await publish(device, hooks);
  const read = await inSteps(
    readSyncFolderSteps(device.folder, device.key, {
      device: device.deviceId,
      cursor: device.cursor,
      ownSegments: device.own,
    }),
  );
  if (!read.ok) {
    dropPublished(device, published);
    return { ok: false, fault: read.message };
  }
  const { store, clock } = device;
  const byId = new Map<string, Change[]>();
  const others: Change[] = [];
  let latest: string | null = null;
  for (const change of read.changes) {
    if (latest === null || change.hlc > latest) latest = change.hlc;
    if (change.type !== 'annotation') others.push(change);
    else if (byId.has(change.annotationId)) byId.get(change.annotationId)?.push(change);
    else byId.set(change.annotationId, [change]);
  }
  if (latest !== null) clock.receive(latest);
  let written = 0;
  const refused: Array<{ id: string; problem: string }> = [];
  await inSlices(
    [...byId.keys()],
    (slice) => {
      const result = reconcile({
        store,
        clock,
        ids: slice,
        slice: true,
        remote: byId,
        rows: clockRows(device),
      });
      written += result.written;
      refused.push(...result.refused);
    },
    hooks.closed,
  );
  if (hooks.closed()) {
    dropPublished(device, published);
    return { ok: false, fault: 'Sync stopped: Margin is closing.' };
  }

  const merged = mergeOthers(device, others);
  const positionsBefore = device.positions;
  merged.keep();
  problems.push(...read.problems);
  for (const [docId, winner] of Object.entries(device.positions))
    if (winner !== positionsBefore[docId]) {
      const problem = hooks.applyPosition(docId, winner.value);
      if (problem !== null) problems.push(problem);
    }
  const seen = { ...device.seen };
  for (const [id, entry] of Object.entries(read.devices))
    if (id !== device.deviceId) seen[id] = new Date(entry.lastWrite).toISOString();
  store.sync.commit({
    rows: [
      ...cursorRows(device.cursor, read.cursor),
      ...merged.rows,
      metaRow(META.seen, JSON.stringify(seen)),
      metaRow(META.lastSync, new Date().toISOString()),
      ...clockRows(device)(),
    ],
    outboxDropThrough: published.through ?? undefined,
  });
  Object.assign(device, { cursor: read.cursor, seen });
  let imported = 0;
  if (hooks.documents !== undefined) {
    const fetched = await fetchDocuments(device, hooks.documents, hooks.closed);
    imported = fetched.imported;
    problems.push(...fetched.problems);
  }
  return { ok: true, problems, publishFault: published.fault, written, imported, clone: read.clone, refused };
}
