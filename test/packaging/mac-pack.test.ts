import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { packAsar } from './pack-asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAsarContents } from '../../build/packaging/asar-check';
import { checkFuses } from '../../build/packaging/fuse-check';
import { renderIconPng } from '../../build/packaging/icon-image';
import { asarHeaderHash, checkMacAsarIntegrity } from '../../build/packaging/mac-integrity-check';
import {
  packDirOffline,
  readBuilderConfig,
  type OfflinePackResult,
} from '../../build/packaging/pack-offline';
import { writeStubElectronMacDist } from '../../build/packaging/stub-electron-mac';
import { BUILDER_CONFIG, PROJECT_DIR, installedElectronVersion, requireBuiltApp } from './built-app';

const PACK_TIMEOUT = 80_000;

/**
 * A real .icns holding one 512 px PNG ('ic09'). On a build machine electron-builder converts the
 * 1024 px master with a toolset it downloads; offline, the mac check hands it a ready icns instead.
 */
function icnsWith512Png(): Buffer {
  const png = renderIconPng(512);
  const entry = Buffer.alloc(8);
  entry.write('ic09', 0, 'ascii');
  entry.writeUInt32BE(8 + png.length, 4);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + 8 + png.length, 4);
  return Buffer.concat([header, entry, png]);
}

describe('electron-builder --mac dir, offline, with a stub Electron.app', () => {
  let scratch: string;
  let packed: OfflinePackResult;
  let infoPlist: string;

  beforeAll(async () => {
    requireBuiltApp();
    scratch = await mkdtemp(path.join(os.tmpdir(), 'margin-mac-'));
    const stub = await writeStubElectronMacDist({
      dir: path.join(scratch, 'electron'),
      electronVersion: installedElectronVersion(),
    });
    const icon = path.join(scratch, 'icon.icns');
    await writeFile(icon, icnsWith512Png());
    const config = await readBuilderConfig(BUILDER_CONFIG);
    packed = await packDirOffline('mac', {
      projectDir: PROJECT_DIR,
      configFile: BUILDER_CONFIG,
      electronDist: stub,
      electronVersion: installedElectronVersion(),
      workDir: path.join(scratch, 'good'),
      overrides: { mac: { ...(config.mac as object), icon } },
      timeoutMs: PACK_TIMEOUT,
    });
    infoPlist = path.join(packed.executablePath, 'Contents', 'Info.plist');
  }, PACK_TIMEOUT + 10_000);

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('flips the fuses in the Electron Framework binary inside Margin.app', async () => {
    expect(packed.log).toContain('executing @electron/fuses');
    expect(await checkFuses(packed.executablePath)).toEqual([]);
  });

  it('records the asar header hash in Info.plist, matching the packed archive', async () => {
    expect(await checkMacAsarIntegrity(infoPlist, packed.asarPath)).toEqual([]);
  });

  it('ships the same archive contents as on Linux', () => {
    expect(checkAsarContents(packed.asarPath)).toEqual([]);
  });

  it('names the app, its bundle id and its App Store category in Info.plist', async () => {
    const plist = await readFile(infoPlist, 'utf8');
    expect(plist).toMatch(/<key>CFBundleIdentifier<\/key>\s*<string>org\.margin\.reader<\/string>/);
    expect(plist).toMatch(/<key>CFBundleDisplayName<\/key>\s*<string>Margin<\/string>/);
    expect(plist).toMatch(
      /<key>LSApplicationCategoryType<\/key>\s*<string>public\.app-category\.reference<\/string>/,
    );
  });

  it('catches an archive swapped after packing: the recorded hash no longer matches', async () => {
    const unpacked = path.join(scratch, 'swapped-src');
    await cp(path.join(PROJECT_DIR, 'dist', 'main'), path.join(unpacked, 'dist', 'main'), {
      recursive: true,
    });
    await writeFile(path.join(unpacked, 'dist', 'main', 'extra.js'), 'console.log("not reviewed");\n');
    const swapped = path.join(scratch, 'swapped.asar');
    await packAsar(unpacked, swapped, {});
    const problems = await checkMacAsarIntegrity(infoPlist, swapped);
    expect(problems).toEqual([
      expect.stringContaining(
        `app.asar's header hashes to ${asarHeaderHash(swapped)}: Electron would refuse to load it`,
      ),
    ]);
  });

  it('says so when Info.plist carries no integrity record at all', async () => {
    const bare = path.join(scratch, 'Info-without-integrity.plist');
    const plist = await readFile(infoPlist, 'utf8');
    await writeFile(
      bare,
      plist.replace(/<key>ElectronAsarIntegrity<\/key>\s*<dict>[\s\S]*?<\/dict>\s*<\/dict>/, ''),
    );
    expect(await checkMacAsarIntegrity(bare, packed.asarPath)).toEqual([
      'Info.plist has no ElectronAsarIntegrity record for Resources/app.asar: the integrity fuse would have nothing to check',
    ]);
  });
});
