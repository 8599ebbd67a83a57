/**
 * What a packed `app.asar` must hold, and what must never ship in it. The archive is read with
 * @electron/asar, its header walked directly so that each file's integrity record can be checked
 * against the bytes it describes (the same hashes Electron's asar integrity validation relies on).
 */
import { extractFile, getRawHeader } from '@electron/asar';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundledDocumentPath } from '../../main/library/bundle-document-file';
import {
  CITATION_LOCALE_FILE,
  CITATION_STYLES,
  CITATION_STYLES_FOLDER,
  LICENCES_FILE,
} from '../../main/shared/citation-styles';

interface HeaderFile {
  size: number;
  unpacked?: boolean;
  link?: string;
  integrity?: { algorithm: string; hash: string; blockSize: number; blocks: string[] };
}
interface HeaderDirectory {
  files: Record<string, HeaderDirectory | HeaderFile>;
}

/** Files the app cannot start or work without. */
export const REQUIRED_FILES = [
  'package.json',
  'dist/main/app.js',
  'dist/main/preload.js',
  'dist/main/search-worker.js',
  // The importer's worker (your own documents), started from its source like the search worker.
  'dist/main/import-worker.js',
  'dist/renderer/index.html',
  'dist/renderer/main.js',
  'dist/content/library.json',
  // The licence list About shows, and the vendored CSL styles and locale: citations work offline.
  `dist/main/${LICENCES_FILE}`,
  ...[...CITATION_STYLES.map((style) => style.file), CITATION_LOCALE_FILE].map(
    (file) => `dist/main/${CITATION_STYLES_FOLDER}/${file}`,
  ),
];

/**
 * Data the search and import workers read, unpacked beside the archive (`app.asar.unpacked`, `asarUnpack` in
 * electron-builder.yml): a worker thread cannot read inside app.asar. Code never is: the worker's
 * script stays in the archive and starts from its source (main/search/service/search-worker-source.ts).
 */
export const UNPACKED_DATA = ['dist/content/search/', 'dist/content/docs/', 'dist/main/pdfjs-cmaps/'];

/** Everything shipped lives under one of these (or is package.json itself). */
const ALLOWED_ROOTS = ['dist/main/', 'dist/renderer/', 'dist/content/'];

