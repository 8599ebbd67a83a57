/**
 * Verified backups of the note store. A backup is written with `VACUUM INTO` to a temporary name, then
 * opened and checked like the live store (quick_check, row checksums, same rows and schema), flushed to
 * disk, and only then renamed to its final name: a file under a backup name is always a good one.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { inspectDatabase, isDamageError, StoreDamage } from './store-integrity';
import type { StoreSummary } from './store-integrity';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../data-dir';
import { errorDetail } from '../../errors';
import { fileStamp, syncDirectory, syncFile } from '../../storage/durable-files';

export interface BackupFile {
  file: string;
  /** `rolling`: taken at start and close, the newest few kept; `migration`: taken before a schema upgrade, kept. */
  kind: 'rolling' | 'migration';
  /** Start of the content digest the backup holds, to skip a backup identical to the newest one. */
  digest: string;
  stamp: string;
}

const BACKUP_NAME =
  /^annotations-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([0-9a-f]{12})(-before-v\d+)?\.sqlite$/;
/**
 * What a write killed half-way leaves: a backup's `.tmp`, a check's or salvage's `.check`, a new store's
 * `.new`, a restore's `.restore`, each with the journal, WAL and shared-memory files SQLite keeps beside it.
 */
const TEMPORARY = /\.sqlite\.(tmp|check|new|restore)(-journal|-wal|-shm)?$/;

export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  const backups: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const match = BACKUP_NAME.exec(name);
    if (!match) continue;
    backups.push({
      file: join(dir, name),
      kind: match[3] ? 'migration' : 'rolling',
      digest: match[2],
      stamp: match[1],
    });
  }
  return backups.sort((a, b) => b.stamp.localeCompare(a.stamp));
}

/** Opens a backup read-only and runs the store's checks on it; throws StoreDamage when it is not sound. */
export function verifyBackup(file: string): StoreSummary {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true });
  } catch (error) {
    throw new StoreDamage(`the backup cannot be opened (${errorDetail(error)})`);
  }
  try {
    return inspectDatabase(db);
  } catch (error) {
    if (error instanceof StoreDamage) throw error;
    if (isDamageError(error)) throw new StoreDamage(errorDetail(error));
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Writes a verified copy of `db` (whose contents are `summary`) into `dir` and returns its path.
 * `beforeVersion` marks a backup taken before migrating to that schema version.
 */
export function writeVerifiedBackup(
  db: DatabaseSync,
  dir: string,
  summary: StoreSummary,
  beforeVersion?: number,
): string {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const name = `annotations-${fileStamp()}-${summary.digest.slice(0, 12)}${beforeVersion ? `-before-v${beforeVersion}` : ''}.sqlite`;
  const finalFile = join(dir, name);
  const temporary = `${finalFile}.tmp`;
  // A journal left beside an old temporary of the same name would be played back into the new copy.
  removeWithSideFiles(temporary);
  try {
    // VACUUM INTO accepts an empty file: made first, the copy is private whatever the process umask is.
    writeFileSync(temporary, '', { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    db.prepare('VACUUM INTO ?').run(temporary);
    const copy = verifyBackup(temporary);
    if (
      copy.digest !== summary.digest ||
      copy.rows !== summary.rows ||
      copy.userVersion !== summary.userVersion
    ) {
      throw new StoreDamage('the backup does not hold the same notes as the store');
    }
    syncFile(temporary);
    renameSync(temporary, finalFile);
    syncDirectory(dir);
    return finalFile;
  } catch (error) {
    removeWithSideFiles(temporary);
    throw error;
  }
}

/** Removes `file` and the journal, WAL and shared-memory files SQLite may have left beside it. */
function removeWithSideFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    try {
      unlinkSync(file + suffix);
    } catch {
      // not there
    }
  }
}

/** Keeps the newest `keep` rolling backups; backups taken before a migration are never pruned. */
export function pruneRollingBackups(dir: string, keep: number): void {
  for (const backup of listBackups(dir)
    .filter((b) => b.kind === 'rolling')
    .slice(keep)) {
    unlinkSync(backup.file);
  }
}

/** Removes half-written files left by a crash; they never carry a backup's or the store's name. */
export function removeTemporaries(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (TEMPORARY.test(name)) unlinkSync(join(dir, name));
  }
}
