/**
 * Lifecycle only: one instance, the app:// scheme, locked-down sessions, then the service, IPC and the
 * window. Everything with logic lives in plain modules.
 */
import {
  app,
  dialog,
  Menu,
  session,
  shell,
  type BrowserWindow,
  type MenuItemConstructorOptions,
} from 'electron';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deferredApi } from './deferred-api';
import { chooseSyncFolder, confirmAndOpenExternal } from './dialogs';
import { setupIpc, setupShellIpc } from './ipc';
import { secureDataDir } from './data-dir';
import { errorDetail, MarginError } from './errors';
import { createMarginService, type MarginService } from './margin-service';
import { CITATION_STYLES_FOLDER, LICENCES_FILE } from './shared/citation-styles';
import { registerAppScheme, setupAppProtocol } from './protocol';
import { searchWorkerPlan } from './search/service/search-worker-source';
import type { AppCommand, ShellState } from './shared/app-commands';
import { AppLog, logFolder } from './shell/app-log';
import { menuPlatform, menuTemplate, type MenuCommand, type MenuItemSpec } from './shell/app-menu';
import { refusesDebugging } from './shell/debug-guard';
import { commandsForLinks } from './shell/link-commands';
import { importOpenedFiles } from './shell/open-files';
import { MARGIN_SCHEME } from './shell/margin-link';
import {
  describeRoutedItem,
  routeCommandLine,
  routeOpenFile,
  routeOpenUrl,
  type RoutedItem,
} from './shell/open-routing';
import { createMainWindow, guardWebContents, setupPermissions } from './window';

// Private notes: every folder and file Margin (and Electron) creates is the user's alone (0700/0600).
process.umask(0o077);

/** `dist/`: app.js sits in dist/main next to preload.js and the search worker. */
const DIST = path.resolve(__dirname, '..');

let window: BrowserWindow | null = null;
/** Created once this is the one instance, so a second launch never writes to the first one's log. */
let log: AppLog | null = null;
let service: MarginService | null = null;
/** Set once IPC is bound: a window opened before that could not reach Margin. */
let windowsAllowed = false;
/** What the page last said about itself; the menu greys out what does not apply. */
let pageState: ShellState = { documentOpen: false };
/** Sends a command to the page (queued until it listens); bound when this is the one instance. */
let sendCommand: (command: AppCommand) => void = () => undefined;
/** The service once it runs: files opened with Margin before then (macOS sends them early) wait for it. */
let serviceStarted: (service: Promise<MarginService>) => void = () => undefined;
const runningService = new Promise<MarginService>((resolve) => (serviceStarted = resolve));
/** Files opened with Margin import one batch after another, as the import list does. */
let openedFiles: Promise<void> = Promise.resolve();

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

/**
 * Files and margin:// links the OS hands Margin: the window comes forward (or opens again on macOS),
 * each link goes to the page as a command (a broken one as a notice), files are imported into the
 * reader's library with a notice each (open-files.ts), and the log records what arrived (ids and
 * counts only).
 */
function receive(items: RoutedItem[], candidates: readonly string[]): void {
  if (window === null && windowsAllowed) openWindow();
  focusWindow();
  if (items.length === 0) log?.info('open-ignored');
  for (const item of items) {
    log?.info('open-routed', describeRoutedItem(item));
    if (item.kind === 'import') importFiles(item.paths);
  }
  for (const command of commandsForLinks(candidates)) sendCommand(command);
}

/** Electron's menu from the plain template, one item for one item. */
function electronMenuItem(spec: MenuItemSpec): MenuItemConstructorOptions {
  const { command } = spec;
  return {
    label: spec.label,
    role: spec.role,
    type: spec.type,
    accelerator: spec.accelerator,
    enabled: spec.enabled,
    submenu: spec.submenu?.map(electronMenuItem),
    click: command ? () => runMenuCommand(command) : undefined,
  };
}

function runMenuCommand(command: MenuCommand): void {
  if (command.type === 'show-log-folder') {
    void shell.openPath(logFolder(app.getPath('userData'))).then((failure) => {
      if (failure) log?.error('log-folder-not-shown', new Error(failure));
    });
    return;
  }
  if (window === null && windowsAllowed) openWindow();
  sendCommand(command);
}

