/**
 * The one permission Margin's page may have: `clipboard-sanitized-write`, which
 * `navigator.clipboard.writeText` needs for Copy and Copy with citation. Only for the main window, only
 * its top frame, only at `app://margin`. Everything else (camera, notifications, clipboard reads, any
 * other origin or frame) stays refused. One decision for both Electron's request and check handlers.
 */
import { APP_ORIGIN } from '../security';

export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

export interface PermissionAsk {
  permission: string;
  /** The requesting page's URL (request handler) or origin (check handler). */
  requestingUrl: string;
  isMainFrame: boolean;
  /** Whether the asking web contents is Margin's main window, not some other contents. */
  isMainWindow: boolean;
}

/** True only for `app://margin` itself: not `app://margin.evil`, `app://margin@x`, a port or a path trick. */
export function isAppOrigin(urlOrOrigin: string): boolean {
  if (typeof urlOrOrigin !== 'string') return false;
  // The raw text first: the URL parser would quietly accept and normalise some tricks.
  if (urlOrOrigin !== APP_ORIGIN && !urlOrOrigin.startsWith(`${APP_ORIGIN}/`)) return false;
  if (/[\\\0\s]/.test(urlOrOrigin)) return false;
  try {
    const url = new URL(urlOrOrigin);
    return (
      url.protocol === 'app:' &&
      url.host === 'margin' &&
      url.username === '' &&
      url.password === '' &&
      url.port === ''
    );
  } catch {
    return false;
  }
}

export function allowsPermission(ask: PermissionAsk): boolean {
  return (
    ask.permission === ALLOWED_PERMISSION &&
    ask.isMainWindow &&
    ask.isMainFrame &&
    isAppOrigin(ask.requestingUrl)
  );
}
