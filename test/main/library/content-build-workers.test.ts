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
import { basename, join } from 'node:path';
import { execFile } from 'node:child_process';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../../main/errors';
import { IMPORTING_READER } from '../../../main/import/read-document-file';
import { buildContent } from '../../../main/library/content-build';
import { parseDocumentFile } from '../../../main/library/load-document-file';
import { articleHtml } from '../import/article-html';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(__dirname, '../../fixtures/content');
const SAMPLES = [
  join(ROOT, 'content/security-concerns-impede-china-pakistan-relations.txt'),
  ...readdirSync(FIXTURES).map((name) => join(FIXTURES, name)),
];
const work = mkdtempSync(join(tmpdir(), 'margin-build-workers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;

/**
 * A folder of `copies` × the six sample articles, each copy under a name of its own (so an id of its
 * own): 42 files by default, more than two workers' first batches, so that every worker gets several.
 */
function manyArticles(copies = 7): string {
  const dir = join(work, `in-${++counter}`);
  mkdirSync(dir);
  for (let copy = 0; copy < copies; copy++)
    for (const file of SAMPLES)
      copyFileSync(file, join(dir, `${String(copy).padStart(2, '0')}-${basename(file)}`));
  return dir;
}

function out(name: string): string {
  return join(work, `${name}-${++counter}`);
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

function leftovers(): string[] {
  return readdirSync(work).filter((name) => name.includes('staging') || name.includes('.old-'));
}

describe('buildContent in worker threads', () => {
  it('writes the same bundle, byte for byte and in the same order, as reading on one thread', async () => {
    const input = manyArticles();
    const one = out('one-thread');
    const two = out('two-workers');
    const three = out('three-workers');
    const here = await buildContent({ inDir: input, outDir: one, workers: 0 });
    const inWorkers = await buildContent({ inDir: input, outDir: two, workers: 2 });
    await buildContent({ inDir: input, outDir: three, workers: 3 });
    expect(here.documents).toHaveLength(42);
    expect(inWorkers.documents).toEqual(here.documents);
    expect(readdirSync(join(two, 'docs'))).toHaveLength(42);
    expect(snapshot(two)).toEqual(snapshot(one));
    expect(snapshot(three)).toEqual(snapshot(one));
  });

  it('stops at the first bad file in sorted order, naming it and its line, and keeps the previous bundle', async () => {
    const input = manyArticles();
    const bundle = out('kept');
    await buildContent({ inDir: input, outDir: bundle, workers: 2 });
    const before = snapshot(bundle);

    // Two bad files in different batches: the later one may well fail first, in the other worker.
    const first = join(input, '03-zz-broken.md');
    writeFileSync(first, '---\ntitle: Broken\ndate: [2024\n---\nText.\n');
    writeFileSync(join(input, '06-zz-empty.txt'), '');
    const oneThread = await buildContent({ inDir: input, outDir: bundle, workers: 0 }).catch(
      (caught: unknown) => caught,
    );
    const inWorkers = await buildContent({ inDir: input, outDir: bundle, workers: 2 }).catch(
      (caught: unknown) => caught,
    );
    expect(inWorkers).toBeInstanceOf(ContentError);
    expect((inWorkers as ContentError).message).toMatch(
      new RegExp(`^${first.replace(/[.\\/]/g, '\\$&')}:\\d+: invalid front matter`),
    );
    expect((inWorkers as ContentError).message).toBe((oneThread as ContentError).message);
    expect((inWorkers as ContentError).line).toBe((oneThread as ContentError).line);
    expect(snapshot(bundle)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('writes nothing when the first build fails in a worker', async () => {
    const input = manyArticles();
    writeFileSync(join(input, '05-empty.txt'), '');
    const bundle = out('never');
    await expect(buildContent({ inDir: input, outDir: bundle, workers: 2 })).rejects.toThrow(
      /05-empty\.txt: the file is empty/,
    );
    expect(existsSync(bundle)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('refuses two files that would share a document id, naming both', async () => {
    const input = manyArticles();
    writeFileSync(
      join(input, '04-water-diplomacy-in-the-indus-basin.md'),
      '---\ntitle: Another\n---\nText.\n',
    );
    await expect(buildContent({ inDir: input, outDir: out('dupes'), workers: 2 })).rejects.toThrow(
      /04-water-diplomacy-in-the-indus-basin\.txt: its document id "04-water-diplomacy-in-the-indus-basin" is already taken by .*04-water-diplomacy-in-the-indus-basin\.md/,
    );
  });

  it("reads saved web pages with the importer's reader in the workers too", async () => {
    const input = manyArticles(3);
    const page = await parseDocumentFile(join(FIXTURES, 'bay-of-bengal-maritime-cooperation.txt'));
    writeFileSync(join(input, '01-saved-page.html'), articleHtml(page));
    const one = out('pages-one-thread');
    const two = out('pages-two-workers');
    const here = await buildContent({ inDir: input, outDir: one, reader: IMPORTING_READER, workers: 0 });
    const inWorkers = await buildContent({ inDir: input, outDir: two, reader: IMPORTING_READER, workers: 2 });
    expect(inWorkers.documents).toHaveLength(19);
    const saved = inWorkers.documents.find((doc) => doc.id === '01-saved-page');
    expect(saved?.title).toBe(page.title);
    expect(inWorkers.documents).toEqual(here.documents);
    expect(snapshot(two)).toEqual(snapshot(one));
  });

  it('finds its worker built beside the bundle that holds the build, and builds on one thread without it', async () => {
    const bin = join(work, 'bin');
    const entry = join(work, 'build-child.ts');
    // A bundled build, as the browser host and the bench run it: says which worker it found, then builds.
    writeFileSync(
      entry,
      [
        `import { buildContent } from ${JSON.stringify(join(ROOT, 'main/library/content-build'))};`,
        `import { contentWorkerScript } from ${JSON.stringify(join(ROOT, 'main/library/content-build-workers'))};`,
        'const [inDir, outDir] = process.argv.slice(2);',
        'console.log(JSON.stringify(contentWorkerScript()));',
        'void buildContent({ inDir, outDir, workers: 2 });',
      ].join('\n'),
    );
    const bundle = (entryPoint: string, outfile: string) =>
      build({
        entryPoints: [entryPoint],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        logLevel: 'error',
      });
    await bundle(entry, join(bin, 'build-child.js'));
    const input = manyArticles();
    const run = (outDir: string) =>
      new Promise<string>((resolve, reject) =>
        execFile(process.execPath, [join(bin, 'build-child.js'), input, outDir], (error, stdout) =>
          error ? reject(error) : resolve(stdout.trim()),
        ),
      );
    const one = out('bundled-reference');
    await buildContent({ inDir: input, outDir: one, workers: 0 });

    const alone = out('bundled-without-worker');
    expect(await run(alone)).toBe('null');
    expect(snapshot(alone)).toEqual(snapshot(one));

    await bundle(join(ROOT, 'main/library/content-build-worker.ts'), join(bin, 'content-build-worker.js'));
    const withWorker = out('bundled-with-worker');
    expect(JSON.parse(await run(withWorker))).toEqual({ file: join(bin, 'content-build-worker.js') });
    expect(snapshot(withWorker)).toEqual(snapshot(one));
  });
});
