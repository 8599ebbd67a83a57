import { resolveBundlePath } from './bundle-path';

/** The one origin of Margin's renderer in Electron. */
export const APP_ORIGIN = 'app://margin';
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Folders `app://margin/` may read from. The content bundle is mounted read-only under `/content/`. */
export interface AppRoots {
  renderer: string;
  content?: string;
}

const CONTENT_PREFIX = '/content/';

/**
 * Resolves an `app://margin/…` request URL to a file inside one of its roots, or null. Any other scheme
 * or host, credentials, a port, or a path that is not plainly inside a root gives null. The path is
 * checked in its raw form, before the URL parser would collapse `..` or `%2e%2e`.
 */
export function resolveAppUrl(url: string, roots: AppRoots): string | null {
  if (typeof url !== 'string' || !url.startsWith(`${APP_ORIGIN}/`) || /[\\\0\s]/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'app:' || parsed.host !== 'margin' || parsed.username || parsed.password)
    return null;

  const rawPath = url.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0];
  if (rawPath.startsWith(CONTENT_PREFIX)) {
    return roots.content ? resolveBundlePath(rawPath.slice(CONTENT_PREFIX.length - 1), roots.content) : null;
  }
  return resolveBundlePath(rawPath, roots.renderer);
}
