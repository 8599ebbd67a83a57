import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractFile } from '@electron/asar';
import { packAsar } from './pack-asar';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAsarContents, listAsarFiles, REQUIRED_FILES } from '../../build/packaging/asar-check';
import { createSearchService } from '../../main/search/service/search-service';
import { searchWorkerPlan } from '../../main/search/service/search-worker-source';
import { checkFuses, REQUIRED_FUSES } from '../../build/packaging/fuse-check';
import {
  packLinuxDirOffline,
  readBuilderConfig,
  type OfflinePackResult,
} from '../../build/packaging/pack-offline';
import { writeStubElectronDist } from '../../build/packaging/stub-electron';
import { BUILDER_CONFIG, PROJECT_DIR, installedElectronVersion, requireBuiltApp } from './built-app';

const PACK_TIMEOUT = 80_000;

describe('electron-builder --linux dir, offline, with a stub Electron', () => {
  let scratch: string;
  let stubDist: string;
  let packed: OfflinePackResult;

  beforeAll(async () => {
    requireBuiltApp();
    scratch = await mkdtemp(path.join(os.tmpdir(), 'margin-pack-'));
    stubDist = await writeStubElectronDist({
      dir: path.join(scratch, 'electron'),
      electronVersion: installedElectronVersion(),
    });
    packed = await packLinuxDirOffline({
      projectDir: PROJECT_DIR,
      configFile: BUILDER_CONFIG,
      electronDist: stubDist,
      electronVersion: installedElectronVersion(),
      workDir: path.join(scratch, 'good'),
      timeoutMs: PACK_TIMEOUT,
    });
  }, PACK_TIMEOUT + 10_000);

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('packs the app into resources/app.asar next to the renamed executable, and nothing loose', async () => {
    expect(existsSync(packed.executablePath)).toBe(true);
    expect(existsSync(packed.asarPath)).toBe(true);
    const resources = await readdir(path.join(packed.appOutDir, 'resources'));
    // No resources/app folder: all code sits inside the archive, where onlyLoadAppFromAsar and asar
    // integrity cover it; only the data the workers read is unpacked beside it (checkAsarContents): the
    // search index and documents, and pdf.js's character maps.
    expect(resources.sort()).toEqual(['app.asar', 'app.asar.unpacked']);
    const unpacked = await readdir(path.join(packed.appOutDir, 'resources', 'app.asar.unpacked', 'dist'));
    expect(unpacked.sort()).toEqual(['content', 'main']);
    const unpackedMain = await readdir(
      path.join(packed.appOutDir, 'resources', 'app.asar.unpacked', 'dist', 'main'),
    );
    expect(unpackedMain).toEqual(['pdfjs-cmaps']);
    expect(path.basename(packed.executablePath)).toBe('margin');
    // Electron's licence must travel with the binary.
    expect(existsSync(path.join(packed.appOutDir, 'LICENSE.electron.txt'))).toBe(true);
    expect(packed.log).toContain('executing @electron/fuses');
  });

  it('writes a package.json that names the app and the .desktop file its windows belong to', () => {
    const manifest = JSON.parse(extractFile(packed.asarPath, 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      name: 'margin',
      productName: 'Margin',
      main: 'dist/main/app.js',
      desktopName: 'margin.desktop',
    });
    expect(manifest).not.toHaveProperty('devDependencies');
    expect(manifest).not.toHaveProperty('dependencies');
  });

  it('flips every fuse of the packed binary to the secure setting', async () => {
    expect(await checkFuses(packed.executablePath)).toEqual([]);
  });

  it('ships the main bundle, preload, worker, renderer and the content bundle with its index, and nothing else', () => {
    expect(checkAsarContents(packed.asarPath)).toEqual([]);
    const files = listAsarFiles(packed.asarPath).map((entry) => entry.path);
    expect(files).toEqual(
      expect.arrayContaining(['dist/main/app.js', 'dist/main/preload.js', 'dist/content/library.json']),
    );
    expect(files.some((file) => file.startsWith('dist/content/search/'))).toBe(true);
    expect(files.some((file) => file.startsWith('dist/content/docs/'))).toBe(true);
    // The content build's record of its sources is beside the bundle in dist/, and stays out of the app.
    expect(existsSync(path.join(PROJECT_DIR, 'dist/content/build-state.json'))).toBe(true);
    expect(files).not.toContain('dist/content/build-state.json');
  });

  it('unpacks what the search worker reads, so the packaged app searches off the main thread', async () => {
    const entries = listAsarFiles(packed.asarPath);
    const unpacked = entries.filter((entry) => entry.file.unpacked).map((entry) => entry.path);
    expect(unpacked.length).toBeGreaterThan(0);
    expect(unpacked.every((file) => /^dist\/(content\/(search|docs)|main\/pdfjs-cmaps)\//.test(file))).toBe(
      true,
    );
    // pdf.js's character maps, for the import worker started from its source.
    expect(unpacked.some((file) => file.startsWith('dist/main/pdfjs-cmaps/'))).toBe(true);
    expect(entries.find((entry) => entry.path === 'dist/main/search-worker.js')?.file.unpacked).toBeFalsy();
    // The worker, started from its source as the app does, answers from the unpacked copy.
    const dist = path.join(packed.asarPath, 'dist');
    const plan = searchWorkerPlan(dist, (file) =>
      extractFile(packed.asarPath, path.relative(packed.asarPath, file).split(path.sep).join('/')).toString(
        'utf8',
      ),
    );
    const search = createSearchService({ bundleDir: path.join(dist, 'content'), worker: plan });
    try {
      await search.ready;
      const results = await search.search('Gwadar');
      expect(results.status === 'ok' && results.groups.length).toBeGreaterThan(0);
    } finally {
      await search.close();
    }
  });

  it(
    'fails the fuse read-back when the config turns run-as-node back on',
    async () => {
      const config = await readBuilderConfig(BUILDER_CONFIG);
      const weakened = await packLinuxDirOffline({
        projectDir: PROJECT_DIR,
        configFile: BUILDER_CONFIG,
        electronDist: stubDist,
        electronVersion: installedElectronVersion(),
        workDir: path.join(scratch, 'run-as-node'),
        overrides: { electronFuses: { ...(config.electronFuses as object), runAsNode: true } },
        timeoutMs: PACK_TIMEOUT,
      });
      expect(await checkFuses(weakened.executablePath)).toEqual([
        'fuse runAsNode is on in the packed binary, must be off',
      ]);
    },
    PACK_TIMEOUT + 10_000,
  );

  it('names each fuse that is flipped back in a copy of the packed binary', async () => {
    const copy = path.join(scratch, 'tampered-margin');
    await copyFile(packed.executablePath, copy);
    await flipFuses(copy, {
      version: FuseVersion.V1,
      [FuseV1Options.OnlyLoadAppFromAsar]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: true,
    });
    expect(await checkFuses(copy)).toEqual([
      'fuse enableNodeCliInspectArguments is on in the packed binary, must be off',
      'fuse onlyLoadAppFromAsar is off in the packed binary, must be on',
    ]);
    expect(REQUIRED_FUSES.onlyLoadAppFromAsar).toBe(true);
  });

  it('refuses a binary that carries no fuse wire at all', async () => {
    const plain = path.join(scratch, 'no-fuses');
    await writeFile(plain, '#!/bin/sh\nexit 0\n');
    const problems = await checkFuses(plain);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/cannot read the fuses.*sentinel/i);
  });
});

