/**
 * Where the things the OS hands Margin go: files opened with Margin or dropped on its dock icon go to the
 * import of the reader's own documents, `margin://` links to their passage; everything else is ignored.
 * They arrive as a second instance's argv (Windows, Linux) or as macOS `open-file` / `open-url` events;
 * this module turns each into routed items, checking the disk so only existing regular files of an
 * importable type are passed on. Plain Node: `app.ts` listens for the events and acts on the result.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { MARGIN_SCHEME, parseMarginLink, type MarginLink } from './margin-link';

export const IMPORTABLE_EXTENSIONS = ['.pdf', '.html', '.htm', '.md', '.markdown', '.txt'] as const;

export type RoutedItem = { kind: 'import'; paths: string[] } | { kind: 'link'; link: MarginLink };

function isImportableFile(file: string): boolean {
  const extension = path.extname(file).toLowerCase();
  if (!(IMPORTABLE_EXTENSIONS as readonly string[]).includes(extension)) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function looksLikeLink(argument: string): boolean {
  return argument.toLowerCase().startsWith(`${MARGIN_SCHEME}:`);
}

/** Gathers files and links, in order, into at most one import (all files together) and the links. */
function route(files: string[], links: string[]): RoutedItem[] {
  const items: RoutedItem[] = [];
  const paths = [...new Set(files.filter(isImportableFile))];
  if (paths.length > 0) items.push({ kind: 'import', paths });
  for (const text of links) {
    const verdict = parseMarginLink(text);
    if (verdict.ok) items.push({ kind: 'link', link: verdict.link });
  }
  return items;
}

/**
 * A second instance's command line: the executable first, then Chromium's and Electron's switches, the
 * app folder in development, and the files or link the user opened. Relative paths are relative to
 * the second instance's working directory.
 */
export function routeCommandLine(argv: readonly string[], workingDirectory: string): RoutedItem[] {
  const files: string[] = [];
  const links: string[] = [];
  for (const argument of argv.slice(1)) {
    if (typeof argument !== 'string' || argument.length === 0 || argument.startsWith('-')) continue;
    if (looksLikeLink(argument)) links.push(argument);
    else files.push(path.resolve(workingDirectory, argument));
  }
  return route(files, links);
}

/** macOS `open-file`: an absolute path, one event per file. */
export function routeOpenFile(file: string): RoutedItem[] {
  return typeof file === 'string' && path.isAbsolute(file) ? route([file], []) : [];
}

/** macOS `open-url`: the link the user followed. */
export function routeOpenUrl(url: string): RoutedItem[] {
  return route([], [url]);
}

/** What the log may say about a routed item: its kind and a count or ids, never a file name. */
export function describeRoutedItem(item: RoutedItem): Record<string, string | number> {
  return item.kind === 'import'
    ? { kind: 'import', files: item.paths.length }
    : { kind: 'link', document: item.link.documentId, annotation: item.link.annotationId ?? '' };
}
