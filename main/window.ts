/**
 * Margin's one window and the guards every web contents gets: no navigation away from app://margin,
 * no new windows, no webviews, no permissions but the clipboard write of Copy. Links the reader follows
 * go to the external-link flow. The window reopens where it was, placed safely on today's displays.
 */
import { BrowserWindow, Menu, screen, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, APP_ORIGIN, SECURE_WEB_PREFERENCES, checkExternalLink } from './security';
import { allowsPermission } from './shell/permissions';
import { systemContextMenu } from './shell/system-context-menu';
import {
  MIN_WINDOW_SIZE,
  placeWindow,
  readWindowState,
  writeWindowState,
  type WindowState,
} from './shell/window-state';

export interface WindowOptions {
  preload: string;
  /** Called for an https link the page tried to open or navigate to; the caller asks the user. */
  onExternalLink: (url: string) => void;
  /** The user-data folder, where the window's size and position are remembered. */
  userData: string;
  /** `!app.isPackaged`: no DevTools (nor Ctrl+Shift+I) on the page that holds the API in a release. */
  devTools: boolean;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const placed = placeWindow(
    readWindowState(options.userData),
    screen.getAllDisplays(),
    screen.getPrimaryDisplay(),
  );
  const window = new BrowserWindow({
    // Written out, not spread, so the packaging gate can still read these options as a literal.
    x: placed.bounds.x,
    y: placed.bounds.y,
    width: placed.bounds.width,
    height: placed.bounds.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    fullscreen: placed.fullScreen,
    show: false,
    title: 'Margin',
    // SECURE_WEB_PREFERENCES (main/security) stays the one locked-down set; devTools is decided here.
    webPreferences: { ...SECURE_WEB_PREFERENCES, devTools: options.devTools, preload: options.preload },
  });
  if (placed.maximised && !placed.fullScreen) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => rememberWindowState(window, options.userData));
  // Cut, Copy and Paste on a right-click in a field (Electron has no menu of its own there).
  window.webContents.on('context-menu', (_event, params) => {
    const items = systemContextMenu(params);
    if (items) Menu.buildFromTemplate(items).popup({ window });
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function rememberWindowState(window: BrowserWindow, userData: string): void {
  const state: WindowState = {
    // The normal bounds, so a maximised or full-screen window un-maximises to its own size.
    bounds: window.getNormalBounds(),
    maximised: window.isMaximized(),
    fullScreen: window.isFullScreen(),
  };
  try {
    writeWindowState(userData, state);
  } catch (error) {
    console.error('margin: could not remember the window size', error);
  }
}

function isOwnPage(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Installed on every web contents the app creates (`web-contents-created`), so that no window, frame
 * or future view escapes the rules.
 */
export function guardWebContents(contents: WebContents, onExternalLink: (url: string) => void): void {
  const refuseNavigation = (event: { preventDefault(): void; url: string }): void => {
    if (isOwnPage(event.url)) return;
    event.preventDefault();
    if (checkExternalLink(event.url).ok) onExternalLink(event.url);
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (checkExternalLink(url).ok) onExternalLink(url);
    return { action: 'deny' };
  });
}

/**
 * Margin needs no camera, notifications, clipboard reads or anything else a page may ask for: only the
 * main window's top frame at app://margin may write to the clipboard (Copy, Copy with citation).
 */
export function setupPermissions(session: Session, isMainWindow: (contents: WebContents) => boolean): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(
      allowsPermission({
        permission,
        requestingUrl: details.requestingUrl,
        isMainFrame: details.isMainFrame,
        isMainWindow: isMainWindow(contents),
      }),
    ),
  );
  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    allowsPermission({
      permission,
      requestingUrl: requestingOrigin,
      isMainFrame: details.isMainFrame,
      isMainWindow: contents !== null && isMainWindow(contents),
    }),
  );
  session.setDevicePermissionHandler(() => false);
}
