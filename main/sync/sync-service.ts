/**
 * Sync for one device, end to end: the settings (sync-device-file.ts), the state beside the notes in
 * the store (sync-ledger.ts), and the shared folder. A pass (sync-pass.ts) takes in local edits,
 * publishes them as this device's next segment, reads the other devices' segments and writes the
 * merged records into the store. Passes run one at a time, after a local change (debounced), on a
 * timer and on "Sync now".
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
import type { Change } from './sync-changes';
import { loadDeviceFile, saveDeviceFile } from './sync-device-file';
import { devicesSeen, noteVersions } from './sync-device-view';
import { isNewerClone } from './sync-clone';
import { checkPassphrase, createSyncFolder, FOLDER_FILE, MARGIN_DIR, unlockSyncFolder } from './sync-key';
import type { FolderKey } from './sync-key';
import { moveLegacyHistory } from './sync-legacy';
import { annotationStates, loadPassDevice, META, metaValue, ROW } from './sync-ledger';
import type { SyncedDocuments } from './sync-documents';
import { runPass } from './sync-pass';
import { reconcile } from './sync-store-bridge';

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
  /**
   * Writes a reading position that arrived from another device (the newest wins); returns a sentence
   * when it cannot (a document this device does not have, a value it does not accept).
   */
  applyPosition?: (docId: string, position: unknown) => string | null;
  /** The reader's own documents, so that they travel with their notes (sync-documents.ts). */
  documents?: SyncedDocuments;
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
  /** The reader's place in a document changed here: it travels with the next pass. */
  localPosition(docId: string, position: unknown): void;
  /** Resolves when the background pass that local changes asked for has run (tests, the bench). */
  settled(): Promise<void>;
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
  const file = loaded.file;
  if (loaded.legacy !== null) {
    if (metaValue(store.sync, META.legacy) === null)
      moveLegacyHistory(store, loaded.legacy, file.stateFolder, file.deviceId);
    saveDeviceFile(dataDir, file); // without the history, now in the store
  }
  const device = loadPassDevice(store, file.deviceId, file.folder);
  let key: FolderKey | null = file.key === null ? null : { key: Buffer.from(file.key, 'base64') };
  let lastSync = metaValue(store.sync, META.lastSync);
  let chosenFolder: string | null = options.folder ?? file.folder;
  let fault: string | null = null;
  let notesUpdated: string | null = null;
  const problems: string[] = loaded.notice === null ? [] : [loaded.notice];
  let queue: Promise<unknown> = Promise.resolve();
  let debounce: NodeJS.Timeout | null = null;
  let closed = false;

  const note = (problem: string): void => {
    // A problem that comes back every pass (a read-only folder refusing a document) is listed once.
    if (problems.includes(problem)) return;
    problems.push(problem);
    problems.splice(0, Math.max(0, problems.length - MAX_PROBLEMS));
  };
  /** Runs passes and settings changes one at a time, in the order asked. */
  const serial = <T>(work: () => T | Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  const names = () => ({ deviceId: file.deviceId, deviceName: file.deviceName, devices: device.devices });
  const nameChange = (name: string): void => {
    device.pendingChanges.push({ type: 'device-name', name, hlc: device.clock.tick() });
  };

  const newIdentity = (): void => {
    const last = device.clock.last();
    file.deviceId = newDeviceId();
    device.deviceId = file.deviceId;
    device.clock = createClock(file.deviceId, { last });
    store.sync.commit({ rows: device.own.map((own) => ({ kind: ROW.own, key: own.digest, value: null })) });
    device.own = [];
    saveDeviceFile(dataDir, file);
    nameChange(file.deviceName);
    note(
      'Another computer was using this device’s sync identity (a copied disk?). This device now syncs under a new one; nothing was lost.',
    );
  };

  const syncOnce = async (): Promise<void> => {
    if (file.folder === null || key === null || closed) return;
    Object.assign(device, { folder: file.folder, key });
    const outcome = await runPass(device, {
      closed: () => closed,
      applyPosition: (docId, value) => options.applyPosition?.(docId, value) ?? null,
      documents: options.documents,
    });
    if (!outcome.ok) {
      fault = outcome.fault;
      return;
    }
    fault = outcome.publishFault;
    outcome.problems.forEach(note);
    for (const { problem } of outcome.refused)
      note(`A note from another device could not be stored here: ${problem}`);
    lastSync = new Date().toISOString();
    if (outcome.clone !== null && isNewerClone(device.own, outcome.clone)) newIdentity();
    if (outcome.written > 0 || outcome.imported > 0) {
      notesUpdated = lastSync;
      options.onStoreChanged();
    }
  };

  /** A pass whose failure (a bug, a full disk) is a sentence in the status, never an exception. */
  const pass = (): Promise<void> =>
    serial(async () => {
      try {
        await syncOnce();
      } catch (error) {
        fault = `Sync stopped: ${errorDetail(error)} Your notes on this device are untouched.`;
      }
    });

  const status = (): SyncStatus => ({
    enabled: file.folder !== null && key !== null,
    folder: file.folder ?? chosenFolder,
    canChooseFolder: options.chooseFolder !== undefined,
    deviceName: file.deviceName,
    lastSync,
    devices: devicesSeen(names(), device.seen),
    problems: [...problems, ...(fault === null ? [] : [fault])],
    notesUpdated,
  });

  /** Resolves once the pass a local change asked for has run (at once when none is waiting). */
  let scheduled: { promise: Promise<void>; run: () => void } | null = null;
  const schedule = (): void => {
    if (file.folder === null || closed) return;
    if (debounce !== null) clearTimeout(debounce);
    if (scheduled === null) {
      let run = (): void => {};
      const promise = new Promise<void>((resolve) => (run = resolve));
      scheduled = { promise, run };
    }
    const waiting = scheduled;
    debounce = setTimeout(() => {
      debounce = null;
      scheduled = null;
      void pass().then(waiting.run);
    }, options.debounceMs ?? DEFAULT_SYNC_DEBOUNCE_MS);
    debounce.unref();
  };
  const localChange = (ids?: readonly string[]): void => {
    if (ids === undefined) device.edited = null;
    else if (device.edited !== null) for (const id of ids) device.edited.add(id);
    schedule();
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
          store.sync.clear();
          Object.assign(device, { cursor: { read: {}, reported: {} }, own: [], positions: {}, devices: {} });
          Object.assign(device, { documents: {}, documentAttempts: new Set<string>() });
          Object.assign(device, { seen: {}, pendingChanges: [] });
          lastSync = null;
          file.stateFolder = folder;
        }
        key = opened;
        device.edited = null;
        file.folder = folder;
        file.key = opened.key.toString('base64');
        file.deviceName = name;
        nameChange(name);
        fault = null;
        saveDeviceFile(dataDir, file);
      });
      await pass();
      return status();
    },
    async syncNow() {
      if (file.folder === null)
        throw new MarginError('invalid-argument', 'Sync is not set up on this device.');
      // The reader asked: every record is compared, whatever wrote it (a re-anchoring, another tool).
      device.edited = null;
      await pass();
      return status();
    },
    async turnOff() {
      await serial(() => {
        file.folder = null;
        file.key = null;
        key = null;
        fault = null;
        saveDeviceFile(dataDir, file);
      });
      return status();
    },
    versions(id) {
      if (store.get(id) === null)
        throw new MarginError('not-found', 'That highlight or note no longer exists.');
      return noteVersions(names(), annotationStates(store.sync, [id])[id]);
    },
    async restoreVersion(id, versionId) {
      const restored = await serial(() => {
        if (store.get(id) === null)
          throw new MarginError('not-found', 'That highlight or note no longer exists.');
        const merged = annotationStates(store.sync, [id])[id];
        const version = merged?.note.versions.find((text) => text.hlc === versionId);
        if (version === undefined)
          throw new MarginError('not-found', 'That earlier text of the note is no longer kept.');
        const docId = merged.docId.value as string;
        // Replaces only the version: the text it takes the place of is kept as a version in turn.
        const restore = (): Change[] => [
          {
            type: 'annotation',
            annotationId: id,
            docId,
            field: 'note',
            value: { text: version.text, replaces: [version.hlc] },
            hlc: device.clock.tick(),
          },
        ];
        const result = reconcile({ store, clock: device.clock, ids: [id], extra: new Map([[id, restore]]) });
        if (result.refused.length > 0) throw new MarginError('internal', result.refused[0].problem);
        return store.get(id) as Annotation;
      });
      options.onStoreChanged();
      schedule();
      return restored;
    },
    localChange,
    settled: async () => {
      await scheduled?.promise;
      await queue;
    },
    localPosition(docId, position) {
      device.pendingPositions.set(docId, position);
      schedule();
    },
    async close() {
      closed = true;
      if (timer !== null) clearInterval(timer);
      if (debounce !== null) clearTimeout(debounce);
      scheduled?.run();
      await queue;
    },
  };
}
