/**
 * Is this SQLite file a sound note store? SQLite's own `quick_check` finds broken pages; a sha256 per
 * row finds what it cannot: bit flips inside a note's text. Both the live store and every backup are
 * judged by the same checks.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { checkAnnotationRecord } from '../annotation-validation';
import type { Annotation } from '../../api';
import { errorDetail, printableLine } from '../../errors';

/** The store file is damaged; `reason` is one plain sentence for the user. */
export class StoreDamage extends Error {
  /** Why, in one printable line: it is told to the reader, and SQLite's words may span several lines. */
  readonly reason: string;
  constructor(reason: string) {
    const line = printableLine(reason, 300);
    super(line);
    this.reason = line;
    this.name = 'StoreDamage';
  }
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';
/** SQLite result codes (low byte) that mean the file itself is broken, not that it is busy or unwritable. */
const DAMAGE_CODES = new Set([10 /* IOERR */, 11 /* CORRUPT */, 26 /* NOTADB */]);
const BUSY_CODES = new Set([5 /* BUSY */, 6 /* LOCKED */]);

export function sqliteCode(error: unknown): number | null {
  const code = (error as { errcode?: unknown }).errcode;
  return typeof code === 'number' ? code & 0xff : null;
}

export function isDamageError(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && DAMAGE_CODES.has(code);
}

export function isBusyError(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && BUSY_CODES.has(code);
}

export function recordChecksum(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/**
 * What the first 100 bytes say, read without SQLite so that a file we must not touch (a newer schema)
 * is never opened. Throws StoreDamage for an empty file or one that is not SQLite.
 */
export function readHeader(file: string): { userVersion: number } {
  const size = statSync(file).size;
  if (size === 0) throw new StoreDamage('the file is empty (0 bytes)');
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new StoreDamage('the file is not an SQLite database (its header is missing or overwritten)');
  }
  return { userVersion: header.readUInt32BE(60) };
}

export interface StoreSummary {
  userVersion: number;
  rows: number;
  /** sha256 over every row's id and checksum: equal digests mean equal contents. */
  digest: string;
}

function hasAnnotationsTable(db: DatabaseSync): boolean {
  return (
    db.prepare("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'annotations'").get() !==
    undefined
  );
}

/** Runs every check; throws StoreDamage with the first problem found. */
export function inspectDatabase(db: DatabaseSync): StoreSummary {
  try {
    const problems = db.prepare('PRAGMA quick_check').all() as Array<Record<string, unknown>>;
    const first = String(Object.values(problems[0] ?? {})[0] ?? 'no answer');
    if (problems.length !== 1 || first !== 'ok')
      throw new StoreDamage(`SQLite's integrity check failed (${first})`);
    const userVersion = Number(
      (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version,
    );
    const digest = createHash('sha256');
    let rows = 0;
    if (hasAnnotationsTable(db)) {
      for (const row of db.prepare('SELECT id, record, checksum FROM annotations ORDER BY id').iterate()) {
        const { id, record, checksum } = row as { id: string; record: string; checksum: string };
        if (recordChecksum(record) !== checksum)
          throw new StoreDamage(`the note ${id} does not match its checksum`);
        // Only readability counts as damage here: a record that a later version's stricter rules would
        // refuse is still the reader's note, not a broken file.
        try {
          JSON.parse(record);
        } catch {
          throw new StoreDamage(`the note ${id} is not readable`);
        }
        digest.update(`${id}\t${checksum}\n`);
        rows += 1;
      }
    }
    return { userVersion, rows, digest: digest.digest('hex') };
  } catch (error) {
    if (error instanceof StoreDamage) throw error;
    if (isDamageError(error)) throw new StoreDamage(`SQLite cannot read it (${errorDetail(error)})`);
    throw error;
  }
}

/** Every record that can still be read and whose checksum holds, from a store that failed its checks. */
export function salvageRecords(db: DatabaseSync): Annotation[] {
  const found: Annotation[] = [];
  try {
    for (const row of db.prepare('SELECT record, checksum FROM annotations').iterate()) {
      const { record, checksum } = row as { record: string; checksum: string };
      if (recordChecksum(record) !== checksum) continue;
      try {
        found.push(checkAnnotationRecord(JSON.parse(record)));
      } catch {
        // an unreadable record is skipped; the damaged file itself is kept for anyone who wants to dig
      }
    }
  } catch {
    // reading stops at the first broken page; what was read so far is kept
  }
  return found;
}
