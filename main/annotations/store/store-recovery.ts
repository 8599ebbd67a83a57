/**
 * Opening the store so that notes are never silently lost: a missing or damaged store is replaced by
 * the newest backup that passes every check, the damaged file is moved aside (never deleted), whatever
 * can still be read from it is merged back, and the user is told in plain words what happened.
 */
import { chmodSync, copyFileSync, existsSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Annotation } from '../../api';
import { PRIVATE_FILE_MODE } from '../../data-dir';
import { errorDetail, MarginError } from '../../errors';
import { listBackups, verifyBackup } from './store-backups';
import { fileStamp, syncDirectory, syncFile } from '../../storage/durable-files';
import {
  inspectDatabase,
  isBusyError,
  isDamageError,
  readHeader,
  recordChecksum,
  salvageRecords,
  StoreDamage,
} from './store-integrity';
import type { StoreSummary } from './store-integrity';
import { configureConnection, migrate } from './store-schema';
import type { Migration } from './store-schema';

export interface StoreLocation {
  file: string;
  backupsDir: string;
  migrations: readonly Migration[];
  latest: number;
}

export interface OpenedStore {
  db: DatabaseSync;
  summary: StoreSummary;
  notices: string[];
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function readableStamp(stamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})/.exec(stamp);
  return m ? `${m[1]} ${m[2]}:${m[3]} UTC` : stamp;
}

function notes(count: number): string {
  return count === 1 ? '1 note' : `${count} notes`;
}

function newerSchema(location: StoreLocation, version: number): MarginError {
  return new MarginError(
    'unavailable',
    `Your notes in ${location.file} were saved by a newer version of Margin (store version ${version}; this ` +
      `version reads up to ${location.latest}). Update Margin to open them. The file has not been changed.`,
  );
}

