import { confirmInside, resolveBundlePath, type BundleFile } from './bundle-path';

/** The one origin of Margin's renderer in Electron. */
export const APP_ORIGIN = 'app://margin';
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The one folder `app://margin/` reads from: the built renderer. The content bundle is not mounted;
 * documents, the library and search reach the renderer over IPC, through the validated API.
 */
export interface AppRoots {
  renderer: string;
}

/**
 * Resolves an `app://margin/…` request URL to a file inside the renderer folder, or null. Any other
 * scheme or host, credentials, a port, or a path that is not plainly inside the root gives null. The
 * path is checked in its raw form, before the URL parser would collapse `..` or `%2e%2e`.
 */
export function resolveAppUrl(url: string, roots: AppRoots): string | null {
  const rawPath = rawAppPath(url);
  return rawPath === null ? null : resolveBundlePath(rawPath, roots.renderer);
}

/** `resolveAppUrl`, then confirmed on disk (see `confirmInside`): what the protocol handler serves. */
export async function findAppFile(url: string, roots: AppRoots): Promise<BundleFile | null> {
  const file = resolveAppUrl(url, roots);
  return file === null ? null : confirmInside(file, roots.renderer);
}

/** The still-encoded path of an `app://margin/` URL, or null for any other origin or form. */
function rawAppPath(url: string): string | null {
  if (typeof url !== 'string' || !url.startsWith(`${APP_ORIGIN}/`) || /[\\\0\s]/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'app:' || parsed.host !== 'margin' || parsed.username || parsed.password)
    return null;
  return url.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0];
}
