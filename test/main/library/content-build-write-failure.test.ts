import {
  copyFileSync,
  existsSync,
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
import { SearchIndexWriter } from '../../../main/search/index/index-build';

// The real index writer, except that it fails (like a full disk would) once it has a document titled
// "Disk full" and writes its last files.
const full = new WeakSet<SearchIndexWriter>();
const { add, finish } = SearchIndexWriter.prototype;
vi.spyOn(SearchIndexWriter.prototype, 'add').mockImplementation(async function (
  this: SearchIndexWriter,
  doc,
) {
  if (doc.record.title === 'Disk full') full.add(this);
  return add.call(this, doc);
});
vi.spyOn(SearchIndexWriter.prototype, 'finish').mockImplementation(async function (this: SearchIndexWriter) {
  await finish.call(this);
  if (full.has(this)) throw new Error('ENOSPC: no space left on device');
});

const BUNDLED = join(__dirname, '../../../content/security-concerns-impede-china-pakistan-relations.txt');
const work = mkdtempSync(join(tmpdir(), 'margin-build-fail-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('buildContent when writing the bundle fails', () => {
  it('keeps the previous bundle as it was and leaves no staging folder behind', async () => {
    const input = join(work, 'content');
    const out = join(work, 'bundle');
    mkdirSync(input);
    copyFileSync(BUNDLED, join(input, 'a.txt'));
    await buildContent({ inDir: input, outDir: out });
    const manifest = readFileSync(join(out, 'library.json'), 'utf8');

    writeFileSync(join(input, 'b.md'), '---\ntitle: Disk full\n---\nText.\n');
    await expect(buildContent({ inDir: input, outDir: out })).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(join(out, 'library.json'), 'utf8')).toBe(manifest);
    expect(readdirSync(join(out, 'docs'))).toEqual(['a.json.zst']);
    expect(readdirSync(work).sort()).toEqual(['bundle', 'content']);
    expect(existsSync(join(out, 'docs', 'b.json.zst'))).toBe(false);
  });
});
