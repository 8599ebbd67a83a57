/**
 * The licences of what ships: every npm package esbuild bundled into main, preload, worker or
 * renderer (read from the bundles' metafiles, so it is exactly what is inside, transitive packages
 * included), and the vendored CSL styles. The build writes it to `dist/main/licences.json`; the About
 * sheet shows it.
 */
import type { Metafile } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Licences, LibraryLicence, StyleLicence } from '../main/api';

/** `node_modules/@scope/name/…` or `node_modules/name/…` → the package's folder, the innermost one. */
function packageFolder(input: string): string | null {
  const marker = 'node_modules/';
  const at = input.lastIndexOf(marker);
  if (at < 0) return null;
  const rest = input.slice(at + marker.length).split('/');
  const parts = rest[0].startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1);
  return input.slice(0, at + marker.length) + parts.join('/');
}

function licenceOf(manifest: Record<string, unknown>): string {
  const { license, licenses } = manifest as {
    license?: string | { type?: string };
    licenses?: Array<{ type?: string }>;
  };
  if (typeof license === 'string') return license;
  if (license?.type) return license.type;
  if (Array.isArray(licenses)) return licenses.map((entry) => entry.type ?? '?').join(' OR ');
  return 'UNKNOWN';
}

/** Each bundled package once, by name, with its version and licence from its own package.json. */
export function bundledLibraries(metafiles: Metafile[], root: string): LibraryLicence[] {
  const folders = new Set<string>();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const folder = packageFolder(input.replace(/\\/g, '/'));
      if (folder) folders.add(folder);
    }
  }
  const byName = new Map<string, LibraryLicence>();
  for (const folder of folders) {
    const manifest = JSON.parse(readFileSync(path.join(root, folder, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const name = String(manifest.name ?? path.basename(folder));
    const version = String(manifest.version ?? '');
    const key = `${name}@${version}`;
    if (!byName.has(key)) byName.set(key, { name, version, licence: licenceOf(manifest) });
  }
  return [...byName.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
}

const tag = (xml: string, name: string): string | null =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1].trim() ?? null;

/** Title, update date and licence of each vendored style or locale file, from the file itself. */
export function styleLicences(stylesDir: string): StyleLicence[] {
  return readdirSync(stylesDir)
    .filter((file) => /\.(csl|xml)$/.test(file))
    .sort()
    .map((file) => {
      const xml = readFileSync(path.join(stylesDir, file), 'utf8');
      const rights = /<rights license="([^"]+)">/.exec(xml)?.[1] ?? null;
      return {
        file,
        title: tag(xml, 'title') ?? (file.startsWith('locales-') ? `CSL locale ${file.slice(8, -4)}` : file),
        updated: tag(xml, 'updated')?.slice(0, 10) ?? null,
        licence:
          rights === 'http://creativecommons.org/licenses/by-sa/3.0/'
            ? 'CC-BY-SA-3.0'
            : (rights ?? 'UNKNOWN'),
      };
    });
}

export function licenceList(metafiles: Metafile[], root: string, stylesDir: string): Licences {
  return { libraries: bundledLibraries(metafiles, root), styles: styleLicences(stylesDir) };
}
