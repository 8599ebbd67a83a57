/**
 * A stand-in for Electron's macOS distribution (`Electron.app`), so electron-builder's mac packager
 * can run on this Linux machine: it rewrites the Info.plist files, renames the helpers, writes the
 * asar integrity hash into Info.plist and flips the fuses in the Electron Framework binary, which
 * is where macOS Electron keeps its fuse wire. Nothing here runs; it only has the right shape.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ELECTRON_DEFAULT_FUSES, FUSE_SENTINEL, encodeFuseWire } from './stub-electron';

/** The helper apps Electron ships next to its framework (electronMac.ts renames each of them). */
const HELPERS = [
  'Electron Helper',
  'Electron Helper (GPU)',
  'Electron Helper (Renderer)',
  'Electron Helper (Plugin)',
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A minimal XML property list of string values, as Electron's own Info.plist files are. */
export function infoPlist(values: Record<string, string>): string {
  const entries = Object.entries(values)
    .map(([key, value]) => `\t<key>${escapeXml(key)}</key>\n\t<string>${escapeXml(value)}</string>`)
    .join('\n');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
    `<plist version="1.0">\n<dict>\n${entries}\n</dict>\n</plist>\n`
  );
}

async function writeExecutable(file: string, extra: Buffer = Buffer.alloc(0)): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    Buffer.concat([Buffer.from('#!/bin/sh\n# Stub for offline packaging checks.\nexit 1\n# '), extra]),
  );
  await chmod(file, 0o755);
}

/** Writes `<dir>/Electron.app` with the files electron-builder's mac packager reads and renames. */
export async function writeStubElectronMacDist(options: {
  dir: string;
  electronVersion: string;
  fuses?: Readonly<Record<number, boolean>>;
}): Promise<string> {
  const contents = path.join(options.dir, 'Electron.app', 'Contents');
  const frameworks = path.join(contents, 'Frameworks');
  await mkdir(path.join(contents, 'Resources'), { recursive: true });
  await writeFile(
    path.join(contents, 'Info.plist'),
    infoPlist({
      CFBundleExecutable: 'Electron',
      CFBundleIdentifier: 'com.github.Electron',
      CFBundleName: 'Electron',
      CFBundleDisplayName: 'Electron',
      CFBundleIconFile: 'electron.icns',
      CFBundlePackageType: 'APPL',
      CFBundleShortVersionString: options.electronVersion,
      CFBundleVersion: options.electronVersion,
    }),
  );
  await writeFile(path.join(contents, 'Resources', 'electron.icns'), 'stub icon\n');
  await writeExecutable(path.join(contents, 'MacOS', 'Electron'));
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    encodeFuseWire(options.fuses ?? ELECTRON_DEFAULT_FUSES),
  ]);
  await writeExecutable(path.join(frameworks, 'Electron Framework.framework', 'Electron Framework'), wire);
  for (const helper of HELPERS) {
    const helperContents = path.join(frameworks, `${helper}.app`, 'Contents');
    await writeExecutable(path.join(helperContents, 'MacOS', helper));
    await writeFile(
      path.join(helperContents, 'Info.plist'),
      infoPlist({
        CFBundleExecutable: helper,
        CFBundleIdentifier: 'com.github.Electron.helper',
        CFBundleName: helper,
        CFBundleVersion: options.electronVersion,
      }),
    );
  }
  await writeFile(
    path.join(options.dir, 'LICENSE'),
    'Stub of the Electron licence file, for packaging checks.\n',
  );
  await writeFile(path.join(options.dir, 'LICENSES.chromium.html'), '<!doctype html><title>Stub</title>\n');
  await writeFile(path.join(options.dir, 'version'), options.electronVersion);
  return options.dir;
}