describe('checkAsarContents', () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'margin-asar-'));
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  /** The data the search worker reads is unpacked, as electron-builder.yml's asarUnpack says. */
  const DATA_UNPACKED = '{dist/content/search,dist/content/docs}';

  async function packDirectory(files: Record<string, string>, unpackDir = DATA_UNPACKED): Promise<string> {
    const source = await mkdtemp(path.join(scratch, 'app-'));
    for (const [file, text] of Object.entries(files)) {
      const full = path.join(source, file);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, text);
    }
    const archive = `${source}.asar`;
    await packAsar(source, archive, { unpackDir });
    return archive;
  }

  const complete = {
    'package.json': JSON.stringify({ name: 'margin', main: 'dist/main/app.js' }),
    'dist/main/app.js': 'void 0;',
    'dist/main/preload.js': 'void 0;',
    'dist/main/search-worker.js': 'void 0;',
    'dist/main/import-worker.js': 'void 0;',
    'dist/renderer/index.html': '<!doctype html>',
    'dist/renderer/main.js': 'void 0;',
    'dist/content/library.json': JSON.stringify([{ id: 'first-essay' }]),
    'dist/content/docs/first-essay.json.zst': '{}',
    'dist/content/search/index.json': '{}',
    // The licence list and the vendored citation styles (their content does not matter here).
    ...Object.fromEntries(
      REQUIRED_FILES.filter(
        (file) => file.startsWith('dist/main/csl/') || file.endsWith('licences.json'),
      ).map((file) => [file, '<style/>']),
    ),
  };

  it('names sources, maps, tests, dev packages and the browser host that slipped into the archive', async () => {
    const archive = await packDirectory({
      ...complete,
      'dist/main/app.js.map': '{}',
      'main/window.ts': 'export {};',
      'test/packaging/x.test.ts': '',
      'node_modules/lit/index.js': '',
      'node_modules/lit/package.json': '{}',
      'node_modules/@lit/task/index.js': '',
      'bench/run.js': '',
      'dist/host/serve.js': '',
      'dist/content/build-state.json': '{}',
    });
    expect(checkAsarContents(archive).sort()).toEqual(
      [
        'bench/run.js must not ship (tooling or build output)',
        'dist/host/serve.js must not ship (the browser host is a development tool, not part of the app)',
        "dist/content/build-state.json must not ship (the content build's record of its source files, for the next build, not the app)",
        'dist/main/app.js.map must not ship (source map)',
        'main/window.ts must not ship (TypeScript source)',
        'node_modules/@lit/task/ must not ship (node_modules: the bundles are self-contained, no package ships)',
        'node_modules/lit/ must not ship (node_modules: the bundles are self-contained, no package ships)',
        'test/packaging/x.test.ts must not ship (TypeScript source)',
      ].sort(),
    );
  });

  it('names a missing preload, a listed document that is absent and a missing search index', async () => {
    const {
      ['dist/main/preload.js']: _preload,
      ['dist/content/search/index.json']: _index,
      ...rest
    } = complete;
    const archive = await packDirectory({
      ...rest,
      'dist/content/library.json': JSON.stringify([{ id: 'first-essay' }, { id: 'second-essay' }]),
    });
    expect(checkAsarContents(archive)).toEqual([
      'dist/main/preload.js is missing from the archive',
      'dist/content/docs/second-essay.json.zst is listed in library.json but not in the archive',
      'dist/content/search/ is missing: the app would ship without its search index',
    ]);
  });

  it('notices a file whose bytes no longer match the integrity hash in the header', async () => {
    const archive = await packDirectory({ ...complete, 'dist/main/app.js': 'console.log("original");' });
    const bytes = await readFile(archive);
    const at = bytes.indexOf('original');
    bytes.write('tampered', at);
    await writeFile(archive, bytes);
    expect(checkAsarContents(archive)).toEqual([
      'dist/main/app.js: integrity hash does not match its content',
    ]);
  });

  it('accepts the search data unpacked beside the archive, and names data packed where the worker cannot read it', async () => {
    expect(checkAsarContents(await packDirectory(complete))).toEqual([]);
    expect(checkAsarContents(await packDirectory(complete, '{nothing}')).sort()).toEqual([
      'dist/content/docs/first-essay.json.zst: inside the archive, where a worker thread cannot read it (asarUnpack)',
      'dist/content/search/index.json: inside the archive, where a worker thread cannot read it (asarUnpack)',
    ]);
  });

  it('names code unpacked out of integrity validation, and unpacked data that is missing', async () => {
    const codeOut = await packDirectory(complete, '{dist/content/search,dist/content/docs,dist/main}');
    expect(checkAsarContents(codeOut).sort()).toEqual(
      Object.keys(complete)
        .filter((file) => file.startsWith('dist/main/'))
        .map((file) => `${file}: unpacked next to the archive, outside asar integrity validation`)
        .sort(),
    );
    const archive = await packDirectory(complete);
    await rm(path.join(`${archive}.unpacked`, 'dist', 'content', 'search', 'index.json'));
    expect(checkAsarContents(archive)).toEqual([
      'dist/content/search/index.json: listed as unpacked but missing from app.asar.unpacked',
    ]);
  });

  it('says so when the file is not an asar archive', async () => {
    const notArchive = path.join(scratch, 'not.asar');
    await writeFile(notArchive, 'plain text');
    expect(checkAsarContents(notArchive)[0]).toMatch(/^cannot read .*not\.asar as an asar archive/);
  });
});
