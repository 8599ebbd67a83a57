/**
 * The note store: SQLite through node:sqlite in the user's data folder. WAL with synchronous=FULL and
 * one transaction per change, so an acknowledged change survives a crash or power loss; one writer at a
 * time (lock file + exclusive locking); schema migrations after a verified backup; rolling verified
 * backups; a damaged file is moved aside and restored from the newest good backup (store-recovery.ts).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Annotation } from '../../api';
import { MARGIN_FOLDERS, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../data-dir';
import { errorDetail, MarginError } from '../../errors';
import { checkAnnotationRecord } from '../annotation-validation';
import { listBackups, pruneRollingBackups, removeTemporaries, writeVerifiedBackup } from './store-backups';
import { inspectDatabase, isBusyError, isDamageError, recordChecksum, sqliteCode } from './store-integrity';
import type { StoreSummary } from './store-integrity';
import { acquireStoreLock } from './store-lock';
import { openSoundStore } from './store-recovery';
import { syncTables } from './sync-tables';
import type { SyncTables } from './sync-tables';
import { latestVersion, migrate, MIGRATIONS } from './store-schema';
import type { Migration } from './store-schema';

export const STORE_FILE_NAME = 'annotations.sqlite';
export const BACKUPS_DIR_NAME = MARGIN_FOLDERS.backups;
export const DEFAULT_KEEP_BACKUPS = 5;
/** Every notice is also appended here, so that what happened to the store outlives the session. */
export const NOTICES_LOG_NAME = 'annotations-notices.log';

export interface AnnotationStoreOptions {
  dataDir: string;
  /** How many rolling backups to keep (default 5). */
  keepBackups?: number;
  /** The schema history; tests pass a longer one to exercise an upgrade. */
  migrations?: readonly Migration[];
}

export interface AnnotationStore {
  /** Absolute path of the SQLite file. */
  readonly file: string;
  get(id: string): Annotation | null;
  /** One document's records, or every record; oldest first. */
  list(docId?: string): Annotation[];
  /** Inserts or replaces one record in its own transaction; returns once it is on disk. */
  put(record: Annotation): void;
  /** Inserts or replaces many records in one transaction: all of them or none. */
  putAll(records: readonly Annotation[]): void;
  /** Removes a record and returns it, or null when there was none. */
  remove(id: string): Annotation | null;
  countByDocument(): Map<string, number>;
  /** Sync's state beside the notes, written in the same transactions as the notes it brings. */
  readonly sync: SyncTables;
  /** SQLite's quick_check: ['ok'] for a sound store. */
  quickCheck(): string[];
  /** What the user must be told about this store (damage, restore), in plain sentences. */
  notices(): string[];
  close(): void;
}

function writeError(error: unknown): MarginError {
  if (error instanceof MarginError) return error;
  const code = sqliteCode(error);
  if (code === 13)
    return new MarginError('unavailable', 'The disk is full: the change to your notes was not saved.');
  if (isBusyError(error))
    return new MarginError(
      'store-locked',
      'The note store is in use by another program: the change was not saved.',
    );
  if (isDamageError(error)) {
    return new MarginError(
      'store-damaged',
      `The note store could not be written (${errorDetail(error)}). The change was not saved; restart Margin to check and restore the store.`,
    );
  }
  return new MarginError('internal', `The change to your notes was not saved: ${errorDetail(error)}`);
}

