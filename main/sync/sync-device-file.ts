/**
 * What one device remembers about sync, in its private data folder: `<data>/sync/device.json`
 * (folder 0700, file 0600). One file, written whole (temporary file, fsync, rename), so that its parts
 * (the merged state, the cursor, the outbox, the segments this installation wrote) always agree with
 * each other after a crash: the previous file or the next one, never half of each.
 *
 * The folder key is kept here too, beside the notes it protects (they are in the same private folder,
 * unencrypted, in the note store): the passphrase is asked once per device, not at every start.
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
import { emptyCursor } from './sync-folder';
import type { SyncCursor } from './sync-folder';
import { emptySyncState } from './sync-merge';
import type { SyncState } from './sync-merge';

export const SYNC_DIR = MARGIN_FOLDERS.sync;
export const DEVICE_FILE = 'device.json';
const DEVICE_FILE_FORMAT = 1;

export interface DeviceFile {
  format: number;
  deviceId: string;
  deviceName: string;
  /** The folder sync uses, null before it is set up or after it is turned off. */
  folder: string | null;
  /** The folder whose history `state`, `cursor` and `ownSegments` describe (kept while sync is off). */
  stateFolder: string | null;
  /** base64 of the folder key, null while sync is off. */
  key: string | null;
  clockLast: string | null;
  state: SyncState;
  cursor: SyncCursor;
  /** Segment file name → digest, of every segment this installation wrote to `stateFolder`. */
  ownSegments: Record<string, string>;
  /** Changes merged into `state` but not yet in a segment. */
  outbox: Change[];
  /** Annotation ids whose merged record is being written into the note store (see sync-service). */
  applying: string[];
  /** Annotation ids whose merged record the note store refused; never taken as deleted here. */
  unstored: string[];
  lastSync: string | null;
  /** Device id → when its newest segment was written (ISO). */
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
    clockLast: null,
    state: emptySyncState(),
    cursor: emptyCursor(),
    ownSegments: {},
    outbox: [],
    applying: [],
    unstored: [],
    lastSync: null,
    seen: {},
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The file's fields that are there and of the right kind; the rest from a fresh file. */
function fromJson(data: unknown, fresh: DeviceFile): DeviceFile | null {
  if (!isObject(data) || !isDeviceId(data.deviceId)) return null;
  const text = (value: unknown, fallback: string | null): string | null =>
    typeof value === 'string' ? value : fallback;
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const state = isObject(data.state) ? (data.state as unknown as SyncState) : fresh.state;
  return {
    ...fresh,
    deviceId: data.deviceId,
    deviceName: text(data.deviceName, fresh.deviceName) as string,
    folder: text(data.folder, null),
    stateFolder: text(data.stateFolder, null),
    key: text(data.key, null),
    clockLast: isHlc(data.clockLast) ? data.clockLast : null,
    state: { ...fresh.state, ...state },
    cursor: isObject(data.cursor) ? { ...fresh.cursor, ...(data.cursor as object) } : fresh.cursor,
    ownSegments: isObject(data.ownSegments) ? (data.ownSegments as Record<string, string>) : {},
    outbox: Array.isArray(data.outbox) ? (data.outbox as Change[]) : [],
    applying: strings(data.applying),
    unstored: strings(data.unstored),
    lastSync: text(data.lastSync, null),
    seen: isObject(data.seen) ? (data.seen as Record<string, string>) : {},
  };
}

export interface LoadedDeviceFile {
  file: DeviceFile;
  /** A sentence for the reader when the file was damaged and set aside. */
  notice: string | null;
}

/** This device's file, a new one (with a new id from `newId`) when there is none or it is damaged. */
export function loadDeviceFile(dataDir: string, newId: () => string): LoadedDeviceFile {
  const dir = join(dataDir, SYNC_DIR);
  const path = join(dir, DEVICE_FILE);
  if (!existsSync(dir)) return { file: newDeviceFile(newId()), notice: null };
  // A save that a crash cut short left its temporary file; the file it was to replace is whole.
  for (const name of readdirSync(dir))
    if (name.startsWith(`${DEVICE_FILE}.`) && name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  if (!existsSync(path)) return { file: newDeviceFile(newId()), notice: null };
  let parsed: DeviceFile | null;
  try {
    parsed = fromJson(JSON.parse(readFileSync(path, 'utf8')), newDeviceFile(newId()));
  } catch {
    parsed = null;
  }
  if (parsed !== null) return { file: parsed, notice: null };
  const aside = join(dir, `device.damaged-${fileStamp()}.json`);
  renameSync(path, aside);
  return {
    file: newDeviceFile(newId()),
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
