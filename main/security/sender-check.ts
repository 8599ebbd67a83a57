import { APP_ORIGIN } from './app-url';

/**
 * True only for Margin's own page: the top frame, loaded from `app://margin/`. IPC from a subframe, an
 * error page, `file://`, `devtools://` or anything that navigated away is refused, so that a stray
 * frame never gets the API.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  if (!isMainFrame || typeof frameUrl !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(frameUrl);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'app:' &&
    parsed.host === 'margin' &&
    parsed.username === '' &&
    parsed.password === '' &&
    `${parsed.protocol}//${parsed.host}` === APP_ORIGIN
  );
}
