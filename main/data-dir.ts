import os from 'node:os';
import path from 'node:path';

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
