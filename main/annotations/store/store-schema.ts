/**
 * The store's schema, versioned by `PRAGMA user_version`. A migration runs once, in one transaction,
 * after a verified backup of the store as it was (see annotation-store.ts).
 */
import type { DatabaseSync } from 'node:sqlite';

export interface Migration {
  /** The user_version after this migration; migrations are numbered 1, 2, 3… */
  version: number;
  description: string;
  up(db: DatabaseSync): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'annotations: one row per record, its JSON and a sha256 of that JSON',
    up(db) {
      db.exec(`
        CREATE TABLE annotations (
          id TEXT PRIMARY KEY NOT NULL,
          doc_id TEXT NOT NULL,
          modified TEXT NOT NULL,
          record TEXT NOT NULL,
          checksum TEXT NOT NULL
        ) STRICT;
        CREATE INDEX annotations_by_document ON annotations (doc_id);
      `);
    },
  },
  {
    version: 2,
    description: 'sync state beside the notes, written in the same transactions (see sync-tables.ts)',
    up(db) {
      db.exec(`
        CREATE TABLE sync_state (
          kind TEXT NOT NULL,
          key TEXT NOT NULL,
          agreed TEXT,
          value TEXT NOT NULL,
          PRIMARY KEY (kind, key)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX sync_state_agreement ON sync_state (kind, key, agreed);
        -- sync compares every record's checksum with the one it agreed with: from this index alone,
        -- without reading each record's JSON
        CREATE INDEX annotations_checksums ON annotations (id, checksum);
        CREATE TABLE sync_outbox (
          seq INTEGER PRIMARY KEY,
          change TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];

export function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(`Migration ${index + 1} is numbered ${migration.version}.`);
  });
  return migrations.length;
}

/** Runs the migrations above `fromVersion` and sets user_version, all or nothing. */
export function migrate(db: DatabaseSync, migrations: readonly Migration[], fromVersion: number): void {
  const pending = migrations.filter((migration) => migration.version > fromVersion);
  if (pending.length === 0) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const migration of pending) migration.up(db);
    db.exec(`PRAGMA user_version = ${latestVersion(migrations)}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** Pragmas every connection to a store uses; returns the journal mode SQLite actually chose. */
export function configureConnection(db: DatabaseSync): string {
  // Exclusive locking: a second connection (another process that got past the lock file somehow) gets
  // SQLITE_BUSY instead of writing; with WAL it also means no shared-memory file is needed.
  db.exec('PRAGMA locking_mode = EXCLUSIVE');
  const mode = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string };
  db.exec('PRAGMA synchronous = FULL');
  return mode.journal_mode;
}
