import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DocumentMeta } from '../api';
import type { IndexedDocument } from '../search/index/indexed-document';
import { updateSearchIndex } from '../search/index/index-update';
import { BODY_SHARD_DOCUMENTS, SEARCH_FORMAT } from '../search/index/search-files';
import {
  BUILD_STATE_FILE,
  BUILD_STATE_FORMAT,
  fileStat,
  readBuildState,
  serialiseBuildState,
  sourceStamp,
  type BuildState,
  type SourceEntry,
} from './build-state';
import { bundledDocumentPath, DOCS_FOLDER } from './bundle-document-file';
import { linkTree, startStaging, swapInWithDocuments } from './bundle-staging';
import type { ContentBuildOptions, ContentBuildResult, ContentReader } from './content-build';
import { defaultWorkerCount, MIN_FILES_FOR_WORKERS, readAndWriteDocuments } from './content-build-workers';
import { LIBRARY_MANIFEST } from './library';
import { version } from '../../package.json';
import { libraryManifest, manifestDocuments } from './library-manifest';

/**
 * The content build after a few files changed: when the bundle in `outDir` was built from the same
 * file names with the same settings (its build-state.json), only the files whose bytes changed are read
 * again. Each must give the document id it gave before; then the new bundle starts as hard links to the
 * old one's search files, the changed documents, library.json and the build state are written in it,
 * the search index is updated in place (index-update.ts), and it is swapped in with the old bundle's
 * documents folder moved over (bundle-staging.ts). Anything else (a
 * file added, removed or renamed, another id, other settings) is a full build, and says why.
 */

export type RebuildOptions = ContentBuildOptions & { reader: ContentReader; files: string[] };

/** The reader's name in the build state; a reader without one is never trusted to read alike. */
export function readerName(reader: ContentReader): string | null {
  return reader.workerName ?? null;
}

/** Why a full build is needed; thrown while rebuilding when a changed file turns out to need one. */
class FullBuildNeeded extends Error {}

/** A rebuild's result, or the reason it cannot be one (then the caller builds everything). */
export async function rebuildChangedOnly(
  options: RebuildOptions,
): Promise<ContentBuildResult | { reason: string }> {
  const state = await readBuildState(options.outDir);
  if ('missing' in state) return { reason: state.missing };
  const mismatch = settingsMismatch(state, options);
  if (mismatch !== null) return { reason: mismatch };
  const bundle = await bundleAsRecorded(state, options.outDir);
  if ('reason' in bundle) return bundle;
  const { metas } = bundle;
  const entries = await currentEntries(state, options.files);
  const changed = entries.flatMap((entry, n) => (entry.sha256 === state.files[n]?.sha256 ? [] : [n]));
  const touched = entries.filter((entry, n) => entry !== state.files[n]).length - changed.length;
  if (changed.length === 0) {
    // Only modification times moved (a checkout, a copy): the state learns them, so that the next
    // build need not hash those files again; the bundle itself is not touched.
    if (touched > 0)
      await writeFileByRename(
        join(options.outDir, BUILD_STATE_FILE),
        serialiseBuildState({ ...state, files: entries }),
      );
    return { documents: metas, outcome: { kind: 'up-to-date', touched } };
  }
  try {
    const documents = await rebuild(options, { ...state, files: entries }, changed, metas);
    return { documents, outcome: { kind: 'rebuilt', changed: changed.length } };
  } catch (error) {
    if (error instanceof FullBuildNeeded) return { reason: error.message };
    throw error;
  }
}

function settingsMismatch(state: BuildState, options: RebuildOptions): string | null {
  if (state.format !== BUILD_STATE_FORMAT || state.searchFormat !== SEARCH_FORMAT)
    return 'the previous bundle was written in another format';
  if (state.margin !== version) return `the previous bundle was built by Margin ${state.margin.slice(0, 40)}`;
  const reader = readerName(options.reader);
  if (reader === null || state.reader !== reader)
    return 'the files are read by another reader than last time';
  if (state.shardDocuments !== (options.search?.shardDocuments ?? BODY_SHARD_DOCUMENTS))
    return 'the search index is sharded otherwise than last time';
  const names = options.files.map((file) => basename(file));
  const before = new Set(state.files.map((entry) => entry.name));
  if (names.length !== state.files.length || names.some((name, n) => state.files[n]?.name !== name)) {
    const now = new Set(names);
    const added = names.filter((name) => !before.has(name)).length;
    const removed = state.files.filter((entry) => !now.has(entry.name)).length;
    return `files were added or removed since the last build (${added} added, ${removed} removed)`;
  }
  return null;
}

