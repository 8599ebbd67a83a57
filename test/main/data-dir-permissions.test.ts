import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secureDataDir } from '../../main/data-dir';
import { MarginError } from '../../main/errors';

/** Windows has no POSIX modes: there the folder is private through its ACL, and chmod only sets read-only. */
const posixOnly = it.skipIf(process.platform === 'win32');

let base: string;
beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'margin-data-dir-'));
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

function modeOf(file: string): string {
  return (fs.lstatSync(file).mode & 0o777).toString(8);
}

describe('secureDataDir', () => {
  posixOnly('creates a missing data folder that only its owner can open', () => {
    const dataDir = path.join(base, 'config', 'Margin');
    expect(secureDataDir(dataDir)).toEqual([]);
    expect(modeOf(dataDir)).toBe('700');
  });

  posixOnly("closes Chromium's own folders without walking their thousands of files at every start", () => {
    const dataDir = path.join(base, 'Margin');
    const cache = path.join(dataDir, 'Cache', 'Cache_Data');
    fs.mkdirSync(cache, { recursive: true, mode: 0o755 });
    fs.chmodSync(path.join(dataDir, 'Cache'), 0o755);
    fs.writeFileSync(path.join(cache, 'f_000001'), 'cached', { mode: 0o644 });
    fs.chmodSync(path.join(cache, 'f_000001'), 0o644);

    expect(secureDataDir(dataDir)).toEqual([]);

    // Closed at its top, so no other account reaches inside; what is inside is left as it is.
    expect(modeOf(path.join(dataDir, 'Cache'))).toBe('700');
    expect(modeOf(path.join(cache, 'f_000001'))).toBe('644');
  });

  posixOnly('takes group and other access away from an existing folder, its subfolders and files', () => {
    const dataDir = path.join(base, 'Margin');
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true, mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, 'backups'), 0o755);
    for (const file of ['annotations.sqlite', 'preferences.json', 'backups/annotations-1.sqlite']) {
      fs.writeFileSync(path.join(dataDir, file), 'private', { mode: 0o644 });
      fs.chmodSync(path.join(dataDir, file), 0o644);
    }

    expect(secureDataDir(dataDir)).toEqual([]);

    expect(modeOf(dataDir)).toBe('700');
    expect(modeOf(path.join(dataDir, 'backups'))).toBe('700');
    expect(modeOf(path.join(dataDir, 'annotations.sqlite'))).toBe('600');
    expect(modeOf(path.join(dataDir, 'preferences.json'))).toBe('600');
    expect(modeOf(path.join(dataDir, 'backups', 'annotations-1.sqlite'))).toBe('600');
    expect(fs.readFileSync(path.join(dataDir, 'annotations.sqlite'), 'utf8')).toBe('private');
  });

  posixOnly('leaves a file a symbolic link points to outside the folder as it was', () => {
    const dataDir = path.join(base, 'Margin');
    fs.mkdirSync(dataDir);
    const outside = path.join(base, 'shared.txt');
    fs.writeFileSync(outside, 'not ours');
    fs.chmodSync(outside, 0o644);
    fs.symlinkSync(outside, path.join(dataDir, 'link.txt'));

    expect(secureDataDir(dataDir)).toEqual([]);
    expect(modeOf(outside)).toBe('644');
  });

  it('creates the folder and answers that nothing failed on every platform', () => {
    const dataDir = path.join(base, 'Margin');
    expect(secureDataDir(dataDir)).toEqual([]);
    expect(fs.statSync(dataDir).isDirectory()).toBe(true);
  });

  it('says in one line which data folder it cannot create, and changes nothing', () => {
    const blocker = path.join(base, 'not-a-folder');
    fs.writeFileSync(blocker, 'a file where the folder should go');
    const dataDir = path.join(blocker, 'Margin');
    let thrown: unknown;
    try {
      secureDataDir(dataDir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MarginError);
    const { message } = thrown as MarginError;
    expect(message.startsWith(`Margin cannot create its data folder ${dataDir} (`)).toBe(true);
    expect(message).toMatch(/ \(E[A-Z]+\)\.$/);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('a file where the folder should go');
  });
});
