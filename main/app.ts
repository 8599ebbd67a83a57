/**
 * Lifecycle only: one instance, the app:// scheme, locked-down sessions, then the service, IPC and the
 * window. Everything with logic lives in plain modules.
 */
import { app, dialog, session, type BrowserWindow } from 'electron';
import path from 'node:path';
import { deferredApi } from './deferred-api';
import { chooseSyncFolder, confirmAndOpenExternal } from './dialogs';
import { setupIpc } from './ipc';
import { secureDataDir } from './data-dir';
import { errorDetail, MarginError } from './errors';
import { createMarginService, type MarginService } from './margin-service';
import { registerAppScheme, setupAppProtocol } from './protocol';
import { createMainWindow, denyAllPermissions, guardWebContents } from './window';

// Private notes: every folder and file Margin (and Electron) creates is the user's alone (0700/0600).
process.umask(0o077);

/** `dist/`: app.js sits in dist/main next to preload.js and the search worker. */
const DIST = path.resolve(__dirname, '..');

/**
 * A worker thread cannot load its script from inside app.asar, nor read the index there (Electron
 * patches `fs` for asar only on the main thread: electron/electron#22446). Packaged, the index loads
 * on the main thread instead (asynchronously, titles first); unpacked (`npm start`), in the worker.
 */
function runsFromAsar(): boolean {
  return /\.asar([\\/]|$)/.test(__dirname);
}

let window: BrowserWindow | null = null;
let service: MarginService | null = null;
/** Set once IPC is bound: a window opened before that could not reach Margin. */
let windowsAllowed = false;

const openLink = (url: string): void => {
  confirmAndOpenExternal(window, url).catch((error: unknown) =>
    console.error('margin: could not open link', error),
  );
};

function focusWindow(): void {
  if (window === null) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function openWindow(): void {
  window = createMainWindow({ preload: path.join(DIST, 'main', 'preload.js'), onExternalLink: openLink });
  window.on('closed', () => {
    window = null;
  });
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  setupAppProtocol({ renderer: path.join(DIST, 'renderer') });
  const dataDir = app.getPath('userData');
  for (const file of secureDataDir(dataDir)) console.warn(`margin: could not make ${file} private`);
  const starting = createMarginService({
    bundleDir: path.join(DIST, 'content'),
    dataDir,
    workerScript: runsFromAsar() ? undefined : path.join(DIST, 'main', 'search-worker.js'),
    openExternal: (url) => confirmAndOpenExternal(window, url),
    chooseSyncFolder: () => chooseSyncFolder(window),
  });
  // The window opens at once; its first calls wait for the service (the library loads meanwhile).
  setupIpc(deferredApi(starting), (contents) => window !== null && contents === window.webContents);
  windowsAllowed = true;
  openWindow();
  service = await starting;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openLink));
  app.on('activate', () => {
    if (window === null && windowsAllowed) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Close the stores (and release their lock) before the process goes away.
  app.on('will-quit', (event) => {
    if (service === null) return;
    event.preventDefault();
    const closing = service;
    service = null;
    closing
      .close()
      .catch((error: unknown) => console.error('margin: could not close cleanly', error))
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Margin could not start',
        error instanceof MarginError ? error.message : errorDetail(error),
      );
      app.quit();
    });
}
