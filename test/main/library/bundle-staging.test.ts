import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStaging, swapInWithDocuments } from '../../../main/library/bundle-staging';

const work = mkdtempSync(join(tmpdir(), 'margin-staging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

/** Every file under `dir` with its text, by path. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path.slice(dir.length + 1)] = readFileSync(path, 'utf8');
    }
  }
  return files;
}

/** A bundle of three documents, and a rebuild's staging folder holding a new `b` and a new index. */
async function bundleAndRebuild(name: string) {
  const outDir = join(work, name);
  for (const doc of ['a', 'b', 'c']) write(join(outDir, 'docs', `${doc}.json.zst`), `old ${doc}`);
  write(join(outDir, 'search', 'index.bin'), 'old index');
  const bundle = await startStaging(outDir);
  write(join(bundle.staging, 'docs', 'b.json.zst'), 'new b');
  write(join(bundle.staging, 'search', 'index.bin'), 'new index');
  return {
    outDir,
    bundle,
    before: snapshot(outDir),
    inode: statSync(join(outDir, 'docs', 'a.json.zst')).ino,
  };
}

describe('bundle staging', () => {
  it('swaps in a rebuild with the old documents moved over, the changed one replaced, nothing left beside', async () => {
    const { outDir, bundle, inode } = await bundleAndRebuild('swap');
    await swapInWithDocuments(bundle, 'docs', ['b.json.zst']);
    expect(snapshot(outDir)).toEqual({
      'docs/a.json.zst': 'old a',
      'docs/b.json.zst': 'new b',
      'docs/c.json.zst': 'old c',
      'search/index.bin': 'new index',
    });
    // Moved, not copied: the unchanged document is the very file it was.
    expect(statSync(join(outDir, 'docs', 'a.json.zst')).ino).toBe(inode);
    expect(readdirSync(work).filter((entry) => entry.startsWith('.swap'))).toEqual([]);
  });

  it('undoes every step when one fails, leaving the previous bundle and the staging folder as they were', async () => {
    const { outDir, bundle, before } = await bundleAndRebuild('undo');
    const staged = snapshot(bundle.staging);
    // The second changed document was never written: its rename fails after the first succeeded.
    const error = await swapInWithDocuments(bundle, 'docs', ['b.json.zst', 'missing.json.zst']).catch(
      (caught: unknown) => caught,
    );
    expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(snapshot(outDir)).toEqual(before);
    expect(snapshot(bundle.staging)).toEqual(staged);
    expect(readdirSync(work).filter((entry) => entry.startsWith('.undo') && entry.endsWith('.docs'))).toEqual(
      [],
    );
  });
});
