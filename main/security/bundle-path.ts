import fs from 'node:fs/promises';
import path from 'node:path';
import { mediaTypeFor } from './media-types';

/**
 * A path segment Margin is willing to serve: letters, digits, `-`, `_` and inner dots, never a leading
 * dot. Allow-listing the segment (instead of hunting for bad sequences) refuses every spelling of
 * traversal at once: `..`, `%2e%2e`, double-encoded `%252e`, backslashes, drive letters, NUL, dotfiles.
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/** Longest request path considered; longer ones are refused outright. */
const MAX_PATH_LENGTH = 1024;

/**
 * Maps the raw (still percent-encoded) path of a request, e.g. `/docs/a-b.json`, to a file inside
 * `root`, or null when the path is not one Margin serves. `/` and a trailing `/` mean `index.html`.
 * The raw path must be taken before any URL normalisation, so that `..` is refused, not collapsed.
 */
export function resolveBundlePath(rawPath: string, root: string): string | null {
  if (rawPath.length === 0 || rawPath.length > MAX_PATH_LENGTH || !rawPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  let relative = decoded.slice(1);
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const segments = relative.split('/');
  if (!segments.every((segment) => SAFE_SEGMENT.test(segment) && !segment.endsWith('.'))) return null;

  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  const inside = path.relative(base, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

export interface BundleFile {
  file: string;
  mediaType: string;
}

/**
 * The file a raw request path names, confirmed on disk: it exists, is a regular file, is of a kind
 * Margin serves, and its real path (symlinks resolved) is still inside the real root. Otherwise null.
 */
export async function findBundleFile(rawPath: string, root: string): Promise<BundleFile | null> {
  const candidate = resolveBundlePath(rawPath, root);
  return candidate === null ? null : confirmInside(candidate, root);
}

export async function confirmInside(candidate: string, root: string): Promise<BundleFile | null> {
  const mediaType = mediaTypeFor(candidate);
  if (mediaType === null) return null;
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(candidate)]);
    const inside = path.relative(realRoot, realFile);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
    return (await fs.stat(realFile)).isFile() ? { file: realFile, mediaType } : null;
  } catch {
    return null;
  }
}
