import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { convertIcon } from 'app-builder-lib/out/util/iconConverter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBuilderConfigSchema } from '../../build/packaging/builder-config-check';
import { checkFuseConfig } from '../../build/packaging/fuse-check';
import { ICON_SIZES, writeIconSet } from '../../build/packaging/generate-icons';
import { readBuilderConfig } from '../../build/packaging/pack-offline';
import { BUILDER_CONFIG, PROJECT_DIR } from './built-app';

type Config = Record<string, unknown>;

describe('electron-builder.yml', () => {
  let config: Config;

  beforeAll(async () => {
    config = await readBuilderConfig(BUILDER_CONFIG);
  });

  it("is valid against electron-builder's own JSON schema", () => {
    expect(checkBuilderConfigSchema(config)).toEqual([]);
  });

  it('names the option when a config is not one electron-builder accepts', () => {
    const broken = {
      ...config,
      compression: 'best',
      electronFuses: { ...(config.electronFuses as Config), runAsNod: false },
      nsis: { ...(config.nsis as Config), oneClick: 'no' },
    };
    expect(checkBuilderConfigSchema(broken)).toEqual([
      '/compression must be equal to one of the allowed values',
      '/electronFuses must NOT have additional properties "runAsNod"',
      '/nsis/oneClick must be boolean',
    ]);
  });

  it('re-signs an unsigned Apple-silicon build ad hoc after the fuses are flipped, so it still launches', () => {
    expect((config.electronFuses as Config).resetAdHocDarwinSignature).toBe(true);
  });

  it('offers the importable document types as a viewer on macOS and Linux, never as their default handler', () => {
    const types = [['pdf'], ['html', 'htm'], ['md', 'markdown'], ['txt']];
    for (const platform of ['mac', 'linux']) {
      const associations = (config[platform] as Config).fileAssociations as Config[];
      expect(associations.map((entry) => [entry.ext].flat())).toEqual(types);
      for (const entry of associations) expect(entry).toMatchObject({ role: 'Viewer', rank: 'Alternate' });
      expect(associations.every((entry) => typeof entry.mimeType === 'string')).toBe(true);
    }
    // NSIS's association writes the extension's default, which would take the types over on Windows.
    expect(config.fileAssociations).toBeUndefined();
    expect((config.win as Config).fileAssociations).toBeUndefined();
  });

  it('registers the margin:// scheme, and the schema names a protocol or association written wrong', () => {
    expect(config.protocols).toEqual([{ name: 'Margin link', schemes: ['margin'], role: 'Viewer' }]);
    const broken = {
      ...config,
      protocols: [{ name: 'Margin link', schemes: 'margin', role: 'Reader' }],
      mac: { ...(config.mac as Config), fileAssociations: [{ extension: 'pdf', role: 'Viewer' }] },
    };
    const problems = checkBuilderConfigSchema(broken);
    expect(problems).toContain('/protocols/0/schemes must be array');
    expect(problems).toContain('/protocols/0/role must be equal to one of the allowed values');
    expect(problems).toContain('/mac/fileAssociations/0 must NOT have additional properties "extension"');
  });

  it('sets every Electron fuse to the secure value', () => {
    expect(checkFuseConfig(config.electronFuses)).toEqual([]);
  });

  it('names the fuse a weakened config turns back on, and a config with no fuses at all', () => {
    const weakened: Config = { ...(config.electronFuses as Config), runAsNode: true };
    delete weakened.onlyLoadAppFromAsar;
    expect(checkFuseConfig(weakened)).toEqual([
      'electronFuses.runAsNode must be false, the config has true',
      'electronFuses.onlyLoadAppFromAsar must be true, the config has "nothing"',
    ]);
    expect(checkFuseConfig(undefined)).toEqual([
      'electronFuses is missing from the electron-builder config: no fuse would be flipped',
    ]);
  });

  it('packs only the built app into an asar, and builds the installers for each desktop', () => {
    expect(config.files).toEqual([
      'dist/main/**',
      'dist/renderer/**',
      'dist/content/**',
      'package.json',
      '!**/*.map',
      '!**/*.ts',
      '!dist/content/build-state.json',
    ]);
    expect(config.asar).toBe(true);
    expect((config.linux as Config).target).toEqual(['AppImage', 'deb']);
    expect((config.mac as Config).target).toEqual(['dmg']);
    expect((config.win as Config).target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.mac).toMatchObject({ hardenedRuntime: true, category: 'public.app-category.reference' });
  });
});

describe('the icon set in build/icons', () => {
  let regenerated: string;

  beforeAll(async () => {
    regenerated = await mkdtemp(path.join(os.tmpdir(), 'margin-icons-'));
    await writeIconSet(regenerated);
  });

  afterAll(async () => {
    await rm(regenerated, { recursive: true, force: true });
  });

  it('is what electron-builder picks for Linux: the whole set, not the default Electron icon', async () => {
    const config = await readBuilderConfig(BUILDER_CONFIG);
    const linuxIcon = (config.linux as Config).icon as string;
    // The same resolution LinuxTargetHelper.computeDesktopIcons runs for AppImage and deb.
    const result = await convertIcon({
      sources: [linuxIcon],
      fallbackSources: [],
      roots: [path.join(PROJECT_DIR, 'build'), PROJECT_DIR],
      format: 'set',
      outDir: path.join(regenerated, 'converted'),
    });
    expect(result.isFallback).toBe(false);
    expect(result.icons.map((icon) => icon.size)).toEqual([...ICON_SIZES]);
    expect(result.icons.every((icon) => icon.file.startsWith(path.join(PROJECT_DIR, 'build', 'icons')))).toBe(
      true,
    );
  });

  it('gives macOS and Windows a master large enough to convert (icns needs 512 px, ico 256 px)', async () => {
    const config = await readBuilderConfig(BUILDER_CONFIG);
    const master = await readFile(path.join(PROJECT_DIR, config.icon as string));
    expect(master.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
  });

  it.each(ICON_SIZES)('has a %i px square PNG, byte for byte what the generator draws', async (size) => {
    const name = `${size}x${size}.png`;
    const committed = await readFile(path.join(PROJECT_DIR, 'build', 'icons', name));
    expect(committed.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(committed.readUInt32BE(16)).toBe(size);
    expect(committed.readUInt32BE(20)).toBe(size);
    expect(committed.equals(await readFile(path.join(regenerated, name)))).toBe(true);
  });
});
