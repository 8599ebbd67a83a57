import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildContent } from '../../../main/library/content-build';

// The real index update, which then fails (like a full disk would) when a changed document is titled
// "Disk full": whatever it wrote by then is in the staging bundle, never in the bundle being replaced.
vi.mock('../../../main/search/index/index-update', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../main/search/index/index-update')>();
  return {
    updateSearchIndex: async (...args: Parameters<typeof real.updateSearchIndex>) => {
      await real.updateSearchIndex(...args);
      if ([...args[1].values()].some((doc) => doc.record.title === 'Disk full'))
        throw new Error('ENOSPC: no space left on device');
    },
  };
});

const BUNDLED = join(__dirname, '../../../content/security-concerns-impede-china-pakistan-relations.txt');
const work = mkdtempSync(join(tmpdir(), 'margin-rebuild-fail-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file of a bundle with its bytes. */
function bundleBytes(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const file = join(entry.parentPath, entry.name);
      files[file] = readFileSync(file).toString('base64');
    }
  return files;
}

describe('content rebuild when updating the search index fails', () => {
  it('keeps the previous bundle byte for byte and leaves no staging folder behind', async () => {
    const input = join(work, 'content');
    const out = join(work, 'bundle');
    mkdirSync(input);
    copyFileSync(BUNDLED, join(input, 'a.txt'));
    writeFileSync(join(input, 'b.md'), '---\ntitle: Disk space\n---\nText.\n');
    await buildContent({ inDir: input, outDir: out });
    const before = bundleBytes(out);

    writeFileSync(join(input, 'b.md'), '---\ntitle: Disk full\n---\nText, revised.\n');
    await expect(buildContent({ inDir: input, outDir: out })).rejects.toThrow(/ENOSPC/);
    expect(bundleBytes(out)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['bundle', 'content']);
    // Once the disk has room again, the same change is rebuilt.
    writeFileSync(join(input, 'b.md'), '---\ntitle: Disk space again\n---\nText, revised.\n');
    expect((await buildContent({ inDir: input, outDir: out })).outcome).toEqual({
      kind: 'rebuilt',
      changed: 1,
    });
  });
});
