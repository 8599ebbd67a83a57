import { mkdtemp, readFile, readdir, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildContent } from '../../main/library/content-build';
import { createCorpusModel, generateArticle } from '../../bench/article-generator';
import { ensureCorpus, writeCorpus } from '../../bench/corpus';
import { blockText } from '../../main/library/canonical-text';
import { documentWithText, readBundledDocument } from '../../main/library/bundle-document-file';

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'margin-corpus-'));
  temps.push(dir);
  return dir;
}

async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(dir)).sort())
    files.set(name, await readFile(path.join(dir, name), 'utf8'));
  return files;
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('bench corpus generator', () => {
  it('writes the same files, byte for byte, for the same seed', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    await writeCorpus(a, 20, 'seed-one');
    await writeCorpus(b, 20, 'seed-one');
    const [first, second] = [await filesOf(a), await filesOf(b)];
    expect(first.size).toBe(20);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, text] of first) expect(second.get(name)).toBe(text);
  });

  it('writes different articles for a different seed', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    await writeCorpus(a, 5, 'seed-one');
    await writeCorpus(b, 5, 'seed-two');
    expect([...(await filesOf(a)).values()]).not.toEqual([...(await filesOf(b)).values()]);
  });

  it('makes the smaller corpus the first articles of the larger one', async () => {
    const [small, large] = [await tempDir(), await tempDir()];
    await writeCorpus(small, 4, 'seed-one');
    await writeCorpus(large, 9, 'seed-one');
    const [smallFiles, largeFiles] = [await filesOf(small), await filesOf(large)];
    expect(largeFiles.size).toBe(9);
    expect([...largeFiles.entries()].slice(0, 4)).toEqual([...smallFiles.entries()]);
  });

  it('produces RCAS exports that the real content build parses into whole articles', async () => {
    const source = await tempDir();
    const out = path.join(await tempDir(), 'bundle');
    const manifest = await writeCorpus(source, 20, 'seed-one');
    const model = createCorpusModel('seed-one');
    const built = await buildContent({ inDir: source, outDir: out });
    const documents = built.documents.map((meta) =>
      documentWithText(meta, readBundledDocument(out, meta.id)),
    );

    expect(documents).toHaveLength(20);
    expect(manifest.articleWords / 20).toBeGreaterThan(1_000);
    for (const doc of documents) {
      const article = generateArticle(model, Number(/^(\d+)-/.exec(doc.id)?.[1] ?? NaN) - 1);
      expect(doc.title).toBe(article.title);
      expect(doc.authors[0]?.name).toBe(article.author);
      expect(doc.published).toBe(article.published);
      expect(doc.source?.url).toBe(article.source.url);
      expect(doc.publisher?.about.length).toBeGreaterThan(0);
      expect(doc.sections.map((section) => section.heading)).toEqual([
        null,
        ...article.sections.map((section) => section.heading),
      ]);
      expect(doc.sections.flatMap((s) => s.blocks).filter((block) => block.type === 'figure')).toHaveLength(
        1,
      );
      // Page-broken sentences come back whole: no paragraph of the article ends mid-sentence.
      for (const block of doc.sections.flatMap((s) => s.blocks)) expect(blockText(block)).toMatch(/\.$/);
      expect(doc.authorBio.map(blockText).join(' ')).toContain(article.author);
    }
    const brokenParagraphs = documents.reduce((count, doc) => {
      const article = generateArticle(model, Number(doc.id.slice(0, 5)) - 1);
      const exported = article.sections.reduce((n, section) => n + section.paragraphs.length, 0);
      const parsed = doc.sections.slice(1).reduce((n, section) => n + section.blocks.length, 0);
      return count + exported - parsed;
    }, 0);
    expect(brokenParagraphs).toBeGreaterThan(0);
    expect((await readdir(path.join(out, 'search'))).length).toBeGreaterThan(0);
  });

  it('reuses a cached corpus and regenerates it when a file is missing', async () => {
    const root = await tempDir();
    const { sourceDir } = await ensureCorpus(6, 'seed-one', root);
    const names = (await readdir(sourceDir)).sort();
    const before = (await stat(path.join(sourceDir, names[0]!))).mtimeMs;
    await ensureCorpus(6, 'seed-one', root);
    expect((await stat(path.join(sourceDir, names[0]!))).mtimeMs).toBe(before);

    await unlink(path.join(sourceDir, names[3]!));
    await ensureCorpus(6, 'seed-one', root);
    expect((await readdir(sourceDir)).sort()).toEqual(names);
  });
});
