import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotationStore } from '../../../../main/annotations/store/annotation-store';
import { sampleRecord } from '../sample-records';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'margin-permissions-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** Every path under `dir` with its permission bits, as octal text. */
function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const name = `${prefix}${entry.name}`;
      found[name] = (lstatSync(join(folder, entry.name)).mode & 0o777).toString(8);
      if (entry.isDirectory()) walk(join(folder, entry.name), `${name}/`);
    }
  };
  walk(dir, '');
  return found;
}

describe('annotation store permissions', () => {
  // The default umask (022) of the test process is the case that matters: no entry point tightened it.
  it.skipIf(process.platform === 'win32')(
    'keeps the store, its WAL, lock, backups and log readable by their owner only, whatever the umask',
    () => {
      const dataDir = join(base, 'config', 'Margin');
      const first = openAnnotationStore({ dataDir });
      first.put(sampleRecord(1));
      first.close();
      const store = openAnnotationStore({ dataDir });
      try {
        store.put(sampleRecord(2));
        const found = modes(dataDir);
        expect(Object.keys(found)).toEqual(
          expect.arrayContaining([
            'annotations.sqlite',
            'annotations.sqlite-wal',
            'annotations.sqlite.lock',
            'backups',
          ]),
        );
        expect(Object.keys(found).some((name) => name.startsWith('backups/annotations-'))).toBe(true);
        const expected = Object.fromEntries(
          Object.keys(found).map((name) => [
            name,
            lstatSync(join(dataDir, name)).isDirectory() ? '700' : '600',
          ]),
        );
        expect(found).toEqual(expected);
        expect((lstatSync(dataDir).mode & 0o777).toString(8)).toBe('700');
      } finally {
        store.close();
      }
    },
  );
});
