import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotationStore } from '../../../../main/annotations/store/annotation-store';
import { sampleRecord } from '../sample-records';

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'margin-leftovers-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** What a backup or a recovery killed half-way leaves behind: the temporary and SQLite's side files. */
const LEFTOVER_SUFFIXES = ['', '-journal', '-wal', '-shm'];

describe('store leftovers', () => {
  it('removes every temporary a killed backup left in backups/, and keeps the real backups', () => {
    const first = openAnnotationStore({ dataDir });
    first.put(sampleRecord(1));
    first.close();
    const backupsDir = join(dataDir, 'backups');
    const [backup] = readdirSync(backupsDir);
    const leftovers = ['tmp', 'check'].flatMap((kind) =>
      LEFTOVER_SUFFIXES.map(
        (suffix) => `annotations-2026-01-01T00-00-00-000Z-0123456789ab.sqlite.${kind}${suffix}`,
      ),
    );
    for (const name of leftovers) writeFileSync(join(backupsDir, name), 'half-written');

    const store = openAnnotationStore({ dataDir });
    try {
      expect(readdirSync(backupsDir)).toEqual([backup]);
      expect(store.list().map((record) => record.id)).toEqual([sampleRecord(1).id]);
    } finally {
      store.close();
    }
  });

  it('removes half-made stores and restores from the data folder, and nothing else', () => {
    const first = openAnnotationStore({ dataDir });
    first.put(sampleRecord(1));
    first.close();
    const leftovers = ['new', 'restore', 'tmp'].flatMap((kind) =>
      LEFTOVER_SUFFIXES.map((suffix) => `annotations.sqlite.${kind}${suffix}`),
    );
    for (const name of leftovers) writeFileSync(join(dataDir, name), 'half-written');
    mkdirSync(join(dataDir, 'elsewhere'));
    writeFileSync(join(dataDir, 'elsewhere', 'mine.sqlite.tmp'), 'not Margin’s to remove');

    const store = openAnnotationStore({ dataDir });
    try {
      for (const name of leftovers) expect(existsSync(join(dataDir, name)), name).toBe(false);
      expect(existsSync(join(dataDir, 'annotations.sqlite'))).toBe(true);
      expect(existsSync(join(dataDir, 'elsewhere', 'mine.sqlite.tmp'))).toBe(true);
      expect(store.list()).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});