function openConnection(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  try {
    configureConnection(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens and checks the store file; throws StoreDamage, or MarginError for a newer schema or a busy file. */
function openChecked(location: StoreLocation): OpenedStore {
  const header = readHeader(location.file);
  if (header.userVersion > location.latest) throw newerSchema(location, header.userVersion);
  let db: DatabaseSync;
  try {
    db = openConnection(location.file);
  } catch (error) {
    if (isBusyError(error))
      throw new MarginError('store-locked', `The note store ${location.file} is in use by another program.`);
    if (isDamageError(error)) throw new StoreDamage(`SQLite cannot open it (${errorDetail(error)})`);
    throw error;
  }
  try {
    const summary = inspectDatabase(db);
    if (summary.userVersion > location.latest) throw newerSchema(location, summary.userVersion);
    return { db, summary, notices: [] };
  } catch (error) {
    db.close();
    if (isBusyError(error))
      throw new MarginError('store-locked', `The note store ${location.file} is in use by another program.`);
    throw error;
  }
}

/** A new store is built under a temporary name and renamed into place, so a crash never leaves a half-made one. */
function createEmptyStore(location: StoreLocation): void {
  const temporary = `${location.file}.new`;
  for (const suffix of ['', ...SIDE_FILES])
    if (existsSync(temporary + suffix)) unlinkSync(temporary + suffix);
  // SQLite gives its WAL and shared-memory files the mode of the database: a private file keeps them private.
  writeFileSync(temporary, '', { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  const db = openConnection(temporary);
  try {
    migrate(db, location.migrations, 0);
  } finally {
    db.close();
  }
  syncFile(temporary);
  renameSync(temporary, location.file);
  syncDirectory(dirname(location.file));
}

/** Renames the store and its side files to `annotations.damaged-<time>.sqlite…`; returns the new path. */
function moveAside(file: string): string {
  const aside = join(dirname(file), `${basename(file, '.sqlite')}.damaged-${fileStamp()}.sqlite`);
  renameSync(file, aside);
  for (const suffix of SIDE_FILES) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  syncDirectory(dirname(file));
  return aside;
}

interface Restored {
  stamp: string;
  summary: StoreSummary;
  /** Backups that failed their checks on the way. */
  rejected: string[];
}

function restoreNewestBackup(location: StoreLocation): Restored | null {
  const rejected: string[] = [];
  for (const backup of listBackups(location.backupsDir)) {
    try {
      const summary = verifyBackup(backup.file);
      const temporary = `${location.file}.restore`;
      copyFileSync(backup.file, temporary);
      chmodSync(temporary, PRIVATE_FILE_MODE);
      syncFile(temporary);
      renameSync(temporary, location.file);
      syncDirectory(dirname(location.file));
      return { stamp: backup.stamp, summary, rejected };
    } catch (error) {
      if (!(error instanceof StoreDamage)) throw error;
      rejected.push(basename(backup.file));
    }
  }
  return null;
}

/** Records readable from a damaged file, read from a throwaway copy so that the file itself stays as it was. */
function salvage(aside: string): Annotation[] {
  const copy = `${aside}.salvage.sqlite.check`;
  try {
    copyFileSync(aside, copy);
    if (existsSync(`${aside}-wal`)) copyFileSync(`${aside}-wal`, `${copy}-wal`);
    const db = new DatabaseSync(copy);
    try {
      return salvageRecords(db);
    } finally {
      db.close();
    }
  } catch {
    return [];
  } finally {
    for (const suffix of ['', ...SIDE_FILES]) if (existsSync(copy + suffix)) unlinkSync(copy + suffix);
  }
}

/** Puts back salvaged records that are missing from, or newer than, the restored store. */
function mergeSalvaged(db: DatabaseSync, records: Annotation[]): number {
  const current = db.prepare('SELECT modified FROM annotations WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO annotations (id, doc_id, modified, record, checksum) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET doc_id = excluded.doc_id, modified = excluded.modified,
       record = excluded.record, checksum = excluded.checksum`,
  );
  let merged = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const record of records) {
      const existing = current.get(record.id) as { modified: string } | undefined;
      if (existing && Date.parse(existing.modified) >= Date.parse(record.modified)) continue;
      const json = JSON.stringify(record);
      upsert.run(record.id, record.docId, record.modified, json, recordChecksum(json));
      merged += 1;
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return merged;
}

function replaceDamagedStore(location: StoreLocation, reason: string): OpenedStore {
  const aside = moveAside(location.file);
  const restored = restoreNewestBackup(location);
  if (!restored) createEmptyStore(location);
  let opened: OpenedStore;
  try {
    opened = openChecked(location);
  } catch (error) {
    if (error instanceof MarginError) throw error;
    throw new MarginError(
      'store-damaged',
      `Margin's note store was damaged (${reason}) and could not be replaced. The damaged file was moved to ` +
        `${aside}; nothing was deleted.`,
    );
  }
  const rescued = restored?.summary.userVersion === location.latest || !restored ? salvage(aside) : [];
  const recovered = rescued.length > 0 ? mergeSalvaged(opened.db, rescued) : 0;
  if (recovered > 0) opened.summary = inspectDatabase(opened.db);
  const recoveredText =
    recovered > 0
      ? ` ${notes(recovered)} that could still be read from the damaged file were added back.`
      : '';
  const rejectedText =
    restored && restored.rejected.length > 0
      ? ` Damaged backups skipped: ${restored.rejected.join(', ')}.`
      : '';
  const notice = restored
    ? `Margin's note store was damaged (${reason}). It was moved aside, not deleted, to ${aside}. Your notes were ` +
      `restored from the backup of ${readableStamp(restored.stamp)} (${notes(restored.summary.rows)}).${recoveredText}${rejectedText} ` +
      `Changes made after that backup may be missing.`
    : `IMPORTANT: Margin's note store was damaged (${reason}) and NO good backup was found. The damaged file was moved ` +
      `aside, not deleted, to ${aside}. Margin started a new note store.${recoveredText} Keep the damaged file: ` +
      `it may still hold notes that can be recovered.`;
  return { ...opened, notices: [notice] };
}

/** Opens the store at `location.file`, restoring and recovering as needed. The caller holds the lock. */
export function openSoundStore(location: StoreLocation): OpenedStore {
  if (!existsSync(location.file)) {
    const restored = restoreNewestBackup(location);
    if (!restored) {
      createEmptyStore(location);
      return openChecked(location);
    }
    const opened = openChecked(location);
    opened.notices.push(
      `Margin's note store was missing from ${dirname(location.file)}. Your notes were restored from the backup of ` +
        `${readableStamp(restored.stamp)} (${notes(restored.summary.rows)}).`,
    );
    return opened;
  }
  try {
    return openChecked(location);
  } catch (error) {
    if (!(error instanceof StoreDamage)) throw error;
    return replaceDamagedStore(location, error.reason);
  }
}
