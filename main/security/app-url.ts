import { confirmInside, resolveBundlePath, type BundleFile } from './bundle-path';

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
  const { root, path } = pickRoot(rawPath, roots);
  return root === null ? null : resolveBundlePath(path, root);
}

/** `resolveAppUrl`, then confirmed on disk (see `confirmInside`): what the protocol handler serves. */
export async function findAppFile(url: string, roots: AppRoots): Promise<BundleFile | null> {
  const file = resolveAppUrl(url, roots);
  if (file === null) return null;
  const rawPath = url.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0];
  const { root } = pickRoot(rawPath, roots);
  return root === null ? null : confirmInside(file, root);
}

function pickRoot(rawPath: string, roots: AppRoots): { root: string | null; path: string } {
  if (rawPath.startsWith(CONTENT_PREFIX)) {
    return { root: roots.content ?? null, path: rawPath.slice(CONTENT_PREFIX.length - 1) };
  }
  return { root: roots.renderer, path: rawPath };
}
