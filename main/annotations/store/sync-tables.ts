/**
 * Sync's state, kept in the note store beside the notes (main/sync/ decides what it means). Being in the
 * same SQLite file lets one transaction hold a merged note, the sync state it came from, the outbox
 * and the folder cursor: after a crash they agree, and a pass touches only the rows it changes instead
 * of rewriting a file of every note's history.
 *
 *   sync_state (kind, key) → value     JSON per row: one annotation's merged fields, a reading position,
 *                                      a device's name, a cursor entry, one of this device's segments…
 *   sync_state.agreed                  for annotation rows: the checksum of the note record the store
 *                                      held when sync last compared or wrote it (null: no record), so
 *                                      the records edited since are found by one query, not by reading all
 *   sync_outbox (seq) → change         changes made here that are not yet in a segment
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Annotation } from '../../api';

export interface SyncRow {
  key: string;
  value: string;
  agreed: string | null;
}

export interface SyncRowWrite {
  kind: string;
  key: string;
  /** null removes the row. */
  value: string | null;
}

/** One transaction's worth of sync's writes, with the note records they bring. */
export interface SyncBatch {
  put?: readonly Annotation[];
  remove?: readonly string[];
  rows?: readonly SyncRowWrite[];
  /** Annotation ids whose row now agrees with what the store holds for them (after `put`/`remove`). */
  agree?: readonly string[];
  /** Annotation ids whose agreement is unknown (moved from an older format): compared at the next pass. */
  unknown?: readonly string[];
  outboxAdd?: readonly string[];
  /** Drops the outbox up to and including this seq (it is in a published segment now). */
  outboxDropThrough?: number;
  /**
   * false: commit without waiting for the disk (synchronous=NORMAL: atomic and consistent, but a power
   * cut may undo it). Only for what a later durable commit depends on and a pass can do again: the WAL is
   * written in order, so the next durable commit makes every earlier one durable too. Default true.
   */
  durable?: boolean;
}

export interface SyncTables {
  row(kind: string, key: string): SyncRow | null;
  rows(kind: string): SyncRow[];
  /**
   * Ids whose note record differs from what sync last agreed with: edited, created or deleted here
   * since. Among `ids` only, or every one when not given.
   */
  disagreeing(ids?: Iterable<string>): string[];
  /** The oldest `limit` changes of the outbox after `afterSeq`. */
  outbox(limit: number, afterSeq?: number): Array<{ seq: number; change: string }>;
  /** Writes the batch in one transaction: all of it or none. */
  commit(batch: SyncBatch): void;
  /** Forgets every row and the outbox (sync set up on another folder starts afresh). */
  clear(): void;
}

/**
 * The sync tables of one open store. `transaction` and `writeRecord` are the store's own, so a batch
 * checks and writes records exactly as every other write does.
 */