/** Opens (creating, migrating, restoring as needed) the store in `dataDir`; throws MarginError('store-locked'). */
export function openAnnotationStore(options: AnnotationStoreOptions): AnnotationStore {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const file = join(dataDir, STORE_FILE_NAME);
  const backupsDir = join(dataDir, BACKUPS_DIR_NAME);
  const migrations = options.migrations ?? MIGRATIONS;
  const keepBackups = options.keepBackups ?? DEFAULT_KEEP_BACKUPS;
  const lock = acquireStoreLock(`${file}.lock`, `The note store in ${dataDir}`);
  let db: DatabaseSync;
  let summary: StoreSummary;
  let notices: string[];
  try {
    removeTemporaries(backupsDir);
    removeTemporaries(dataDir);
    const latest = latestVersion(migrations);
    ({ db, summary, notices } = openSoundStore({ file, backupsDir, migrations, latest }));
    if (notices.length > 0) {
      try {
        appendFileSync(
          join(dataDir, NOTICES_LOG_NAME),
          notices.map((n) => `${new Date().toISOString()} ${n}\n`).join(''),
          { mode: PRIVATE_FILE_MODE },
        );
      } catch {
        // the notice still reaches the user through notices()
      }
    }
    try {
      if (summary.userVersion < latest) {
        // The store as it was is kept, verified, before anything about its shape changes.
        if (summary.rows > 0) writeVerifiedBackup(db, backupsDir, summary, latest);
        migrate(db, migrations, summary.userVersion);
        summary = inspectDatabase(db);
      }
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    lock.release();
    throw error;
  }

  /** Digest of the newest backup's contents, to back up only when something changed. */
  let backedUpDigest = listBackups(backupsDir).find((b) => b.kind === 'rolling')?.digest ?? '';
  const backupIfChanged = (current: StoreSummary): void => {
    if (current.rows === 0 || (backedUpDigest !== '' && current.digest.startsWith(backedUpDigest))) return;
    try {
      writeVerifiedBackup(db, backupsDir, current);
      backedUpDigest = current.digest.slice(0, 12);
      pruneRollingBackups(backupsDir, keepBackups);
    } catch (error) {
      notices.push(`Margin could not write a backup of your notes to ${backupsDir} (${errorDetail(error)}).`);
    }
  };
  backupIfChanged(summary);

  const selectOne = db.prepare('SELECT record FROM annotations WHERE id = ?');
  const selectAll = db.prepare('SELECT record FROM annotations ORDER BY rowid');
  const selectByDoc = db.prepare('SELECT record FROM annotations WHERE doc_id = ? ORDER BY rowid');
  const deleteOne = db.prepare('DELETE FROM annotations WHERE id = ?');
  const countAll = db.prepare('SELECT doc_id, COUNT(*) AS n FROM annotations GROUP BY doc_id');
  const upsert = db.prepare(
    `INSERT INTO annotations (id, doc_id, modified, record, checksum) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET doc_id = excluded.doc_id, modified = excluded.modified,
       record = excluded.record, checksum = excluded.checksum`,
  );
  let open = true;
  let changed = false;

  const ensureOpen = (): void => {
    if (!open) throw new MarginError('unavailable', 'The note store is closed.');
  };
  const parse = (row: unknown): Annotation => JSON.parse((row as { record: string }).record) as Annotation;
  const transaction = <T>(work: () => T): T => {
    ensureOpen();
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      throw writeError(error);
    }
    try {
      const result = work();
      db.exec('COMMIT');
      changed = true;
      return result;
    } catch (error) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // the failed statement already ended the transaction
      }
      throw writeError(error);
    }
  };
  const write = (record: Annotation): void => {
    const checked = checkAnnotationRecord(record);
    const json = JSON.stringify(checked);
    upsert.run(checked.id, checked.docId, checked.modified, json, recordChecksum(json));
  };

  return {
    file,
    sync: syncTables(db, transaction, write, (id) => deleteOne.run(id)),
    get(id) {
      ensureOpen();
      const row = selectOne.get(id);
      return row === undefined ? null : parse(row);
    },
    list(docId) {
      ensureOpen();
      return (docId === undefined ? selectAll.all() : selectByDoc.all(docId)).map(parse);
    },
    put(record) {
      transaction(() => write(record));
    },
    putAll(records) {
      transaction(() => records.forEach(write));
    },
    remove(id) {
      return transaction(() => {
        const row = selectOne.get(id);
        if (row === undefined) return null;
        deleteOne.run(id);
        return parse(row);
      });
    },
    countByDocument() {
      ensureOpen();
      const counts = new Map<string, number>();
      for (const row of countAll.all() as Array<{ doc_id: string; n: number }>)
        counts.set(row.doc_id, Number(row.n));
      return counts;
    },
    quickCheck() {
      ensureOpen();
      return (db.prepare('PRAGMA quick_check').all() as Array<Record<string, unknown>>).map((row) =>
        String(Object.values(row)[0]),
      );
    },
    notices() {
      return [...notices];
    },
    close() {
      if (!open) return;
      try {
        if (changed) backupIfChanged(inspectDatabase(db));
      } catch {
        // a backup is a bonus at close; the store itself is already safe on disk
      } finally {
        open = false;
        db.close();
        lock.release();
      }
    },
  };
}
