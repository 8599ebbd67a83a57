import {
  appendFileSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../main/api';
import { ContentError } from '../../../main/errors';
import { BUILD_STATE_FILE } from '../../../main/library/build-state';
import { buildContent, type ContentReader } from '../../../main/library/content-build';
import { isContentFileName, parseDocumentFile } from '../../../main/library/load-document-file';
import { runSearchOver } from '../../../main/search/service/search-engine';
import { loadSearchStages } from '../../../main/search/service/search-loading';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(__dirname, '../../fixtures/content');
const BUNDLED = join(ROOT, 'content/security-concerns-impede-china-pakistan-relations.txt');
/** Six articles in shards of two: bay, mekong | myanmar, reading-notes | security, water. */
const SEARCH = { shardDocuments: 2 };
const work = mkdtempSync(join(tmpdir(), 'margin-rebuild-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const WATER = 'water-diplomacy-in-the-indus-basin.txt';
const BAY = 'bay-of-bengal-maritime-cooperation.txt';
const MEKONG = 'mekong-dams-and-downstream-states.md';

let counter = 0;
/** A content folder of the six articles, one paragraph of each with a word of its own to search. */
function contentFolder(): string {
  const dir = join(work, `in-${++counter}`);
  mkdirSync(dir);
  for (const name of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, name), join(dir, name));
  copyFileSync(BUNDLED, join(dir, 'security-concerns-impede-china-pakistan-relations.txt'));
  appendFileSync(join(dir, WATER), '\n\nThe glimmerwort accord was signed by both riparian states.\n');
  appendFileSync(join(dir, BAY), '\n\nThe sandpiperine patrols were agreed by every littoral state.\n');
  return dir;
}

/** Replaces one word of the file's added paragraph, as a publisher's correction would. */
function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

/** Every file of a bundle with its bytes, by path. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = join(sub, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(join(dir, path)).toString('base64'));
    }
  };
  walk('');
  return files;
}

function found(bundleDir: string, query: string): string[] {
  const stages = loadSearchStages(bundleDir, 'body');
  try {
    const results: SearchResults = runSearchOver(stages, query);
    return results.status === 'ok' ? results.groups.map((group) => group.docId) : [];
  } finally {
    stages[0]?.passages.close();
  }
}

async function builtBundle(input: string, name: string): Promise<string> {
  const out = join(work, name);
  const { outcome } = await buildContent({ inDir: input, outDir: out, search: SEARCH });
  expect(outcome).toEqual({ kind: 'full', reason: 'no previous bundle' });
  return out;
}

describe('content rebuild', () => {
  it('rebuilds one changed article into the bundle a full build of the changed folder writes, byte for byte', async () => {
    const input = contentFolder();
    const out = await builtBundle(input, 'one-changed');
    expect(found(out, 'glimmerwort')).toEqual(['water-diplomacy-in-the-indus-basin']);

    edit(join(input, WATER), 'glimmerwort', 'thundermoss');
    const { outcome, documents } = await buildContent({ inDir: input, outDir: out, search: SEARCH });
    expect(outcome).toEqual({ kind: 'rebuilt', changed: 1 });
    expect(documents).toHaveLength(6);

    const full = join(work, 'one-changed-full');
    await buildContent({ inDir: input, outDir: full, search: SEARCH });
    expect(snapshot(out)).toEqual(snapshot(full));
    expect(found(out, 'thundermoss')).toEqual(['water-diplomacy-in-the-indus-basin']);
    expect(found(out, 'glimmerwort')).toEqual([]);
  });

  it('rebuilds two changed articles in different shards, byte for byte as a full build', async () => {
    const input = contentFolder();
    const out = await builtBundle(input, 'two-changed');
    edit(join(input, WATER), 'glimmerwort', 'thundermoss');
    edit(join(input, BAY), 'sandpiperine', 'cormorantic');
    const { outcome } = await buildContent({ inDir: input, outDir: out, search: SEARCH });
    expect(outcome).toEqual({ kind: 'rebuilt', changed: 2 });

    const full = join(work, 'two-changed-full');
    await buildContent({ inDir: input, outDir: full, search: SEARCH });
    expect(snapshot(out)).toEqual(snapshot(full));
    expect(found(out, 'cormorantic')).toEqual(['bay-of-bengal-maritime-cooperation']);
    expect(found(out, 'sandpiperine')).toEqual([]);
    expect(found(out, 'thundermoss')).toEqual(['water-diplomacy-in-the-indus-basin']);
  });

  it('never writes through a hard link into the previous bundle, and keeps the very files that did not change', async () => {
    const input = contentFolder();
    const out = await builtBundle(input, 'links');
    // A second name for every file of the old bundle: what a write into a shared file would change.
    const witness = join(work, 'links-witness');
    const before = snapshot(out);
    for (const path of before.keys()) {
      mkdirSync(join(witness, path, '..'), { recursive: true });
      linkSync(join(out, path), join(witness, path));
    }
    edit(join(input, WATER), 'glimmerwort', 'thundermoss');
    await buildContent({ inDir: input, outDir: out, search: SEARCH });
    expect(snapshot(witness)).toEqual(before);
    const unchanged = `docs/${MEKONG.replace('.md', '.json.zst')}`;
    expect(statSync(join(out, unchanged)).ino).toBe(statSync(join(witness, unchanged)).ino);
    const changed = 'docs/water-diplomacy-in-the-indus-basin.json.zst';
    expect(statSync(join(out, changed)).ino).not.toBe(statSync(join(witness, changed)).ino);
  });

  it('says "up to date" and writes nothing when no file changed, even when one was touched', async () => {
    const input = contentFolder();
    const out = await builtBundle(input, 'same');
    const before = snapshot(out);
    const stateWritten = statSync(join(out, BUILD_STATE_FILE)).mtimeMs;
    expect((await buildContent({ inDir: input, outDir: out, search: SEARCH })).outcome).toEqual({
      kind: 'up-to-date',
      touched: 0,
    });
    expect(snapshot(out)).toEqual(before);
    expect(statSync(join(out, BUILD_STATE_FILE)).mtimeMs).toBe(stateWritten);

    // Touched, same bytes: hashed, found unchanged; only the state learns the new time.
    utimesSync(join(input, WATER), new Date(), new Date(Date.now() + 5000));
    expect((await buildContent({ inDir: input, outDir: out, search: SEARCH })).outcome).toEqual({
      kind: 'up-to-date',
      touched: 1,
    });
    const after = snapshot(out);
    after.delete(BUILD_STATE_FILE);
    before.delete(BUILD_STATE_FILE);
    expect(after).toEqual(before);
  });

  it('fails on a changed file that no longer reads, naming file and line, and leaves the bundle as it was', async () => {
    const input = contentFolder();
    const out = await builtBundle(input, 'broken');
    const before = snapshot(out);
    writeFileSync(join(input, MEKONG), '---\ntitle: Broken\ndate: [2024\n---\nText.\n');
    const error = await buildContent({ inDir: input, outDir: out, search: SEARCH }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(
      /mekong-dams-and-downstream-states\.md:\d+: invalid front matter/,
    );
    expect((error as Error).message).not.toContain('\n');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work).filter((name) => name.includes('staging') || name.includes('.old-'))).toEqual(
      [],
    );
  });

  it('builds everything, saying why, when files were added or removed, the settings differ or an id changed', async () => {
    const input = contentFolder();
    const out = await builtBundle(input, 'why-full');
    const build = (extra: object = {}) =>
      buildContent({ inDir: input, outDir: out, search: SEARCH, ...extra }).then((result) => result.outcome);

    copyFileSync(BUNDLED, join(input, 'zz-another-copy.txt'));
    expect(await build()).toEqual({
      kind: 'full',
      reason: 'files were added or removed since the last build (1 added, 0 removed)',
    });
    rmSync(join(input, 'zz-another-copy.txt'));
    expect((await build()).kind).toBe('full');
    expect(await build({ search: { shardDocuments: 3 } })).toEqual({
      kind: 'full',
      reason: 'the search index is sharded otherwise than last time',
    });
    expect(await build({ full: true })).toEqual({ kind: 'full', reason: 'asked for (--full)' });

    // A bundle an older Margin built: its parsers may have read the files otherwise.
    const stateFile = join(out, BUILD_STATE_FILE);
    writeFileSync(stateFile, readFileSync(stateFile, 'utf8').replace(/"margin":"[^"]*"/, '"margin":"0.0.1"'));
    expect(await build()).toEqual({ kind: 'full', reason: 'the previous bundle was built by Margin 0.0.1' });

    // A bundle changed by hand since its build is not trusted.
    writeFileSync(join(out, 'library.json'), '{ not json');
    expect(await build()).toEqual({ kind: 'full', reason: "the bundle's library.json cannot be read" });
    rmSync(join(out, 'docs', 'mekong-dams-and-downstream-states.json.zst'));
    expect(await build()).toEqual({
      kind: 'full',
      reason: "the bundle's docs/ folder does not hold the documents its build-state.json lists",
    });
    expect(await build()).toEqual({ kind: 'up-to-date', touched: 0 });

    // A reader that names one document otherwise now: the ids of the bundle change, so all is rebuilt.
    const renaming: ContentReader = {
      isContentFileName,
      kinds: '.txt or .md',
      workerName: 'text',
      read: async (file) => {
        const doc = await parseDocumentFile(file);
        return file.endsWith(WATER) ? { ...doc, id: 'water-renamed' } : doc;
      },
    };
    edit(join(input, WATER), 'glimmerwort', 'thundermoss');
    expect(await build({ reader: renaming, workers: 0 })).toEqual({
      kind: 'full',
      reason: `${WATER} now gives the document id "water-renamed" (it gave "water-diplomacy-in-the-indus-basin")`,
    });
    expect(found(out, 'thundermoss')).toEqual(['water-renamed']);
  });

  it('rebuilds a changed article in a worker thread when asked for workers', async () => {
    const input = contentFolder();
    const out = await builtBundle(input, 'in-workers');
    edit(join(input, WATER), 'glimmerwort', 'thundermoss');
    const { outcome } = await buildContent({ inDir: input, outDir: out, search: SEARCH, workers: 1 });
    expect(outcome).toEqual({ kind: 'rebuilt', changed: 1 });
    const full = join(work, 'in-workers-full');
    await buildContent({ inDir: input, outDir: full, search: SEARCH, workers: 0 });
    expect(snapshot(out)).toEqual(snapshot(full));
  }, 30_000);
});
