/**
 * This device's sync settings, in its private data folder: `<data>/sync/device.json` (folder 0700,
 * file 0600): its id and name, the folder and the folder key. Small, and written whole (temporary file,
 * fsync, rename) only when a setting changes. What sync learns as it goes (merged state, cursor,
 * outbox, own segments) lives in the note store's sync tables (sync-ledger.ts), row by row.
 *
 * The folder key is kept here, beside the notes it protects (they are in the same private folder,
 * unencrypted, in the note store): the passphrase is asked once per device, not at every start.
 *
 * Format 1 kept everything in this file; such a file is read once, its history handed to the caller
 * as `legacy` to move into the store, then this file is rewritten without it.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { MARGIN_FOLDERS, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../data-dir';
import { errorDetail, MarginError } from '../errors';
import { fileStamp, syncDirectory } from '../storage/durable-files';
import { isDeviceId, isHlc } from './hlc';
import type { Change } from './sync-changes';
import type { SyncCursor } from './sync-folder';
import type { SyncState } from './sync-merge';

export const SYNC_DIR = MARGIN_FOLDERS.sync;
export const DEVICE_FILE = 'device.json';
const DEVICE_FILE_FORMAT = 2;

export interface DeviceFile {
  format: number;
  deviceId: string;
  deviceName: string;
  /** The folder sync uses, null before it is set up or after it is turned off. */
  folder: string | null;
  /** The folder whose history the store's sync tables describe (kept while sync is off). */
  stateFolder: string | null;
  /** base64 of the folder key, null while sync is off. */
  key: string | null;
}

/** What a format-1 file held besides the settings, to be moved into the note store once. */
export interface LegacyHistory {
  state: SyncState;
  cursor: SyncCursor;
  /** Segment file name → digest. */
  ownSegments: Record<string, string>;
  outbox: Change[];
  unstored: string[];
  clockLast: string | null;
  lastSync: string | null;
  seen: Record<string, string>;
}

export function newDeviceFile(deviceId: string): DeviceFile {
  return {
    format: DEVICE_FILE_FORMAT,
    deviceId,
    deviceName: 'This device',
    folder: null,
    stateFolder: null,
    key: null,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function legacyOf(data: Record<string, unknown>): LegacyHistory | null {
  if (!isObject(data.state)) return null;
  const state = data.state as unknown as SyncState;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const cursor = isObject(data.cursor) ? (data.cursor as unknown as SyncCursor) : null;
  return {
    state: {
      annotations: state.annotations ?? {},
      positions: state.positions ?? {},
      devices: state.devices ?? {},
    },
    cursor: { read: cursor?.read ?? {}, reported: cursor?.reported ?? {} },
    ownSegments: isObject(data.ownSegments) ? (data.ownSegments as Record<string, string>) : {},
    outbox: Array.isArray(data.outbox) ? (data.outbox as Change[]) : [],
    // Ids being applied when a crash came are compared again like every other record.
    unstored: strings(data.unstored),
    clockLast: isHlc(data.clockLast) ? data.clockLast : null,
    lastSync: typeof data.lastSync === 'string' ? data.lastSync : null,
    seen: isObject(data.seen) ? (data.seen as Record<string, string>) : {},
  };
}

/** The file's settings that are there and of the right kind; the rest from a fresh file. */
function fromJson(
  data: unknown,
  fresh: DeviceFile,
): { file: DeviceFile; legacy: LegacyHistory | null } | null {
  if (!isObject(data) || !isDeviceId(data.deviceId)) return null;
  const text = (value: unknown, fallback: string | null): string | null =>
    typeof value === 'string' ? value : fallback;
  const file: DeviceFile = {
    ...fresh,
    deviceId: data.deviceId,
    deviceName: text(data.deviceName, fresh.deviceName) as string,
    folder: text(data.folder, null),
    stateFolder: text(data.stateFolder, null),
    key: text(data.key, null),
  };
  return { file, legacy: legacyOf(data) };
}

export interface LoadedDeviceFile {
  file: DeviceFile;
  /** A format-1 file's history, to move into the note store (then save the file to drop it). */
  legacy: LegacyHistory | null;
  /** A sentence for the reader when the file was damaged and set aside. */
  notice: string | null;
}

/** This device's file, a new one (with a new id from `newId`) when there is none or it is damaged. */
export function loadDeviceFile(dataDir: string, newId: () => string): LoadedDeviceFile {
  const dir = join(dataDir, SYNC_DIR);
  const path = join(dir, DEVICE_FILE);
  const fresh = (): LoadedDeviceFile => ({ file: newDeviceFile(newId()), legacy: null, notice: null });
  if (!existsSync(dir)) return fresh();
  // A save that a crash cut short left its temporary file; the file it was to replace is whole.
  for (const name of readdirSync(dir))
    if (name.startsWith(`${DEVICE_FILE}.`) && name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  if (!existsSync(path)) return fresh();
  let parsed: ReturnType<typeof fromJson>;
  try {
    parsed = fromJson(JSON.parse(readFileSync(path, 'utf8')), newDeviceFile(newId()));
  } catch {
    parsed = null;
  }
  if (parsed !== null) return { ...parsed, notice: null };
  const aside = join(dir, `device.damaged-${fileStamp()}.json`);
  renameSync(path, aside);
  return {
    file: newDeviceFile(newId()),
    legacy: null,
    notice: `This device's sync settings could not be read and were moved to ${aside}. Your notes are untouched; set up sync again.`,
  };
}

/** Writes the whole file: the previous one stays until the new one is on disk. */
export function saveDeviceFile(dataDir: string, file: DeviceFile): void {
  const dir = join(dataDir, SYNC_DIR);
  const path = join(dir, DEVICE_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const fd = openSync(temporary, 'w', PRIVATE_FILE_MODE);
    try {
      writeSync(fd, JSON.stringify(file));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    syncDirectory(dir);
  } catch (error) {
    throw new MarginError('unavailable', `The sync settings could not be saved (${errorDetail(error)}).`);
  }
}
