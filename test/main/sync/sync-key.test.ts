import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginError } from '../../../main/errors';
import {
  createSyncFolder,
  DEFAULT_SCRYPT,
  openSealed,
  sealText,
  unlockSyncFolder,
} from '../../../main/sync/sync-key';

/** Cheap scrypt for tests; one test below uses the real cost. */
const QUICK = { N: 2 ** 10, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'margin-sync-key-'));
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Every file under `dir` with its bytes, to show that nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path] = readFileSync(path, 'base64');
    }
  }
  return files;
}

async function failure(action: () => Promise<unknown>): Promise<MarginError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof MarginError) return error;
    throw error;
  }
  throw new Error('expected a MarginError');
}

describe('sync-key', async () => {
  it('sets up a folder with the real scrypt cost and opens it again with the same passphrase', async () => {
    const created = await createSyncFolder(folder, PASSPHRASE);
    const folderFile = JSON.parse(readFileSync(join(folder, 'margin', 'folder.json'), 'utf8'));
    expect(folderFile.kdf).toMatchObject({ name: 'scrypt', ...DEFAULT_SCRYPT });
    expect(Buffer.from(folderFile.kdf.salt, 'base64')).toHaveLength(16);
    const opened = await unlockSyncFolder(folder, PASSPHRASE);
    expect(opened.key.equals(created.key)).toBe(true);
    expect(JSON.stringify(folderFile)).not.toContain(PASSPHRASE);
  });

  it('says a wrong passphrase plainly and writes nothing', async () => {
    await createSyncFolder(folder, PASSPHRASE, QUICK);
    const before = snapshot(folder);
    const error = await failure(() => unlockSyncFolder(folder, 'wrong horse battery'));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toBe(
      'That passphrase does not open this sync folder. Nothing was read or written; try again.',
    );
    expect(snapshot(folder)).toEqual(before);
  });

  it('refuses to set up a folder twice, a missing folder, and a short passphrase', async () => {
    await createSyncFolder(folder, PASSPHRASE, QUICK);
    const before = snapshot(folder);
    expect((await failure(() => createSyncFolder(folder, 'another passphrase', QUICK))).message).toContain(
      'already a Margin sync folder',
    );
    expect(snapshot(folder)).toEqual(before);
    expect((await failure(() => createSyncFolder(join(folder, 'gone'), PASSPHRASE, QUICK))).code).toBe(
      'unavailable',
    );
    expect((await failure(() => createSyncFolder(folder, 'short'))).message).toContain(
      'at least 8 characters',
    );
    expect((await failure(() => unlockSyncFolder(join(folder, 'gone'), PASSPHRASE))).code).toBe('not-found');
  });

  it('opens a folder set up by a newer Margin when it understands the key, and never rewrites it', async () => {
    await createSyncFolder(folder, PASSPHRASE, QUICK);
    const file = join(folder, 'margin', 'folder.json');
    const newer = { ...JSON.parse(readFileSync(file, 'utf8')), format: 3, devicesIndex: 'something new' };
    writeFileSync(file, JSON.stringify(newer));
    const before = snapshot(folder);
    await expect(unlockSyncFolder(folder, PASSPHRASE)).resolves.toHaveProperty('key');
    expect(snapshot(folder)).toEqual(before);
    writeFileSync(file, JSON.stringify({ ...newer, kdf: { name: 'argon2id', salt: 'AAAA' } }));
    expect((await failure(() => unlockSyncFolder(folder, PASSPHRASE))).message).toContain(
      'set up by a newer Margin',
    );
  });

  it('refuses a damaged folder file, and one asking scrypt for gigabytes', async () => {
    mkdirSync(join(folder, 'margin'));
    const file = join(folder, 'margin', 'folder.json');
    writeFileSync(file, '{ "margin": "sync-fol');
    expect((await failure(() => unlockSyncFolder(folder, PASSPHRASE))).message).toContain(
      'damaged (not JSON)',
    );
    writeFileSync(
      file,
      JSON.stringify({
        margin: 'sync-folder',
        format: 1,
        kdf: { name: 'scrypt', salt: 'AAAA', N: 2 ** 30, r: 8, p: 1 },
        keyCheck: 'AAAA',
      }),
    );
    expect((await failure(() => unlockSyncFolder(folder, PASSPHRASE))).message).toContain('is damaged');
  });

  it('opens a sealed line only with the same key at the same place', async () => {
    const key = await createSyncFolder(folder, PASSPHRASE, QUICK);
    const sealed = sealText(key, 'device/1/1', 'A private note');
    expect(sealed).not.toContain('private');
    expect(openSealed(key, 'device/1/1', sealed)).toBe('A private note');
    expect(openSealed(key, 'device/1/2', sealed)).toBeNull();
    expect(openSealed({ key: Buffer.alloc(32) }, 'device/1/1', sealed)).toBeNull();
    expect(openSealed(key, 'device/1/1', sealed.slice(0, 20))).toBeNull();
    expect(sealText(key, 'device/1/1', 'A private note')).not.toBe(sealed); // a fresh IV each time
  });
});
