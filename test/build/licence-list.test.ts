import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledLibraries, licenceList } from '../../build/licence-list';

const ROOT = path.resolve(__dirname, '../..');

describe('licence-list', () => {
  it('lists every package esbuild bundles, transitive ones included, with its licence', async () => {
    // The citation module alone: it pulls in citation-js, which bundles citeproc-js.
    const result = await build({
      entryPoints: [path.join(ROOT, 'main/citations/cite.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      absWorkingDir: ROOT,
      logLevel: 'silent',
    });
    const libraries = bundledLibraries([result.metafile], ROOT);
    const byName = new Map(libraries.map((library) => [library.name, library]));
    expect(byName.get('@citation-js/core')?.licence).toBe('MIT');
    expect(byName.get('@citation-js/plugin-csl')?.licence).toBe('MIT');
    // citeproc-js comes in through plugin-csl and is dual-licensed: the list must say so.
    expect(byName.get('citeproc')?.licence).toBe('CPAL-1.0 OR AGPL-1.0');
    expect(byName.has('lit')).toBe(false);
    for (const library of libraries) expect(library.version, library.name).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('names each vendored style with its title, date and CC BY-SA 3.0 licence', () => {
    const { styles } = licenceList([], ROOT, path.join(ROOT, 'content/csl'));
    expect(styles).toContainEqual({
      file: 'apa.csl',
      title: 'American Psychological Association 7th edition',
      updated: '2022-01-31',
      licence: 'CC-BY-SA-3.0',
    });
    expect(styles.map((style) => style.file)).toContain('locales-en-US.xml');
    expect(styles.every((style) => style.licence === 'CC-BY-SA-3.0')).toBe(true);
  });
});