export function syncTables(
  db: DatabaseSync,
  transaction: <T>(work: () => T) => T,
  writeRecord: (record: Annotation) => void,
  removeRecord: (id: string) => void,
): SyncTables {
  const selectRow = db.prepare('SELECT key, value, agreed FROM sync_state WHERE kind = ? AND key = ?');
  const selectKind = db.prepare('SELECT key, value, agreed FROM sync_state WHERE kind = ?');
  const upsertRow = db.prepare(
    `INSERT INTO sync_state (kind, key, value) VALUES (?, ?, ?)
     ON CONFLICT(kind, key) DO UPDATE SET value = excluded.value`,
  );
  const upsertAgreed = db.prepare(
    `INSERT INTO sync_state (kind, key, agreed, value)
     VALUES ('annotation', ?, (SELECT checksum FROM annotations WHERE id = ?), ?)
     ON CONFLICT(kind, key) DO UPDATE SET agreed = excluded.agreed, value = excluded.value`,
  );
  const deleteRow = db.prepare('DELETE FROM sync_state WHERE kind = ? AND key = ?');
  const agreeRow = db.prepare(
    `UPDATE sync_state SET agreed = (SELECT checksum FROM annotations WHERE id = ?)
     WHERE kind = 'annotation' AND key = ?`,
  );
  const unknownRow = db.prepare(
    `UPDATE sync_state SET agreed = 'unknown' WHERE kind = 'annotation' AND key = ?`,
  );
  // Both read only the two small indexes (record checksums, agreed checksums), never a note's JSON
  // or a state's value: comparing 10,000 notes stays a matter of milliseconds.
  const agreedOf = `(SELECT agreed FROM sync_state INDEXED BY sync_state_agreement
                      WHERE kind = 'annotation' AND key = a.id)`;
  const disagreeingOne = db.prepare(
    `SELECT 1 AS differs FROM (SELECT ? AS id) AS q
       LEFT JOIN annotations AS a INDEXED BY annotations_checksums ON a.id = q.id
     WHERE a.checksum IS NOT (SELECT agreed FROM sync_state INDEXED BY sync_state_agreement
                              WHERE kind = 'annotation' AND key = q.id)`,
  );
  const disagreeingAll = db.prepare(
    `SELECT a.id AS id FROM annotations AS a INDEXED BY annotations_checksums
     WHERE a.checksum IS NOT ${agreedOf}
     UNION
     SELECT s.key AS id FROM sync_state AS s INDEXED BY sync_state_agreement
     WHERE s.kind = 'annotation' AND s.agreed IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM annotations WHERE id = s.key)`,
  );
  const selectOutbox = db.prepare('SELECT seq, change FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?');
  const insertOutbox = db.prepare('INSERT INTO sync_outbox (change) VALUES (?)');
  const dropOutbox = db.prepare('DELETE FROM sync_outbox WHERE seq <= ?');
  const asRow = (row: unknown): SyncRow => row as SyncRow;
  const commitBatch = (batch: SyncBatch): void =>
    transaction(() => {
      for (const record of batch.put ?? []) writeRecord(record);
      for (const id of batch.remove ?? []) removeRecord(id);
      // An annotation's row and its agreement in one write: a row is rewritten whole, value and all.
      const agree = new Set(batch.agree);
      for (const { kind, key, value } of batch.rows ?? [])
        if (value === null) deleteRow.run(kind, key);
        else if (kind === 'annotation' && agree.delete(key)) upsertAgreed.run(key, key, value);
        else upsertRow.run(kind, key, value);
      for (const id of agree) agreeRow.run(id, id);
      for (const id of batch.unknown ?? []) unknownRow.run(id);
      for (const change of batch.outboxAdd ?? []) insertOutbox.run(change);
      if (batch.outboxDropThrough !== undefined) dropOutbox.run(batch.outboxDropThrough);
    });
  const pass = (statement: StatementSync, ...args: string[]): boolean => statement.get(...args) !== undefined;

  return {
    row(kind, key) {
      const found = selectRow.get(kind, key);
      return found === undefined ? null : asRow(found);
    },
    rows(kind) {
      return selectKind.all(kind).map(asRow);
    },
    disagreeing(ids) {
      if (ids === undefined) return disagreeingAll.all().map((row) => (row as { id: string }).id);
      return [...ids].filter((id) => pass(disagreeingOne, id));
    },
    outbox(limit, afterSeq = 0) {
      return selectOutbox.all(afterSeq, limit).map((row) => {
        const { seq, change } = row as { seq: number | bigint; change: string };
        return { seq: Number(seq), change };
      });
    },
    commit(batch) {
      // Outside the transaction: SQLite takes the setting for the transactions that follow.
      if (batch.durable === false) db.exec('PRAGMA synchronous = NORMAL');
      try {
        commitBatch(batch);
      } finally {
        if (batch.durable === false) db.exec('PRAGMA synchronous = FULL');
      }
    },
    clear() {
      transaction(() => db.exec('DELETE FROM sync_state; DELETE FROM sync_outbox;'));
    },
  };
}
