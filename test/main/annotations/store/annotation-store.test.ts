import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  NOTICES_LOG_NAME,
  openAnnotationStore,
  STORE_FILE_NAME,
} from '../../../../main/annotations/store/annotation-store';
import type { AnnotationStore } from '../../../../main/annotations/store/annotation-store';
import { MIGRATIONS } from '../../../../main/annotations/store/store-schema';
import { MarginError } from '../../../../main/errors';
import { sampleId, sampleRecord } from '../sample-records';

let dataDir: string;
let storeFile: string;
const opened: AnnotationStore[] = [];

function open(options: Partial<Parameters<typeof openAnnotationStore>[0]> = {}): AnnotationStore {
  const store = openAnnotationStore({ dataDir, ...options });
  opened.push(store);
  return store;
}

/** A closed store holding records 1..count, and a verified backup of exactly that (taken at close). */
function storeWith(count: number): void {
  const store = open();
  for (let n = 1; n <= count; n++) store.put(sampleRecord(n));
  store.close();
}

function backups(): string[] {
  const dir = join(dataDir, 'backups');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function thrown(action: () => unknown): MarginError {
  try {
    action();
  } catch (error) {
    if (error instanceof MarginError) return error;
    throw error;
  }
  throw new Error('expected a MarginError');
}

function asidePath(notice: string): string {
  const match = /to (\S+\.sqlite)\./.exec(notice);
  if (!match) throw new Error(`no moved-aside path in: ${notice}`);
  return match[1];
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'margin-store-'));
  storeFile = join(dataDir, STORE_FILE_NAME);
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('annotation-store', () => {
  it('keeps every saved record across close and reopen, in a WAL-mode file that passes quick_check', () => {
    storeWith(12);
    const store = open();
    expect(store.list().map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => sampleId(i + 1)));
    expect(store.get(sampleId(5))).toEqual(sampleRecord(5));
    expect(store.list('doc-1').length).toBe(4);
    expect(store.countByDocument()).toEqual(
      new Map([
        ['doc-1', 4],
        ['doc-2', 4],
        ['doc-0', 4],
      ]),
    );
    expect(store.quickCheck()).toEqual(['ok']);
    expect(store.notices()).toEqual([]);
    // Bytes 18 and 19 of the header are 2 in WAL mode.
    const header = readFileSync(storeFile);
    expect([header[18], header[19]]).toEqual([2, 2]);
  });

  it('replaces a record on put with the same id and returns the record it removes', () => {
    const store = open();
    store.put(sampleRecord(1));
    store.put({ ...sampleRecord(1), note: 'changed', modified: '2025-06-01T00:00:00.000Z' });
    expect(store.list()).toHaveLength(1);
    expect(store.get(sampleId(1))?.note).toBe('changed');
    expect(store.remove(sampleId(1))?.note).toBe('changed');
    expect(store.remove(sampleId(1))).toBeNull();
    expect(store.list()).toEqual([]);
  });

  it('stores nothing from putAll when one record of the batch is invalid', () => {
    const store = open();
    const bad = { ...sampleRecord(3), color: 'orange' } as unknown as ReturnType<typeof sampleRecord>;
    expect(thrown(() => store.putAll([sampleRecord(1), sampleRecord(2), bad])).code).toBe('invalid-argument');
    expect(store.list()).toEqual([]);
  });

  it('keeps the newest five rolling verified backups, and takes one only when the notes changed', () => {
    for (let round = 1; round <= 7; round++) {
      const store = open();
      store.put(sampleRecord(round));
      store.close();
    }
    expect(backups()).toHaveLength(5);
    const before = backups();
    open().close(); // nothing changed: no new backup
    expect(backups()).toEqual(before);
    const newest = new DatabaseSync(join(dataDir, 'backups', before[4]), { readOnly: true });
    expect(newest.prepare('PRAGMA quick_check').get()).toEqual({ quick_check: 'ok' });
    expect((newest.prepare('SELECT COUNT(*) AS n FROM annotations').get() as { n: number }).n).toBe(7);
    newest.close();
  });

  const damages: Array<[string, (file: string) => void]> = [
    ['truncated', (file) => truncateSync(file, Math.floor(readFileSync(file).length / 2))],
    ['zero bytes', (file) => writeFileSync(file, '')],
    [
      'garbage',
      (file) => writeFileSync(file, Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 251))),
    ],
    [
      'bit flips in the middle pages',
      (file) => {
        const bytes = readFileSync(file);
        const pageSize = bytes.readUInt16BE(16);
        const pages = bytes.length / pageSize;
        for (let page = 2; page < pages - 1; page++) {
          for (let offset = 0; offset < pageSize; offset += 97) bytes[page * pageSize + offset] ^= 0b00100100;
        }
        writeFileSync(file, bytes);
      },
    ],
    [
      'header overwritten',
      (file) => {
        const bytes = readFileSync(file);
        bytes.fill(0x41, 0, 100);
        writeFileSync(file, bytes);
      },
    ],
    [
      'replaced by a file that is not SQLite',
      (file) => writeFileSync(file, JSON.stringify({ notes: ['not a database'] })),
    ],
  ];

  for (const [name, damage] of damages) {
    it(`moves a damaged store aside (${name}), restores the newest good backup and says where the damaged file is`, () => {
      storeWith(60);
      damage(storeFile);
      const damagedBytes = readFileSync(storeFile);

      const store = open();
      const notices = store.notices();
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/damaged/);
      expect(notices[0]).toMatch(
        /restored from the backup of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(60 notes\)/,
      );
      const aside = asidePath(notices[0]);
      expect(aside.startsWith(dataDir)).toBe(true);
      expect(readFileSync(aside).equals(damagedBytes)).toBe(true);
      expect(readFileSync(join(dataDir, NOTICES_LOG_NAME), 'utf8')).toContain(notices[0]);
      expect(store.list()).toHaveLength(60);
      expect(store.get(sampleId(60))).toEqual(sampleRecord(60));
      expect(store.quickCheck()).toEqual(['ok']);
    });
  }

  it('puts back records newer than the backup that can still be read from the damaged file', () => {
    storeWith(10);
    // Behind the store's back: five records the backup does not have, and a bit flip in one note's text.
    const db = new DatabaseSync(storeFile);
    const insert = db.prepare(
      'INSERT INTO annotations (id, doc_id, modified, record, checksum) VALUES (?, ?, ?, ?, ?)',
    );
    for (let n = 11; n <= 15; n++) {
      const json = JSON.stringify(sampleRecord(n));
      insert.run(
        sampleId(n),
        sampleRecord(n).docId,
        sampleRecord(n).modified,
        json,
        createHash('sha256').update(json).digest('hex'),
      );
    }
    db.prepare("UPDATE annotations SET record = replace(record, 'Note 4:', 'Note 5:') WHERE id = ?").run(
      sampleId(4),
    );
    db.close();

    const store = open();
    expect(store.notices()[0]).toMatch(/does not match its checksum/);
    expect(store.notices()[0]).toMatch(
      /5 notes that could still be read from the damaged file were added back/,
    );
    expect(store.list()).toHaveLength(15);
    expect(store.get(sampleId(4))).toEqual(sampleRecord(4)); // the flipped note comes back from the backup
    expect(existsSync(asidePath(store.notices()[0]))).toBe(true);
  });

  it('says loudly that no good backup exists, keeps the damaged file and never silently starts empty', () => {
    const store = open();
    store.put(sampleRecord(1));
    store.close();
    // As if the store was damaged before any backup could be taken.
    for (const name of backups()) rmSync(join(dataDir, 'backups', name));
    writeFileSync(storeFile, 'definitely not a database, but it was your notes');

    const reopened = open();
    const [notice] = reopened.notices();
    expect(notice).toMatch(/^IMPORTANT: .*NO good backup was found/);
    expect(readFileSync(asidePath(notice), 'utf8')).toBe('definitely not a database, but it was your notes');
    expect(reopened.list()).toEqual([]);
  });

  it('skips a damaged backup and restores the next one, naming the one it skipped', () => {
    storeWith(3);
    const second = open();
    second.put(sampleRecord(4));
    second.close();
    const [older, newer] = backups();
    writeFileSync(join(dataDir, 'backups', newer), 'rotten');
    writeFileSync(storeFile, '');

    const store = open();
    expect(store.list()).toHaveLength(3);
    expect(store.notices()[0]).toContain(`Damaged backups skipped: ${newer}`);
    expect(older).toBeDefined();
  });

  it('restores the newest backup when the store file has gone missing, and says so', () => {
    storeWith(4);
    rmSync(storeFile);
    const store = open();
    expect(store.list()).toHaveLength(4);
    expect(store.notices()[0]).toMatch(/was missing .* restored from the backup/);
  });

  it('refuses a store written by a newer Margin with a clear message and leaves the file untouched', () => {
    storeWith(2);
    const db = new DatabaseSync(storeFile);
    db.exec('PRAGMA user_version = 7');
    db.close();
    const before = readFileSync(storeFile);
    const filesBefore = readdirSync(dataDir).sort();

    const error = thrown(() => open());
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/newer version of Margin .*Update Margin.*has not been changed/);
    expect(readFileSync(storeFile).equals(before)).toBe(true);
    expect(readdirSync(dataDir).sort()).toEqual(filesBefore); // nothing moved aside, lock released
  });

  it('migrates an older schema after a verified backup of it, and keeps every record', () => {
    storeWith(5);
    const next = MIGRATIONS.length + 1;
    const v2 = [
      ...MIGRATIONS,
      {
        version: next,
        description: 'archive flag',
        up: (db: DatabaseSync) =>
          db.exec('ALTER TABLE annotations ADD COLUMN archived INTEGER NOT NULL DEFAULT 0'),
      },
    ];
    const store = open({ migrations: v2 });
    expect(store.list()).toHaveLength(5);
    store.close();

    const preMigration = backups().filter((name) => name.endsWith(`-before-v${next}.sqlite`));
    expect(preMigration).toHaveLength(1);
    const backup = new DatabaseSync(join(dataDir, 'backups', preMigration[0]), { readOnly: true });
    expect(backup.prepare('PRAGMA user_version').get()).toEqual({ user_version: next - 1 });
    expect((backup.prepare('SELECT COUNT(*) AS n FROM annotations').get() as { n: number }).n).toBe(5);
    backup.close();
    const migrated = new DatabaseSync(storeFile, { readOnly: true });
    expect(migrated.prepare('PRAGMA user_version').get()).toEqual({ user_version: next });
    migrated.close();
  });

  it('leaves the store as it was when a migration fails', () => {
    storeWith(5);
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        description: 'fails',
        up: (db: DatabaseSync) => db.exec('ALTER TABLE nowhere ADD COLUMN x'),
      },
    ];
    expect(() => open({ migrations: broken })).toThrow();
    const store = open();
    expect(store.list()).toHaveLength(5);
    expect(store.notices()).toEqual([]);
  });

  it('refuses a second writer in the same process with store-locked', () => {
    open();
    const error = thrown(() => openAnnotationStore({ dataDir }));
    expect(error.code).toBe('store-locked');
    expect(error.message).toMatch(/open in another Margin window or process/);
  });

  it('refuses a second writer while another process holds the store, and takes over its lock once it died', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'store-writer-child.ts'), dataDir, '1', 'hold'],
      {
        cwd: join(__dirname, '../../../..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ack')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    });
    expect(thrown(() => openAnnotationStore({ dataDir })).code).toBe('store-locked');

    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(`${storeFile}.lock`)).toBe(true); // left behind by the killed process
    const store = open();
    expect(store.get(sampleId(1))).not.toBeNull();
    expect(store.notices()).toEqual([]);
  });
});
