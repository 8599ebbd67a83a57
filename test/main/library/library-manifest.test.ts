import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../main/api';
import { buildContent } from '../../../main/library/content-build';
import { loadLibrary } from '../../../main/library/library';

const ABOUT =
  'The Institute for Long Rivers is an independent body that studies water, borders and the treaties between them.';
const REVISED = 'The Institute for Long Rivers studies water and borders (revised for its tenth year).';
const ARTICLES = 40;

const dir = mkdtempSync(join(tmpdir(), 'margin-manifest-'));
const bundle = join(dir, 'bundle');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function article(n: number, about: string): string {
  return [
    '---',
    `title: 'River note ${n}'`,
    'authors: [Ana Pérez]',
    `date: 2024-01-${String((n % 28) + 1).padStart(2, '0')}`,
    'publisher:',
    '  name: Institute for Long Rivers',
    '  about:',
    `    - '${about}'`,
    '  contact:',
    "    - 'Web: rivers.example'",
    'tags: [water]',
    '---',
    '',
    `The river rose for the ${n}th time this season, and the towns downstream were ready.`,
    '',
  ].join('\n');
}

beforeAll(async () => {
  const inDir = join(dir, 'content');
  mkdirSync(inDir);
  for (let n = 1; n <= ARTICLES; n++) writeFileSync(join(inDir, `river-${n}.md`), article(n, ABOUT));
  writeFileSync(join(inDir, 'river-revised.md'), article(99, REVISED));
  writeFileSync(
    join(inDir, 'no-publisher.md'),
    '---\ntitle: Loose notes\n---\n\nA note with no publisher.\n',
  );
  await buildContent({ inDir, outDir: bundle });
});

const occurrences = (text: string, part: string): number => text.split(part).length - 1;

describe('library-manifest', () => {
  it('stores the about text of a publisher of many documents once, not once a document', () => {
    const manifest = readFileSync(join(bundle, 'library.json'), 'utf8');
    expect(occurrences(manifest, ABOUT)).toBe(1);
    expect(occurrences(manifest, REVISED)).toBe(1);
    const parsed = JSON.parse(manifest) as { publishers: { id: string }[]; documents: unknown[] };
    expect(parsed.publishers.map((p) => p.id)).toEqual([
      'institute-for-long-rivers',
      'institute-for-long-rivers-2',
    ]);
    expect(parsed.documents).toHaveLength(ARTICLES + 2);
  });

  it('gives every document back its whole publisher on load, and none to a document without one', async () => {
    const library = await loadLibrary(bundle);
    const byId = new Map(library.list().map((meta) => [meta.id, meta]));
    expect(byId.get('river-7')?.publisher).toEqual({
      name: 'Institute for Long Rivers',
      about: [ABOUT],
      contact: ['Web: rivers.example'],
    });
    expect(byId.get('river-revised')?.publisher?.about).toEqual([REVISED]);
    expect(byId.get('no-publisher')?.publisher).toBeNull();
    expect(byId.get('river-7')).not.toHaveProperty('publisherId');
    // The document file is the article as the API defines it, its publisher included.
    expect(library.get('river-7').publisher?.about).toEqual([ABOUT]);
  });

  it('still reads a bundle written before the publishers table (a list of documents)', async () => {
    const older = join(dir, 'older');
    await buildContent({ inDir: join(dir, 'content'), outDir: older });
    const current = await loadLibrary(older);
    const metas: DocumentMeta[] = current.list();
    writeFileSync(join(older, 'library.json'), JSON.stringify(metas));
    expect((await loadLibrary(older)).list()).toEqual(metas);
  });

  it('refuses a manifest whose document names a publisher it does not list, in one line', async () => {
    const damaged = join(dir, 'damaged');
    await buildContent({ inDir: join(dir, 'content'), outDir: damaged });
    const manifest = JSON.parse(readFileSync(join(damaged, 'library.json'), 'utf8')) as {
      publishers: unknown[];
    };
    manifest.publishers = [];
    writeFileSync(join(damaged, 'library.json'), JSON.stringify(manifest));
    const failure = (await loadLibrary(damaged).catch((error: unknown) => error)) as Error;
    expect(failure).toMatchObject({ code: 'unavailable' });
    expect(failure.message).toContain('names the publisher "institute-for-long-rivers"');
    expect(failure.message).not.toContain('\n');
  });
});
