import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MarginError } from './errors';

/** Electron names the user-data folder after `productName` in package.json. */
export const PRODUCT_NAME = 'Margin';

/**
 * The folder Electron's `app.getPath('userData')` gives for productName Margin, computed without
 * Electron so that the browser host and the app share one store (its lock keeps them from writing at
 * once): `%APPDATA%\Margin` on Windows, `~/Library/Application Support/Margin` on macOS,
 * `$XDG_CONFIG_HOME/Margin` (default `~/.config/Margin`) elsewhere.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  const configHome = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : null;
  return join(configHome ?? join(home, '.config'), PRODUCT_NAME);
}

/** Private notes: the data folder and every folder in it are the owner's alone. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * The folders Margin itself writes inside the data folder. Everything else there is Electron's and
 * Chromium's (caches, session storage: thousands of files), which the data folder's own 0700 already
 * keeps from other accounts, so start-up does not walk them.
 */
export const MARGIN_FOLDERS = {
  backups: 'backups',
  sync: 'sync',
  logs: 'logs',
  /** Your own documents (library/user-library/user-library.ts). */
  library: 'library',
} as const;
const OWN_FOLDER_NAMES: readonly string[] = Object.values(MARGIN_FOLDERS);

/**
 * Creates the data folder (mode 0700) if it is missing, and takes group and other access away from an
 * existing one: the folder and every folder in it become 0700, its files and those in Margin's own
 * folders (MARGIN_FOLDERS) 0600; Chromium's folders are closed, not walked. A folder made by an older
 * Margin, by the browser host or by Electron under the default umask is readable by every account on
 * the machine. Symbolic links and special files are left alone (a link may point outside the folder).
 * Returns the paths whose mode could not be changed; the rest is still done.
 */
export function secureDataDir(dir: string): string[] {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new MarginError('unavailable', `Margin cannot create its data folder ${dir} (${code}).`);
  }
  const failed: string[] = [];
  const tighten = (target: string, mode: number): void => {
    try {
      if ((fs.lstatSync(target).mode & 0o777) !== mode) fs.chmodSync(target, mode);
    } catch {
      failed.push(target);
    }
  };
  const walk = (folder: string, deep: boolean): void => {
    tighten(folder, PRIVATE_DIR_MODE);
    if (!deep) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      failed.push(folder);
      return;
    }
    for (const entry of entries) {
      const target = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(target, folder !== dir || OWN_FOLDER_NAMES.includes(entry.name));
      else if (entry.isFile()) tighten(target, PRIVATE_FILE_MODE);
    }
  };
  walk(dir, true);
  return failed;
}
