import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** What `npm run build` produced (npm test builds before it runs the tests). */
const DIST = path.resolve(__dirname, '../../../dist');
const read = (file: string): string => fs.readFileSync(path.join(DIST, file), 'utf8');
const requires = (code: string): string[] =>
  [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(path.join(DIST, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(DIST, path.join(entry.parentPath, entry.name)));
}

describe('the built bundles', () => {
  it('give the sandboxed preload nothing to require but electron', () => {
    const preload = read('main/preload.js');
    expect(requires(preload)).toEqual(['electron']);
    expect(preload).not.toMatch(/\bprocess\.|__dirname|import\(/);
    expect(preload).toMatch(/exposeInMainWorld\(\s*["']margin["']/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });

  it('keep the renderer free of Node and of remote code', () => {
    const renderer = read('renderer/main.js');
    expect(requires(renderer)).toEqual([]);
    expect(renderer).not.toMatch(/\bimport\s*\(\s*["'`]https?:/);
    expect(read('renderer/index.html')).not.toMatch(
      /<script(?![^>]*\bsrc=)[^>]*>|https?:\/\/(?!www\.w3\.org)/,
    );
  });

  it('load electron only in the main process bundle, never in the host or the search worker', () => {
    expect(requires(read('main/app.js'))).toContain('electron');
    expect(requires(read('host/serve.js'))).not.toContain('electron');
    expect(requires(read('main/search-worker.js'))).not.toContain('electron');
  });

  it('ship no source maps and no TypeScript sources', () => {
    const shipped = [...filesUnder('main'), ...filesUnder('host'), ...filesUnder('renderer')];
    expect(shipped.length).toBeGreaterThan(4);
    expect(shipped.filter((file) => /\.(map|ts|tsx)$/.test(file))).toEqual([]);
    for (const file of shipped.filter((name) => name.endsWith('.js'))) {
      expect(read(file), file).not.toMatch(/sourceMappingURL/);
    }
  });
});
