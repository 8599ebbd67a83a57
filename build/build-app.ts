/**
 * `npm run build`: bundles the app into `dist/` with esbuild, then builds the content bundle.
 *   dist/main/app.js, preload.js, search-worker.js   (Electron main, sandboxed preload, search worker)
 *   dist/main/import-worker.js                       (the importer's worker thread: PDFs, web pages, text)
 *   dist/main/pdfjs-cmaps/                           (pdf.js's character maps, which the importer reads)
 *   dist/host/serve.js, content-build-worker.js      (the browser host; the worker of its content build)
 *   dist/renderer/                                   (index.html, main.js, css and assets)
 *   dist/content/                                    (library.json, docs/, search/)
 * No source maps: nothing in dist/ should point back at the sources of a shipped app.
 */
import { build, type BuildOptions } from 'esbuild';
import fs from 'node:fs/promises';
import path from 'node:path';
import { IMPORTING_READER } from '../main/import/read-document-file';
import { buildContent } from '../main/library/content-build';
import { CITATION_STYLES_FOLDER, LICENCES_FILE } from '../main/shared/citation-styles';
import { licenceList } from './licence-list';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const CITATION_STYLES_SOURCE = path.join(ROOT, 'content', 'csl');
/** Electron 45 embeds Node 22; the host and tests run on Node 24. */
const NODE_TARGET = 'node22';
/** The Chromium of Electron 45 and Debian's, both far past ES2022. */
const BROWSER_TARGET = 'chrome120';

const shared: BuildOptions = {
  bundle: true,
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
  absWorkingDir: ROOT,
};

const nodeBundle = (entry: string, outfile: string): BuildOptions => ({
  ...shared,
  entryPoints: [entry],
  outfile,
  platform: 'node',
  format: 'cjs',
  target: NODE_TARGET,
  external: ['electron'],
  // citation-js's HTTP clients are never used (see build/no-network/); they stay out of the app.
  alias: {
    'sync-fetch': './build/no-network/sync-fetch.ts',
    'fetch-ponyfill': './build/no-network/fetch-ponyfill.ts',
  },
});

/** Output paths are relative to the staging folder, e.g. `main/app.js`. */
const bundles: BuildOptions[] = [
  nodeBundle('main/app.ts', 'main/app.js'),
  nodeBundle('main/search/service/search-worker.ts', 'main/search-worker.js'),
  {
    // pdf.js is written with private class members (`#x`), which the Electronegativity gate cannot parse
    // ("Unknown node type PrivateName"), and a file it cannot read is a file it did not check: esbuild
    // lowers them to ES2021 here, so the worker ships in a form the gate reads.
    ...nodeBundle('main/import/import-worker.ts', 'main/import-worker.js'),
    target: 'es2021',
  },
  nodeBundle('main/host/serve.ts', 'host/serve.js'),
  // Beside serve.js, which builds a bundle from `--content DIR` with it (content-build-workers.ts).
  nodeBundle('main/library/content-build-worker.ts', 'host/content-build-worker.js'),
  {
    // A sandboxed preload can require only `electron`: the browser platform makes esbuild refuse any
    // Node built-in, so nothing else can sneak in.
    ...shared,
    entryPoints: ['main/preload.ts'],
    outfile: 'main/preload.js',
    platform: 'browser',
    format: 'cjs',
    target: BROWSER_TARGET,
    external: ['electron'],
  },
  {
    ...shared,
    entryPoints: ['renderer/main.ts'],
    outfile: 'renderer/main.js',
    platform: 'browser',
    format: 'esm',
    target: BROWSER_TARGET,
    minify: true,
    tsconfig: 'renderer/tsconfig.json',
  },
];

/** Files of `renderer/` copied as they are: the page, style sheets and anything under assets/. */
async function copyRendererStatics(staging: string): Promise<void> {
  const from = path.join(ROOT, 'renderer');
  const to = path.join(staging, 'renderer');
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    if (entry.isFile() && /\.(html|css)$/.test(entry.name)) {
      await fs.copyFile(path.join(from, entry.name), path.join(to, entry.name));
    }
  }
  const assets = path.join(from, 'assets');
  if (await exists(assets)) await fs.cp(assets, path.join(to, 'assets'), { recursive: true });
}

/** The vendored CSL styles and locale, read by main at run time (they ship in app.asar). */
async function copyCitationStyles(staging: string): Promise<void> {
  const to = path.join(staging, 'main', CITATION_STYLES_FOLDER);
  await fs.mkdir(to, { recursive: true });
  for (const name of await fs.readdir(CITATION_STYLES_SOURCE)) {
    if (/\.(csl|xml)$/.test(name))
      await fs.copyFile(path.join(CITATION_STYLES_SOURCE, name), path.join(to, name));
  }
}

/**
 * pdf.js's character maps, beside the import worker (main/import/pdf-text-layer.ts looks there): CID
 * fonts (CJK, many OpenOffice exports) need them for their text, and an app ships no node_modules.
 */
async function copyPdfCharacterMaps(staging: string): Promise<void> {
  const from = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps');
  await fs.cp(from, path.join(staging, 'main', 'pdfjs-cmaps'), { recursive: true });
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Everything is built into a staging folder and then swapped in folder by folder, so that a host or
 * test running from dist/ (other builds run alongside) never sees a half-written bundle.
 */
async function main(): Promise<void> {
  const started = Date.now();
  await fs.mkdir(DIST, { recursive: true });
  const staging = await fs.mkdtemp(path.join(DIST, '.staging-'));
  try {
    const results = await Promise.all(
      bundles.map((options) =>
        build({ ...options, metafile: true, outfile: path.join(staging, options.outfile as string) }),
      ),
    );
    await copyRendererStatics(staging);
    await copyCitationStyles(staging);
    await copyPdfCharacterMaps(staging);
    // What ships (main, preload, worker, renderer; not the browser host) and under which licences.
    const shipped = results.filter((_, index) => !String(bundles[index].outfile).startsWith('host/'));
    const licences = licenceList(
      shipped.map((result) => result.metafile),
      ROOT,
      CITATION_STYLES_SOURCE,
    );
    await fs.writeFile(path.join(staging, 'main', LICENCES_FILE), `${JSON.stringify(licences, null, 2)}\n`);
    for (const folder of ['main', 'host', 'renderer'])
      await swapIn(path.join(staging, folder), path.join(DIST, folder));
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  const { documents } = await buildContent({
    inDir: path.join(ROOT, 'content'),
    outDir: path.join(DIST, 'content'),
    reader: IMPORTING_READER,
    // The build state knows the source files, not the parsers: here, where the parsers are what is
    // being changed, a bundle kept because its files did not change would be stale. (A few articles.)
    full: true,
  });
  console.log(`build: dist/ ready with ${documents.length} document(s) in ${Date.now() - started} ms`);
}

/**
 * Replaces `target` with `fresh` by two renames, then removes the old folder. Another build may swap
 * the same folder at the same moment; then the rename fails and is simply tried again.
 */
async function swapIn(fresh: string, target: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const old = `${target}.old-${process.pid}-${attempt}`;
    const hadOld = await fs.rename(target, old).then(
      () => true,
      () => false,
    );
    try {
      await fs.rename(fresh, target);
      if (hadOld) await fs.rm(old, { recursive: true, force: true });
      return;
    } catch (error) {
      if (hadOld) await fs.rm(old, { recursive: true, force: true });
      if (attempt >= 5) throw error;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
