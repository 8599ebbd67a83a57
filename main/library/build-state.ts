import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a content bundle was built from, `OUT/build-state.json`: the build's settings and, per source file
 * in build order, its name, size, modification time, content hash and document id. The next build of
 * the same folder reads it to rebuild only the documents whose files changed (content-rebuild.ts). It
 * is a build tool's file: electron-builder.yml leaves it out of the installed app.
 */

export const BUILD_STATE_FILE = 'build-state.json';

/** Bumped whenever what a build writes changes, so that a bundle of an older build is built afresh. */
export const BUILD_STATE_FORMAT = 1;

/** A source file as the build saw it: stat first, hash next, parse last, so a file changed meanwhile is never taken for the bytes hashed. */
export interface SourceStamp {
  size: number;
  /** Nanoseconds since the epoch, as a decimal string (a double would round them). */
  mtimeNs: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
}

export interface SourceEntry extends SourceStamp {
  /** The file's name in the content folder (the build takes no subfolders). */
  name: string;
  id: string;
}

export interface BuildState {
  format: number;
  /** The search index's format (SEARCH_FORMAT) the bundle was written in. */
  searchFormat: number;
  /**
   * The Margin version that built it: a publisher who upgrades gets documents read by the new
   * parsers, not kept from the old ones. (Within one version the state cannot see the parsers change:
   * `npm run build`, where they are developed, builds its content in full.)
   */
  margin: string;
  /** The reader that read the files (`text`, `importing`): another reader may read them otherwise. */
  reader: string;
  /** Documents per body shard of the search index. */
  shardDocuments: number;
  files: SourceEntry[];
}

export interface FileStat {
  size: number;
  mtimeNs: string;
}

/**
 * On this thread: a stat answered from the kernel's cache takes microseconds, and the pool's hand-over
 * costs more (over the 10,000-file corpus, 0.12–0.19 s one after another against 0.46–0.55 s 256 at a
 * time through the pool); a rebuild stats every file.
 */
export function fileStat(file: string): FileStat {
  const info = statSync(file, { bigint: true });
  return { size: Number(info.size), mtimeNs: info.mtimeNs.toString() };
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file's stamp, stat before hash (see SourceStamp). */
export async function sourceStamp(file: string): Promise<SourceStamp> {
  const { size, mtimeNs } = fileStat(file);
  return { size, mtimeNs, sha256: sha256Of(await readFile(file)) };
}

export function serialiseBuildState(state: BuildState): string {
  // One file a line: a reader (or a diff) of the state of 100,000 files can still find one.
  const files = state.files.map((entry) => JSON.stringify(entry)).join(',\n');
  const { files: _files, ...settings } = state;
  return `${JSON.stringify(settings).slice(0, -1)},"files":[\n${files}\n]}\n`;
}

function isSourceEntry(value: unknown): value is SourceEntry {
  const entry = value as SourceEntry | null;
  return (
    typeof entry?.name === 'string' &&
    typeof entry.id === 'string' &&
    Number.isSafeInteger(entry.size) &&
    typeof entry.mtimeNs === 'string' &&
    typeof entry.sha256 === 'string'
  );
}

/** The state of the bundle in `outDir`, or why there is none to build on (a full build's reason). */
export async function readBuildState(outDir: string): Promise<BuildState | { missing: string }> {
  let text: string;
  try {
    text = await readFile(join(outDir, BUILD_STATE_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      return { missing: `${BUILD_STATE_FILE} cannot be read` };
    try {
      await stat(outDir);
    } catch {
      return { missing: 'no previous bundle' };
    }
    return { missing: `the previous bundle has no ${BUILD_STATE_FILE}` };
  }
  let parsed: Partial<BuildState> | null;
  try {
    parsed = JSON.parse(text) as Partial<BuildState> | null;
  } catch {
    return { missing: `${BUILD_STATE_FILE} is not valid JSON` };
  }
  if (
    typeof parsed?.format !== 'number' ||
    typeof parsed.searchFormat !== 'number' ||
    typeof parsed.margin !== 'string' ||
    typeof parsed.reader !== 'string' ||
    typeof parsed.shardDocuments !== 'number' ||
    !Array.isArray(parsed.files) ||
    !parsed.files.every(isSourceEntry)
  )
    return { missing: `${BUILD_STATE_FILE} is not a build state` };
  return parsed as BuildState;
}
