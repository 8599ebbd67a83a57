/**
 * Margin's one window and the guards every web contents gets: no navigation away from app://margin,
 * no new windows, no webviews, no permissions. Links the reader follows go to the external-link flow.
 */
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, APP_ORIGIN, SECURE_WEB_PREFERENCES, checkExternalLink } from './security';

export interface WindowOptions {
  preload: string;
  /** Called for an https link the page tried to open or navigate to; the caller asks the user. */
  onExternalLink: (url: string) => void;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 860,
    minWidth: 480,
    minHeight: 400,
    show: false,
    title: 'Margin',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preload },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
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

/** Margin needs no camera, notifications, clipboard reads or anything else a page may ask for. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