function setApplicationMenu(): void {
  const template = menuTemplate(menuPlatform(process.platform), pageState, {
    developerTools: !app.isPackaged,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map(electronMenuItem)));
}

function openWindow(): void {
  window = createMainWindow({
    preload: path.join(DIST, 'main', 'preload.js'),
    onExternalLink: openLink,
    userData: app.getPath('userData'),
    devTools: !app.isPackaged,
  });
  log?.info('window-created', { maximised: window.isMaximized(), fullScreen: window.isFullScreen() });
  window.on('closed', () => {
    window = null;
    // No page, no open document (macOS keeps the menu bar after the last window closes).
    pageState = { documentOpen: false };
    setApplicationMenu();
  });
}

function importFiles(paths: string[]): void {
  openedFiles = openedFiles
    .then(async () => {
      for (const command of await importOpenedFiles(paths, await runningService)) sendCommand(command);
    })
    .catch((error: unknown) => log?.error('open-import-failed', error));
}

async function start(): Promise<void> {
  log?.info('app-start', { version: app.getVersion(), platform: process.platform, packaged: app.isPackaged });
  setApplicationMenu();
  setupPermissions(session.defaultSession, (contents) => window !== null && contents === window.webContents);
  setupAppProtocol({ renderer: path.join(DIST, 'renderer') });
  const dataDir = app.getPath('userData');
  for (const file of secureDataDir(dataDir)) console.warn(`margin: could not make ${file} private`);
  const starting = createMarginService({
    bundleDir: path.join(DIST, 'content'),
    dataDir,
    // Packaged too, the index loads and answers in worker threads (search-worker-source.ts says how).
    searchWorker: searchWorkerPlan(DIST, (file) => readFileSync(file, 'utf8')),
    openExternal: (url) => confirmAndOpenExternal(window, url),
    chooseSyncFolder: () => chooseSyncFolder(window),
    citationStylesDir: path.join(DIST, 'main', CITATION_STYLES_FOLDER),
    licencesFile: path.join(DIST, 'main', LICENCES_FILE),
  });
  // The window opens at once; its first calls wait for the service (the library loads meanwhile).
  setupIpc(deferredApi(starting), (contents) => window !== null && contents === window.webContents);
  windowsAllowed = true;
  openWindow();
  // Windows and Linux start Margin with the file or link on its own command line the first time.
  const launchedWith = routeCommandLine(process.argv, process.cwd());
  const launchArguments = process.argv.slice(1);
  if (launchedWith.length > 0 || commandsForLinks(launchArguments).length > 0)
    receive(launchedWith, launchArguments);
  serviceStarted(starting);
  service = await starting;
}

if (refusesDebugging(process.argv, app.isPackaged)) {
  console.error('margin: a packaged Margin does not start with a remote-debugging switch');
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const appLog = new AppLog(logFolder(app.getPath('userData')));
  log = appLog;
  // Observed, not handled: Electron's own reaction to a crash stays as it is.
  process.on('uncaughtExceptionMonitor', (error) => appLog.error('uncaught-error', error));
  process.on('unhandledRejection', (reason) => {
    appLog.error('unhandled-rejection', reason);
    console.error('margin: unhandled rejection', reason);
  });
  app.enableSandbox();
  registerAppScheme();
  // Only a packaged app claims margin://: a development run must not take the scheme from an install.
  if (app.isPackaged) app.setAsDefaultProtocolClient(MARGIN_SCHEME);
  sendCommand = setupShellIpc(
    () => window,
    (state) => {
      const changed = state.documentOpen !== pageState.documentOpen;
      pageState = state;
      if (changed) setApplicationMenu();
    },
  );
  app.on('second-instance', (_event, argv, workingDirectory) =>
    receive(routeCommandLine(argv, workingDirectory), argv.slice(1)),
  );
  app.on('open-file', (event, file) => {
    event.preventDefault();
    receive(routeOpenFile(file), []);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(routeOpenUrl(url), [url]);
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openLink));
  app.on('activate', () => {
    if (window === null && windowsAllowed) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Close the stores (and release their lock) before the process goes away.
  app.on('will-quit', (event) => {
    if (service === null) {
      log?.info('app-stop');
      return;
    }
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
      log?.error('start-failed', error);
      dialog.showErrorBox(
        'Margin could not start',
        error instanceof MarginError ? error.message : errorDetail(error),
      );
      app.quit();
    });
}
