/**
 * Where the packaging tests find the built app and the installed Electron version. `npm test`
 * runs `npm run build` first; running a packaging test alone needs that build too.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const PROJECT_DIR = path.resolve(__dirname, '..', '..');
export const BUILDER_CONFIG = path.join(PROJECT_DIR, 'electron-builder.yml');
export const DIST_DIR = path.join(PROJECT_DIR, 'dist');

/** The Electron the app is built against: the installed `electron` devDependency. */
export function installedElectronVersion(): string {
  const manifest = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Fails with a clear message when `npm run build` has not produced the app. */
export function requireBuiltApp(): void {
  const entry = path.join(DIST_DIR, 'main', 'app.js');
  if (!existsSync(entry)) {
    throw new Error(
      `${entry} does not exist: run \`npm run build\` before the packaging tests (npm test does).`,
    );
  }
}
