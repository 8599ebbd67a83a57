/**
 * A device for the sync tests: its own clock, merged state and copy of the sync folder on real disk,
 * driving the core exactly as the app will (change → own state → outbox → segment; folder → merge →
 * clock). `carry` plays the sync tool between two copies of the folder: whole, half-done or as a
 * conflict copy.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createClock, isDeviceId } from '../../../main/sync/hlc';
import type { HybridClock } from '../../../main/sync/hlc';
import type { AnnotationField, Change } from '../../../main/sync/sync-changes';
import { emptyCursor, readSyncFolder, writeOwnSegment } from '../../../main/sync/sync-folder';
import type { OwnSegment, SyncCursor } from '../../../main/sync/sync-folder';
import { FOLDER_FILE, MARGIN_DIR } from '../../../main/sync/sync-key';
import type { FolderKey } from '../../../main/sync/sync-key';
import { emptySyncState, mergeChanges, replacingCurrent } from '../../../main/sync/sync-merge';
import type { SyncState } from '../../../main/sync/sync-merge';

export interface WrittenNote {
  annotationId: string;
  text: string;
  hlc: string;
}

export class SimulatedDevice {
  readonly clock: HybridClock;
  state: SyncState = emptySyncState();
  cursor: SyncCursor = emptyCursor();
  readonly ownSegments: OwnSegment[] = [];
  readonly notesWritten: WrittenNote[] = [];
  readonly problems: string[] = [];
  private outbox: Change[] = [];

  constructor(
    readonly id: string,
    readonly folder: string,
    private readonly key: FolderKey,
    now: () => number,
  ) {
    this.clock = createClock(id, { now });
  }

  private apply(change: Change): void {
    this.state = mergeChanges(this.state, [change]).state;
    this.outbox.push(change);
  }

  change(annotationId: string, docId: string, field: AnnotationField, value: unknown): Change {
    const change: Change = { type: 'annotation', annotationId, docId, field, value, hlc: this.clock.tick() };
    this.apply(change);
    return change;
  }

  /** Writes a note the way the editor will: replacing the text this device shows. */
  writeNote(annotationId: string, docId: string, text: string): void {
    const replaces = replacingCurrent(this.state.annotations[annotationId]?.note);
    const change = this.change(annotationId, docId, 'note', { text, replaces });
    this.notesWritten.push({ annotationId, text, hlc: change.hlc });
  }

  position(docId: string, value: unknown): void {
    this.apply({ type: 'position', docId, value, hlc: this.clock.tick() });
  }

  nameDevice(name: string): void {
    this.apply({ type: 'device-name', name, hlc: this.clock.tick() });
  }

  /** Writes the outbox as the next segment of this device's folder. */
  publish(): void {
    if (this.outbox.length === 0) return;
    const result = writeOwnSegment(this.folder, this.key, this.id, this.outbox, (segment) => {
      this.ownSegments.push({
        seq: segment.seq,
        digest: segment.digest,
        lines: segment.lines,
        firstHlc: null,
      });
    });
    if (!result.ok) throw new Error(result.message);
    this.outbox = [];
  }

  sync(): void {
    const read = readSyncFolder(this.folder, this.key, {
      device: this.id,
      cursor: this.cursor,
      ownSegments: this.ownSegments,
    });
    if (!read.ok) throw new Error(read.message);
    if (read.clone !== null) throw new Error(`device ${this.id} suspects a clone`);
    this.problems.push(...read.problems);
    const merged = mergeChanges(this.state, read.changes);
    this.state = merged.state;
    if (merged.latest !== null) this.clock.receive(merged.latest);
    this.cursor = read.cursor;
  }
}

/** A new copy of the sync folder for another machine: only folder.json, as after the tool's first pass. */
export function copyFolderSetup(from: string, to: string): void {
  mkdirSync(join(to, MARGIN_DIR), { recursive: true });
  copyFileSync(join(from, MARGIN_DIR, FOLDER_FILE), join(to, MARGIN_DIR, FOLDER_FILE));
}

/** Every file a device wrote in a folder copy: `<device>/<segment>` and `<device>/blobs/<blob>`, sorted. */
export function segmentFiles(folder: string): string[] {
  const devices = join(folder, MARGIN_DIR, 'devices');
  if (!existsSync(devices)) return [];
  const filesOf = (device: string): string[] =>
    readdirSync(join(devices, device)).flatMap((name) =>
      name === 'blobs'
        ? readdirSync(join(devices, device, name)).map((blob) => `${device}/blobs/${blob}`)
        : [`${device}/${name}`],
    );
  return readdirSync(devices)
    .filter(isDeviceId)
    .flatMap(filesOf)
    .filter((file) => !file.includes('/.'))
    .sort();
}

export type CarryMode = 'whole' | 'partial' | 'conflict-copy';

/**
 * Carries one file between copies of the folder, as a sync tool would. A tool never makes a copy
 * shorter than what is there, and never brings a device a changed copy of its own files (only a clone
 * could cause that), so neither is done here.
 */
export function carry(
  file: string,
  from: string,
  to: string,
  toDevice: string,
  mode: CarryMode,
  fraction = 1,
): void {
  const [device, name] = file.split('/');
  if (device === toDevice) return;
  const source = join(from, MARGIN_DIR, 'devices', file);
  const bytes = readFileSync(source);
  const dir = join(to, MARGIN_DIR, 'devices', device);
  mkdirSync(dir, { recursive: true });
  const length = mode === 'whole' ? bytes.length : Math.floor(bytes.length * fraction);
  if (mode === 'conflict-copy') {
    // A copy the tool made beside the file, possibly itself cut short: it is never completed.
    const copyName = name.replace(/\.mseg$/, ` (conflicted copy ${Math.round(fraction * 1000)}).mseg`);
    writeFileSync(join(dir, copyName), bytes.subarray(0, length));
    return;
  }
  const target = join(dir, name);
  if (existsSync(target) && statSync(target).size >= length) return;
  writeFileSync(target, bytes.subarray(0, length));
}
