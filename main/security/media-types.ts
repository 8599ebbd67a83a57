import path from 'node:path';

/**
 * Content types of the files Margin serves. Anything else is not served at all: with `nosniff` a wrong
 * type would break the file, and an unknown file in the bundle is a packaging mistake, not content.
 */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type for a file name, or null when Margin does not serve files of that kind. */
export function mediaTypeFor(fileName: string): string | null {
  return MEDIA_TYPES[path.extname(fileName).toLowerCase()] ?? null;
}
