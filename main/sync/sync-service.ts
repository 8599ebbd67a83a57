/**
 * Sync for one device, end to end: the notes in the store, the merged state and the outbox in the
 * data folder (sync-device-file.ts), and the shared folder. One pass (`syncOnce`) takes in local edits
 * (sync-store-bridge.ts), publishes them as this device's next segment, reads the other devices'
 * segments and writes the merged records into the store. Passes run one at a time, after a local
 * change (debounced), on a timer and on "Sync now".
 *
 * A problem with the folder (gone, read-only, garbage) becomes a sentence in the status, never an
 * exception into the app, and never touches the notes on this device.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation, AnnotationVersion, SyncSetup, SyncStatus } from '../api';
import type { AnnotationStore } from '../annotations/store/annotation-store';
import { errorDetail, MarginError } from '../errors';
import { createClock, newDeviceId } from './hlc';
import type { HybridClock } from './hlc';
import type { Change } from './sync-changes';
import { loadDeviceFile, saveDeviceFile } from './sync-device-file';
import { devicesSeen, noteVersions } from './sync-device-view';
import type { DeviceFile } from './sync-device-file';
import { emptyCursor, readSyncFolder, writeOwnSegment } from './sync-folder';
import { checkPassphrase, createSyncFolder, FOLDER_FILE, MARGIN_DIR, unlockSyncFolder } from './sync-key';
import type { FolderKey } from './sync-key';
import { emptySyncState, mergeChanges } from './sync-merge';
import { applyToStore, localChanges } from './sync-store-bridge';

export const DEFAULT_SYNC_INTERVAL_MS = 30_000;
export const DEFAULT_SYNC_DEBOUNCE_MS = 2_000;
/** How many recent problems the status keeps. */
const MAX_PROBLEMS = 8;

export interface SyncServiceOptions {
  dataDir: string;
  store: AnnotationStore;
  /** Told after sync wrote into the store behind the annotation service's back (its search index). */
  onStoreChanged: () => void;
  /** The folder given on the command line (browser host); it is the chosen folder. */
  folder?: string | null;
  /** A folder dialog (Electron); without one, choosing says how the folder is given instead. */
  chooseFolder?: () => Promise<string | null>;
  /** Timer between passes; 0 for none (tests). */
  intervalMs?: number;
  /** Wait after a local change before a pass; 0 for none. */
  debounceMs?: number;
}

export interface SyncService {
  status(): SyncStatus;
  chooseFolder(): Promise<SyncStatus>;
  setUp(setup: SyncSetup): Promise<SyncStatus>;
  syncNow(): Promise<SyncStatus>;
  turnOff(): Promise<SyncStatus>;
  versions(id: string): AnnotationVersion[];
  restoreVersion(id: string, versionId: string): Promise<Annotation>;
  /** The notes changed here (these records, or any when not said): a pass follows shortly. */
  localChange(ids?: readonly string[]): void;
  close(): Promise<void>;
}

const MAX_DEVICE_NAME_LENGTH = 60;

/** The one rule for a device's name (the API gate applies it too): 1 to 60 characters, not blank. */
export function checkDeviceName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '')
    throw new MarginError('invalid-argument', 'Give this device a name, such as "Desk" or "Laptop".');
  if (name.trim().length > MAX_DEVICE_NAME_LENGTH)
    throw new MarginError(
      'invalid-argument',
      `A device name has at most ${MAX_DEVICE_NAME_LENGTH} characters.`,
    );
  return name.trim();
}

