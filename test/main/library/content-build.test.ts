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
import { zstdDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContent } from '../../../main/library/content-build';
import type { LibraryManifest } from '../../../main/library/library-manifest';
import { ContentError } from '../../../main/errors';
import { canonicalText } from '../../../main/library/canonical-text';
import { loadLibrary } from '../../../main/library/library';
import { readBundledDocument } from '../../../main/library/bundle-document-file';
import { documentMeta } from '../../../main/library/assemble-document';
import { parseDocumentFile } from '../../../main/library/load-document-file';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(__dirname, '../../fixtures/content');
const BUNDLED = join(ROOT, 'content/security-concerns-impede-china-pakistan-relations.txt');
const work = mkdtempSync(join(tmpdir(), 'margin-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
function freshDir(...files: string[]): string {
  const dir = join(work, `in-${++counter}`);
  mkdirSync(dir);
  for (const file of files) copyFileSync(file, join(dir, file.split(/[\\/]/).pop() as string));
  return dir;
}

/** Every file of a folder with its bytes, to compare bundles byte for byte. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else files.set(rel, readFileSync(join(dir, rel)).toString('base64'));
    }
  };
  walk('');
  return files;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

describe('buildContent', () => {
  it('writes the manifest, one compressed file per document and the search index', async () => {
    const out = join(work, 'bundle-a');
    const { documents } = await buildContent({
      inDir: freshDir(BUNDLED, ...readdirSync(FIXTURES).map((f) => join(FIXTURES, f))),
      outDir: out,
    });
    expect(documents).toHaveLength(6);
    const manifest = readJson<LibraryManifest>(join(out, 'library.json')).documents;
    expect(manifest.map((meta) => meta.id)).toEqual(documents.map((doc) => doc.id));
    expect(manifest.map((meta) => meta.id)).toContain('security-concerns-impede-china-pakistan-relations');
    expect(manifest[0]).not.toHaveProperty('sections');
    const library = await loadLibrary(out);
    const sources = [BUNDLED, ...readdirSync(FIXTURES).map((f) => join(FIXTURES, f))];
    const parsed = new Map((await Promise.all(sources.map(parseDocumentFile))).map((doc) => [doc.id, doc]));
    for (const doc of documents) {
      const stored = library.get(doc.id);
      // The build returns each document's manifest row; the library gives back the whole document.
      expect(documentMeta(stored)).toEqual(doc);
      expect(stored).toEqual(parsed.get(doc.id));
      // The file holds the text, zstd-compressed; the title, authors and publisher are in library.json.
      const file = readFileSync(join(out, 'docs', `${doc.id}.json.zst`));
      const text = JSON.parse(zstdDecompressSync(file).toString('utf8')) as object;
      expect(Object.keys(text)).toEqual(['id', 'sections', 'authorBio']);
      expect(file.length).toBeLessThan(JSON.stringify(text).length);
      expect(stored.textHash).toHaveLength(64);
      expect(canonicalText(stored).length).toBeGreaterThan(0);
    }
    expect(readdirSync(join(out, 'search')).length).toBeGreaterThan(0);
    expect(readdirSync(work).filter((name) => name.includes('staging') || name.includes('.old-'))).toEqual(
      [],
    );
  });

  it('produces the same bundle byte for byte, and the same block ids, when run twice', async () => {
    const input = freshDir(
      BUNDLED,
      join(FIXTURES, 'bay-of-bengal-maritime-cooperation.txt'),
      join(FIXTURES, 'mekong-dams-and-downstream-states.md'),
    );
    const first = join(work, 'twice-1');
    const second = join(work, 'twice-2');
    await buildContent({ inDir: input, outDir: first });
    await buildContent({ inDir: input, outDir: second });
    expect(snapshot(second)).toEqual(snapshot(first));
    const ids = (dir: string) =>
      readBundledDocument(dir, 'security-concerns-impede-china-pakistan-relations').sections.flatMap((s) =>
        s.blocks.map((b) => b.id),
      );
    expect(ids(second)).toEqual(ids(first));
  });

  it('replaces a previous bundle completely, dropping documents whose files are gone', async () => {
    const out = join(work, 'replace');
    await buildContent({
      inDir: freshDir(BUNDLED, join(FIXTURES, 'myanmar-border-trade-after-the-coup.txt')),
      outDir: out,
    });
    await buildContent({ inDir: freshDir(BUNDLED), outDir: out });
    expect(readdirSync(join(out, 'docs'))).toEqual([
      'security-concerns-impede-china-pakistan-relations.json.zst',
    ]);
  });

  it('fails on a bad file with its name and line, and leaves the previous bundle untouched', async () => {
    const out = join(work, 'keep-old');
    const input = freshDir(BUNDLED, join(FIXTURES, 'water-diplomacy-in-the-indus-basin.txt'));
    await buildContent({ inDir: input, outDir: out });
    const before = snapshot(out);

    writeFileSync(join(input, 'zz-broken.md'), '---\ntitle: Broken\ndate: [2024\n---\nText.\n');
    copyFileSync(join(FIXTURES, 'bay-of-bengal-maritime-cooperation.txt'), join(input, 'aa-new.txt'));
    const error = await buildContent({ inDir: input, outDir: out }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toMatch(
      new RegExp(`^${join(input, 'zz-broken.md').replace(/[.\\/]/g, '\\$&')}:\\d+: invalid front matter`),
    );
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work).filter((name) => name.includes('staging') || name.includes('.old-'))).toEqual(
      [],
    );
  });

  it('writes nothing at all when the first build fails', async () => {
    const out = join(work, 'never');
    const input = freshDir(BUNDLED);
    writeFileSync(join(input, 'empty.txt'), '');
    await expect(buildContent({ inDir: input, outDir: out })).rejects.toThrow(
      /empty\.txt: the file is empty/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses two files that would share a document id, naming both', async () => {
    const input = freshDir(BUNDLED);
    writeFileSync(
      join(input, 'security-concerns-impede-china-pakistan-relations.md'),
      '---\ntitle: Another\n---\nText.\n',
    );
    await expect(buildContent({ inDir: input, outDir: join(work, 'dupes') })).rejects.toThrow(
      /relations\.txt: its document id "security-concerns-impede-china-pakistan-relations" is already taken by .*relations\.md/,
    );
  });

  it('ignores other files and folders, and refuses a folder with nothing to build', async () => {
    const input = freshDir(BUNDLED);
    writeFileSync(join(input, 'notes.docx'), 'x');
    writeFileSync(join(input, '.hidden.md'), '');
    mkdirSync(join(input, 'drafts'));
    writeFileSync(join(input, 'drafts', 'draft.md'), '');
    const { documents } = await buildContent({ inDir: input, outDir: join(work, 'ignores') });
    expect(documents.map((doc) => doc.id)).toEqual(['security-concerns-impede-china-pakistan-relations']);

    await expect(buildContent({ inDir: freshDir(), outDir: join(work, 'nothing') })).rejects.toThrow(
      /no \.txt or \.md files to build/,
    );
    await expect(
      buildContent({ inDir: join(work, 'absent'), outDir: join(work, 'nothing') }),
    ).rejects.toThrow(/the content folder does not exist/);
  });
});
