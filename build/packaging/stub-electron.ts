/**
 * A stand-in for the unpacked Electron distribution (`electronDist`), so electron-builder can pack
 * Margin on a machine that cannot download Electron. The "executable" is a tiny shell script that
 * carries Electron's fuse sentinel and a V1 fuse wire set to Electron's own defaults, so the fuses
 * electron-builder flips are real bytes that `@electron/fuses` reads back.
 *
 * Wire layout (from @electron/fuses `getCurrentFuseWire`): SENTINEL, then one byte for the wire
 * version (1), one byte for the number of fuses, then one ASCII byte per fuse: '0' off, '1' on.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** Electron's fuse sentinel (`SENTINEL` in @electron/fuses' constants). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Fuse states as the wire stores them: ASCII '0' and '1'. */
const FUSE_OFF = 0x30;
const FUSE_ON = 0x31;

/**
 * Electron's shipped defaults, in wire order. The stub starts from these so that every fuse
 * Margin turns off (run-as-node, NODE_OPTIONS, inspect, file:// privileges) or on (cookie
 * encryption, asar integrity, asar-only) must actually be flipped by the build to pass the check.
 */
export const ELECTRON_DEFAULT_FUSES: Readonly<Record<FuseV1Options, boolean>> = {
  [FuseV1Options.RunAsNode]: true,
  [FuseV1Options.EnableCookieEncryption]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: true,
  [FuseV1Options.EnableNodeCliInspectArguments]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

/** The bytes after the sentinel: version, length, then one state byte per fuse. */
export function encodeFuseWire(states: Readonly<Record<number, boolean>>): Buffer {
  const count = Object.keys(states).length;
  const wire = Buffer.alloc(2 + count);
  wire[0] = Number(FuseVersion.V1);
  wire[1] = count;
  for (let index = 0; index < count; index++) {
    if (!(index in states)) throw new RangeError(`Fuse ${index} is missing: the wire must be contiguous`);
    wire[2 + index] = states[index] ? FUSE_ON : FUSE_OFF;
  }
  return wire;
}

export interface StubElectronOptions {
  /** Where to create the stub distribution (created if missing). */
  dir: string;
  /** The Electron version to claim, normally the installed `electron` devDependency's. */
  electronVersion: string;
  /** The fuse states to start from; Electron's defaults unless a test wants something else. */
  fuses?: Readonly<Record<number, boolean>>;
}

/**
 * Writes the files electron-builder's Linux packager copies and renames from an unpacked
 * Electron: the `electron` executable (renamed to the app's executableName), `version`, the
 * licence files it keeps next to the binary, `locales/` and `resources/`.
 */
export async function writeStubElectronDist(options: StubElectronOptions): Promise<string> {
  const { dir, electronVersion } = options;
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  const script = Buffer.from(
    '#!/bin/sh\n' +
      '# Stub Electron for offline packaging checks; it is not a runnable app.\n' +
      'echo "stub Electron: packaging check only" >&2\n' +
      'exit 1\n' +
      '# ',
  );
  const executable = Buffer.concat([
    script,
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    encodeFuseWire(options.fuses ?? ELECTRON_DEFAULT_FUSES),
    Buffer.from('\n'),
  ]);
  const executablePath = path.join(dir, 'electron');
  await writeFile(executablePath, executable);
  await chmod(executablePath, 0o755);
  await writeFile(path.join(dir, 'version'), electronVersion);
  await writeFile(path.join(dir, 'LICENSE'), 'Stub of the Electron licence file, for packaging checks.\n');
  await writeFile(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>Stub</title>\n');
  await writeFile(path.join(dir, 'locales', 'en-US.pak'), 'stub locale\n');
  return dir;
}