const NO_DIALOG =
  'Choosing a folder is not available here; start Margin with `npm run serve -- --sync DIR` to sync through DIR.';

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { dataDir, store } = options;
  const loaded = loadDeviceFile(dataDir, newDeviceId);
  const file: DeviceFile = loaded.file;
  let clock: HybridClock = createClock(file.deviceId, { last: file.clockLast });
  let key: FolderKey | null = file.key === null ? null : { key: Buffer.from(file.key, 'base64') };
  let chosenFolder: string | null = options.folder ?? file.folder;
  let fault: string | null = null;
  let notesUpdated: string | null = null;
  /**
   * The records written here since the last pass, or null for "compare them all": at start (an edit
   * whose pass a crash prevented is found that way) and after an import.
   */
  let edited: Set<string> | null = null;
  /** The local changes since the last pass, and no more comparing until the next edit. */
  const takeLocalChanges = (): Change[] => {
    const changes = localChanges(store, file.state, clock, file.unstored, edited);
    edited = new Set();
    take(changes);
    return changes;
  };
  const problems: string[] = loaded.notice === null ? [] : [loaded.notice];
  let queue: Promise<unknown> = Promise.resolve();
  let debounce: NodeJS.Timeout | null = null;
  let closed = false;

  const note = (problem: string): void => {
    problems.push(problem);
    problems.splice(0, Math.max(0, problems.length - MAX_PROBLEMS));
  };
  const save = (): void => {
    file.clockLast = clock.last();
    saveDeviceFile(dataDir, file);
  };
  /** Runs passes and settings changes one at a time, in the order asked. */
  const serial = <T>(work: () => T | Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  /** Merges changes made here into the state and the outbox. */
  const take = (changes: Change[]): void => {
    if (changes.length === 0) return;
    file.state = mergeChanges(file.state, changes).state;
    file.outbox.push(...changes);
  };

  /** Writes merged records into the store; `applying` in the saved file lets a crash finish the job. */
  const apply = (ids: string[]): void => {
    if (ids.length === 0) return;
    file.applying = ids;
    save();
    const result = applyToStore(store, file.state, ids);
    for (const { id, problem } of result.refused) {
      if (!file.unstored.includes(id)) file.unstored.push(id);
      note(`A note from another device could not be stored here: ${problem}`);
    }
    file.applying = [];
    save();
    if (result.written > 0) {
      notesUpdated = new Date().toISOString();
      options.onStoreChanged();
    }
  };

  const newIdentity = (): void => {
    const last = clock.last();
    file.deviceId = newDeviceId();
    clock = createClock(file.deviceId, { last });
    file.ownSegments = {};
    take([{ type: 'device-name', name: file.deviceName, hlc: clock.tick() }]);
    note(
      'Another computer was using this device’s sync identity (a copied disk?). This device now syncs under a new one; nothing was lost.',
    );
  };

  const syncOnce = (): void => {
    const folder = file.folder;
    if (folder === null || key === null || closed) return;
    // Not saved on its own: until the segment is written, the store still holds these edits and the
    // next pass after a crash finds them again.
    const local = takeLocalChanges();
    let publishFault: string | null = null;
    if (file.outbox.length > 0) {
      const written = writeOwnSegment(folder, key, file.deviceId, file.outbox, (segment) => {
        // Saved before the segment appears: a file of ours is never mistaken for a clone's.
        file.ownSegments[segment.name] = segment.digest;
        save();
      });
      // A read-only folder can still be read: the outbox waits for the next pass.
      if (written.ok) file.outbox = [];
      else publishFault = written.message;
    }
    const cursorBefore = JSON.stringify(file.cursor);
    const read = readSyncFolder(folder, key, {
      device: file.deviceId,
      cursor: file.cursor,
      ownSegments: file.ownSegments,
    });
    if (!read.ok) {
      fault = read.message;
      if (local.length > 0) save();
      return;
    }
    fault = publishFault;
    read.problems.forEach(note);
    const merged = mergeChanges(file.state, read.changes);
    if (merged.latest !== null) clock.receive(merged.latest);
    file.state = merged.state;
    file.cursor = read.cursor;
    for (const [device, seen] of Object.entries(read.devices))
      if (device !== file.deviceId) file.seen[device] = new Date(seen.lastWrite).toISOString();
    file.lastSync = new Date().toISOString();
    if (read.cloneSuspected) newIdentity();
    const ids = new Set<string>();
    for (const change of read.changes) if (change.type === 'annotation') ids.add(change.annotationId);
    if (ids.size > 0) apply([...ids]);
    else if (local.length > 0 || read.cloneSuspected || JSON.stringify(file.cursor) !== cursorBefore) save();
  };

  /** A pass whose failure (a bug, a full disk) is a sentence in the status, never an exception. */
  const pass = (): Promise<void> =>
    serial(() => {
      try {
        syncOnce();
      } catch (error) {
        fault = `Sync stopped: ${errorDetail(error)} Your notes on this device are untouched.`;
      }
    });

  const status = (): SyncStatus => ({
    enabled: file.folder !== null && key !== null,
    folder: file.folder ?? chosenFolder,
    canChooseFolder: options.chooseFolder !== undefined,
    deviceName: file.deviceName,
    lastSync: file.lastSync,
    devices: devicesSeen(file),
    problems: [...problems, ...(fault === null ? [] : [fault])],
    notesUpdated,
  });

  // A crash while merged records were going into the store: finish that before anything else.
  if (file.applying.length > 0) apply([...file.applying]);
  const localChange = (ids?: readonly string[]): void => {
    if (ids === undefined) edited = null;
    else if (edited !== null) for (const id of ids) edited.add(id);
    if (file.folder === null || closed) return;
    if (debounce !== null) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      void pass();
    }, options.debounceMs ?? DEFAULT_SYNC_DEBOUNCE_MS);
    debounce.unref();
  };
  const timer =
    (options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS) > 0
      ? setInterval(() => void pass(), options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS)
      : null;
  timer?.unref();
  if (file.folder !== null) void pass();

  return {
    status,
    async chooseFolder() {
      if (options.chooseFolder === undefined) throw new MarginError('unavailable', NO_DIALOG);
      const folder = await options.chooseFolder();
      if (folder !== null) chosenFolder = folder;
      return status();
    },
    async setUp(setup) {
      const name = checkDeviceName(setup.deviceName);
      checkPassphrase(setup.passphrase);
      const folder = chosenFolder;
      if (folder === null)
        throw new MarginError(
          'invalid-argument',
          options.chooseFolder ? 'Choose a sync folder first.' : NO_DIALOG,
        );
      const isNew = !existsSync(join(folder, MARGIN_DIR, FOLDER_FILE));
      const opened = isNew
        ? await createSyncFolder(folder, setup.passphrase)
        : await unlockSyncFolder(folder, setup.passphrase);
      await serial(() => {
        if (file.stateFolder !== folder) {
          // Another folder has none of this device's history: start afresh, so every note is published.
          Object.assign(file, { state: emptySyncState(), cursor: emptyCursor(), ownSegments: {} });
          Object.assign(file, { outbox: [], unstored: [], seen: {}, lastSync: null, stateFolder: folder });
        }
        key = opened;
        edited = null;
        file.folder = folder;
        file.key = opened.key.toString('base64');
        file.deviceName = name;
        take([{ type: 'device-name', name, hlc: clock.tick() }]);
        fault = null;
        save();
      });
      await pass();
      return status();
    },
    async syncNow() {
      if (file.folder === null)
        throw new MarginError('invalid-argument', 'Sync is not set up on this device.');
      // The reader asked: every record is compared, whatever wrote it (a re-anchoring, another tool).
      edited = null;
      await pass();
      return status();
    },
    async turnOff() {
      await serial(() => {
        file.folder = null;
        file.key = null;
        key = null;
        fault = null;
        save();
      });
      return status();
    },
    versions(id) {
      if (store.get(id) === null)
        throw new MarginError('not-found', 'That highlight or note no longer exists.');
      return noteVersions(file, id);
    },
    async restoreVersion(id, versionId) {
      const restored = await serial(() => {
        if (store.get(id) === null)
          throw new MarginError('not-found', 'That highlight or note no longer exists.');
        const version = file.state.annotations[id]?.note.versions.find((text) => text.hlc === versionId);
        if (version === undefined)
          throw new MarginError('not-found', 'That earlier text of the note is no longer kept.');
        takeLocalChanges();
        const docId = file.state.annotations[id].docId.value as string;
        // Replaces only the version: the text it takes the place of is kept as a version in turn.
        const value = { text: version.text, replaces: [version.hlc] };
        take([{ type: 'annotation', annotationId: id, docId, field: 'note', value, hlc: clock.tick() }]);
        apply([id]);
        return store.get(id) as Annotation;
      });
      localChange();
      return restored;
    },
    localChange,
    async close() {
      closed = true;
      if (timer !== null) clearInterval(timer);
      if (debounce !== null) clearTimeout(debounce);
      await queue;
    },
  };
}