/** Things that must not ship, with the reason the problem message gives. */
const FORBIDDEN: { pattern: RegExp; reason: string }[] = [
  {
    pattern: /(^|\/)node_modules\//,
    reason: 'node_modules: the bundles are self-contained, no package ships',
  },
  { pattern: /\.(ts|tsx|mts|cts)$/, reason: 'TypeScript source' },
  { pattern: /\.map$/, reason: 'source map' },
  { pattern: /(^|\/)(test|tests|__tests__|e2e)\//, reason: 'tests' },
  { pattern: /\.(test|spec)\.[cm]?js$/, reason: 'tests' },
  { pattern: /(^|\/)(\.ci|bench|\.git|\.github|release|test-results)\//, reason: 'tooling or build output' },
  {
    pattern: /(^|\/)(\.env[^/]*|package-lock\.json|electron-builder\.ya?ml|[^/]+\.tsbuildinfo)$/,
    reason: 'tooling file',
  },
  { pattern: /^dist\/host\//, reason: 'the browser host is a development tool, not part of the app' },
  {
    pattern: /^dist\/content\/build-state\.json$/,
    reason: "the content build's record of its source files, for the next build, not the app",
  },
];

export interface AsarEntry {
  path: string;
  file: HeaderFile;
}

/** Every file in the archive, with '/'-separated paths relative to its root. */
export function listAsarFiles(asarPath: string): AsarEntry[] {
  const { header } = getRawHeader(asarPath) as unknown as { header: HeaderDirectory };
  const files: AsarEntry[] = [];
  const walk = (dir: HeaderDirectory, prefix: string): void => {
    for (const [name, entry] of Object.entries(dir.files)) {
      const full = prefix + name;
      if ('files' in entry) walk(entry, `${full}/`);
      else files.push({ path: full, file: entry });
    }
  };
  walk(header, '');
  return files;
}

/** The bytes of an unpacked file, from `app.asar.unpacked` beside the archive; null when it is not there. */
function readUnpacked(asarPath: string, file: string): Buffer | null {
  try {
    return readFileSync(path.join(`${asarPath}.unpacked`, ...file.split('/')));
  } catch {
    return null;
  }
}

function checkIntegrity(asarPath: string, entry: AsarEntry): string | null {
  const { integrity, unpacked, link } = entry.file;
  if (link !== undefined) return `${entry.path}: a symbolic link inside the archive`;
  if (unpacked) {
    if (!UNPACKED_DATA.some((root) => entry.path.startsWith(root))) {
      return `${entry.path}: unpacked next to the archive, outside asar integrity validation`;
    }
    const bytes = readUnpacked(asarPath, entry.path);
    if (bytes === null) return `${entry.path}: listed as unpacked but missing from app.asar.unpacked`;
    if (bytes.length !== entry.file.size)
      return `${entry.path}: unpacked copy differs in size from the header`;
    return null;
  }
  if (UNPACKED_DATA.some((root) => entry.path.startsWith(root))) {
    return `${entry.path}: inside the archive, where a worker thread cannot read it (asarUnpack)`;
  }
  if (!integrity || integrity.algorithm !== 'SHA256' || !integrity.hash) {
    return `${entry.path}: no SHA256 integrity record in the asar header`;
  }
  const actual = createHash('sha256').update(extractFile(asarPath, entry.path)).digest('hex');
  if (actual !== integrity.hash) return `${entry.path}: integrity hash does not match its content`;
  return null;
}

function checkShippedDocuments(asarPath: string, present: Set<string>): string[] {
  let library: unknown;
  try {
    library = JSON.parse(extractFile(asarPath, 'dist/content/library.json').toString('utf8'));
  } catch (error) {
    return [
      `dist/content/library.json cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
  // Since the publishers table the rows are under `documents`; a plain list is the older form.
  const rows: unknown = Array.isArray(library)
    ? library
    : (library as { documents?: unknown } | null)?.documents;
  if (!Array.isArray(rows) || rows.length === 0) {
    return ['dist/content/library.json lists no documents: the app would ship an empty library'];
  }
  const problems: string[] = [];
  for (const meta of rows as { id?: unknown }[]) {
    const file = `dist/content/${bundledDocumentPath(String(meta.id))}`;
    if (!present.has(file)) problems.push(`${file} is listed in library.json but not in the archive`);
  }
  if (![...present].some((file) => file.startsWith('dist/content/search/'))) {
    problems.push('dist/content/search/ is missing: the app would ship without its search index');
  }
  return problems;
}

function checkPackageJson(asarPath: string, present: Set<string>): string[] {
  const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as Record<
    string,
    unknown
  >;
  const problems: string[] = [];
  const main = typeof manifest.main === 'string' ? manifest.main.replace(/^\.\//, '') : '';
  if (!present.has(main))
    problems.push(`package.json "main" (${String(manifest.main)}) is not in the archive`);
  const dependencies = Object.keys((manifest.dependencies as object | undefined) ?? {});
  if (dependencies.length > 0) {
    problems.push(
      `package.json declares runtime dependencies (${dependencies.join(', ')}); the bundles should need none`,
    );
  }
  return problems;
}

/** Checks a packed app.asar; returns one line per problem, empty when it is fit to ship. */
export function checkAsarContents(asarPath: string): string[] {
  let entries: AsarEntry[];
  try {
    entries = listAsarFiles(asarPath);
  } catch (error) {
    return [
      `cannot read ${asarPath} as an asar archive: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
  const present = new Set(entries.map((entry) => entry.path));
  const problems: string[] = [];
  for (const file of REQUIRED_FILES) {
    if (!present.has(file)) problems.push(`${file} is missing from the archive`);
  }
  const reported = new Set<string>();
  for (const entry of entries) {
    const forbidden = FORBIDDEN.find(({ pattern }) => pattern.test(entry.path));
    // A package is one problem, not one per file: name its folder under node_modules.
    const packageDir = /^(.*?node_modules\/(?:@[^/]+\/)?[^/]+\/)/.exec(entry.path)?.[1];
    const shown = forbidden && packageDir ? packageDir : entry.path;
    if (forbidden && reported.has(shown)) continue;
    if (forbidden) {
      reported.add(shown);
      problems.push(`${shown} must not ship (${forbidden.reason})`);
    } else if (entry.path !== 'package.json' && !ALLOWED_ROOTS.some((root) => entry.path.startsWith(root))) {
      problems.push(`${entry.path} must not ship (outside dist/main, dist/renderer and dist/content)`);
    }
    const integrity = checkIntegrity(asarPath, entry);
    if (integrity) problems.push(integrity);
  }
  if (present.has('dist/content/library.json')) problems.push(...checkShippedDocuments(asarPath, present));
  if (present.has('package.json')) problems.push(...checkPackageJson(asarPath, present));
  return problems;
}
