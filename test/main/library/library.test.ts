import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../../../main/library/content-build';
import { MarginError } from '../../../main/errors';
import { loadLibrary } from '../../../main/library/library';

const FIXTURES = join(__dirname, '../../fixtures/content');
const dir = mkdtempSync(join(tmpdir(), 'margin-library-'));
const bundle = join(dir, 'bundle');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  await buildContent({ inDir: FIXTURES, outDir: bundle });
});

function codeOf(run: () => unknown): string | null {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MarginError);
    return (error as MarginError).code;
  }
  return null;
}

describe('loadLibrary', () => {
  it('lists every document of the bundle with its metadata and no text', async () => {
    const library = await loadLibrary(bundle);
    const list = library.list();
    expect(list.map((meta) => meta.id)).toEqual([
      'bay-of-bengal-maritime-cooperation',
      'mekong-dams-and-downstream-states',
      'myanmar-border-trade-after-the-coup',
      'reading-notes-without-front-matter',
      'water-diplomacy-in-the-indus-basin',
    ]);
    expect(list[0]).toMatchObject({
      title: 'Maritime Cooperation in the Bay of Bengal',
      published: '2023-03-15',
    });
    expect(list[0]).not.toHaveProperty('sections');
  });

  it('gets a whole document by id, the same on every call', async () => {
    const library = await loadLibrary(bundle);
    const doc = library.get('water-diplomacy-in-the-indus-basin');
    expect(doc.title).toBe('Water Diplomacy in the Indus Basin');
    expect(doc.sections.map((section) => section.heading)).toEqual([
      null,
      'WHAT HAPPENED',
      'ANALYSIS',
      'OUTLOOK',
    ]);
    expect(library.get('water-diplomacy-in-the-indus-basin')).toEqual(doc);
    expect(library.has('water-diplomacy-in-the-indus-basin')).toBe(true);
  });

  it('says not-found for an id that is not in the library', async () => {
    const library = await loadLibrary(bundle);
    expect(library.has('no-such-document')).toBe(false);
    expect(codeOf(() => library.get('no-such-document'))).toBe('not-found');
  });

  it('refuses ids that are not lower-case letters, digits and hyphens, even when a file would match', async () => {
    const library = await loadLibrary(bundle);
    for (const id of [
      '../library',
      'Water-Diplomacy-In-The-Indus-Basin',
      '',
      'a/b',
      'x.json',
      '-x',
      'a--b',
    ]) {
      expect(library.has(id)).toBe(false);
      expect(codeOf(() => library.get(id))).toBe('invalid-argument');
    }
  });

  it('says the bundle is missing or damaged instead of starting with a broken library', async () => {
    const missing = await loadLibrary(join(dir, 'nowhere')).catch((error: unknown) => error);
    expect(missing).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('No content bundle'),
    });

    const damaged = join(dir, 'damaged');
    await buildContent({ inDir: FIXTURES, outDir: damaged });
    // Cut short, as a disk full or an interrupted copy would leave it.
    const file = join(damaged, 'docs', 'mekong-dams-and-downstream-states.json.zst');
    writeFileSync(file, readFileSync(file).subarray(0, 200));
    const library = await loadLibrary(damaged);
    expect(codeOf(() => library.get('mekong-dams-and-downstream-states'))).toBe('unavailable');
    expect(() => library.get('mekong-dams-and-downstream-states')).toThrow(
      'The content bundle is damaged: docs/mekong-dams-and-downstream-states.json.zst cannot be decompressed.',
    );
    // Still listed, by its title, from library.json.
    expect(library.list().find((meta) => meta.id === 'mekong-dams-and-downstream-states')?.title).toBe(
      'Mekong Dams and the Downstream States',
    );
    expect(library.get('water-diplomacy-in-the-indus-basin').title).toBe(
      'Water Diplomacy in the Indus Basin',
    );

    writeFileSync(join(damaged, 'library.json'), '[{"id": "../../etc"}]');
    await expect(loadLibrary(damaged)).rejects.toMatchObject({ code: 'unavailable' });
  });
});
