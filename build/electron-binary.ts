/**
 * Finds the Electron binary the way the `electron` package's own `index.js` does (its `path.txt`, or
 * `ELECTRON_OVERRIDE_DIST_PATH`), but answers with a reason instead of throwing a stack trace when
 * there is none. Used by `npm start` (build/start-app.ts) and by the Electron smoke suite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string; installable: boolean };

/** The `electron` package folder (its binary lands in `dist/` there). */
export function electronPackageDir(): string {
  return path.dirname(require.resolve('electron/package.json'));
}

/** What `path.txt` holds on each platform, for when it is missing. */
function defaultExecutable(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

export function findElectronBinary(
  packageDir: string = electronPackageDir(),
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): ElectronBinary {
  const pathFile = path.join(packageDir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const executable = recorded || defaultExecutable(platform);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, executable);
    if (existsSync(binary)) return { ok: true, path: binary };
    return {
      ok: false,
      installable: false,
      reason: `ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, which holds no Electron binary (${executable})`,
    };
  }
  const binary = path.join(packageDir, 'dist', executable);
  if (recorded && existsSync(binary)) return { ok: true, path: binary };
  return {
    ok: false,
    installable: true,
    reason: "Electron's binary is not installed",
  };
}

/**
 * Runs the `electron` package's installer, quietly: its own failure is a stack trace, which is not
 * what a reader should see. Returns whether a binary is there afterwards.
 */
export function installElectronBinary(packageDir: string = electronPackageDir()): boolean {
  const result = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60 * 1000,
  });
  return result.status === 0;
}