/**
 * The bundle's documents when its library.json and docs/ folder hold what its build state lists (a
 * bundle changed by hand since is built again, not trusted).
 */
async function bundleAsRecorded(
  state: BuildState,
  outDir: string,
): Promise<{ metas: DocumentMeta[] } | { reason: string }> {
  const documentFiles = await readdir(join(outDir, DOCS_FOLDER)).catch(() => [] as string[]);
  const expected = new Set(state.files.map((entry) => basename(bundledDocumentPath(entry.id))));
  if (documentFiles.length !== expected.size || !documentFiles.every((file) => expected.has(file)))
    return {
      reason: `the bundle's ${DOCS_FOLDER}/ folder does not hold the documents its ${BUILD_STATE_FILE} lists`,
    };
  let metas: DocumentMeta[];
  try {
    metas = manifestDocuments(JSON.parse(await readFile(join(outDir, LIBRARY_MANIFEST), 'utf8')));
  } catch {
    return { reason: `the bundle's ${LIBRARY_MANIFEST} cannot be read` };
  }
  if (metas.length !== state.files.length || metas.some((meta, n) => meta?.id !== state.files[n]?.id))
    return {
      reason: `the bundle's ${LIBRARY_MANIFEST} does not list the documents its ${BUILD_STATE_FILE} does`,
    };
  return { metas };
}

/**
 * Each file's entry now: the old entry where size and modification time are the same, else the file
 * stamped again (the same object only where nothing was looked at again).
 */
async function currentEntries(state: BuildState, files: string[]): Promise<SourceEntry[]> {
  const entries: SourceEntry[] = [];
  for (const [n, file] of files.entries()) {
    const before = state.files[n] as SourceEntry;
    const now = fileStat(file);
    entries.push(
      now.size === before.size && now.mtimeNs === before.mtimeNs
        ? before
        : { ...before, ...(await sourceStamp(file)) },
    );
  }
  return entries;
}

/** Writes under a new name and renames over: `file` may be a hard link that another bundle shares. */
async function writeFileByRename(file: string, data: string): Promise<void> {
  const temporary = `${file}.${process.pid}.new`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

async function rebuild(
  options: RebuildOptions,
  state: BuildState,
  changed: number[],
  metas: DocumentMeta[],
): Promise<DocumentMeta[]> {
  const changedFiles = changed.map((n) => options.files[n] as string);
  const position = new Map(changed.map((n) => [options.files[n] as string, n]));
  const workers =
    options.workers ?? (changedFiles.length >= MIN_FILES_FOR_WORKERS ? defaultWorkerCount() : 0);
  const indexed = new Map<number, IndexedDocument>();
  const bundle = await startStaging(options.outDir);
  try {
    await mkdir(join(bundle.staging, DOCS_FOLDER), { recursive: true });
    // The changed documents first, into an empty docs/ folder, so that no link is ever written through.
    await readAndWriteDocuments(
      changedFiles,
      options.reader,
      bundle.staging,
      workers,
      ({ meta, indexed: part, source }, file) => {
        const n = position.get(file) as number;
        const before = state.files[n] as SourceEntry;
        if (meta.id !== before.id)
          throw new FullBuildNeeded(
            `${before.name} now gives the document id "${meta.id}" (it gave "${before.id}")`,
          );
        state.files[n] = { ...before, ...source };
        metas[n] = meta;
        indexed.set(n, part);
      },
    );
    // The documents folder is not linked: the old one moves over at the swap, the changed documents
    // into it.
    linkTree(options.outDir, bundle.staging, new Set([LIBRARY_MANIFEST, BUILD_STATE_FILE, DOCS_FOLDER]));
    await writeFile(join(bundle.staging, LIBRARY_MANIFEST), `${JSON.stringify(libraryManifest(metas))}\n`);
    await writeFile(join(bundle.staging, BUILD_STATE_FILE), serialiseBuildState(state));
    await updateSearchIndex(bundle.staging, indexed);
    await swapInWithDocuments(
      bundle,
      DOCS_FOLDER,
      changed.map((n) => basename(bundledDocumentPath(state.files[n]?.id as string))),
    );
    return metas;
  } finally {
    await rm(bundle.staging, { recursive: true, force: true });
  }
}
