import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Document, DocumentMeta } from '../api';
import { ContentError } from '../errors';
import { DOCS_FOLDER } from './bundle-document-file';
import { LIBRARY_MANIFEST } from './library';
import { libraryManifest } from './library-manifest';
import { isContentFileName, parseDocumentFile } from './load-document-file';
import { SearchIndexWriter, type SearchIndexOptions } from '../search/index/index-build';
import { BODY_SHARD_DOCUMENTS, SEARCH_FORMAT } from '../search/index/search-files';
import type { ContentReaderName } from './content-build-worker-protocol';
import { defaultWorkerCount, MIN_FILES_FOR_WORKERS, readAndWriteDocuments } from './content-build-workers';
import { BUILD_STATE_FILE, BUILD_STATE_FORMAT, serialiseBuildState, type BuildState } from './build-state';
import { startStaging, swapInto } from './bundle-staging';
import { readerName, rebuildChangedOnly } from './content-rebuild';
import { version } from '../../package.json';

/**
 * The content build: every `.txt`/`.md` in `inDir` (not its subfolders; with the importer's reader,
 * PDFs and saved web pages too) → `outDir/library.json`, `outDir/docs/<id>.json.zst`
 * (bundle-document-file.ts) and the search index. Files are read, and their documents compressed and
 * written, in worker threads, one per core (content-build-workers.ts); they are taken in sorted order and
 * their documents kept in it, so the bundle is the same byte for byte on every machine and with any
 * number of workers. Each is handed to the search index as soon as every one before it has been: the
workers analyse their documents' text for the index too, so the build's own thread holds no Document.
The first bad file in that order stops the build with its error (file and line).
 * Everything is written into a sibling staging folder that replaces `outDir` only once complete, so a
 * failed build leaves the previous bundle exactly as it was.
 */

/** Which files a build takes and how it reads them; the importer supplies one that reads PDFs too. */
export interface ContentReader {
  isContentFileName(name: string): boolean;
  read(file: string): Promise<Document>;
  /** The file kinds, for the message of a folder with nothing to build: ".txt or .md". */
  kinds: string;
  /** The same reader as the build's workers know it; a reader without one reads on the build's thread. */
  workerName?: ContentReaderName;
}

const TEXT_READER: ContentReader = {
  isContentFileName,
  read: parseDocumentFile,
  kinds: '.txt or .md',
  workerName: 'text',
};

export interface ContentBuildOptions {
  inDir: string;
  outDir: string;
  reader?: ContentReader;
  /**
   * Worker threads that read and compress the files: 0 reads them on this thread. By default one per
   * core, for a folder of at least MIN_FILES_FOR_WORKERS (1,000) files. The bundle is the same either way.
   */
  workers?: number;
  /** Builds everything again even where the bundle in `outDir` could be rebuilt in part. */
  full?: boolean;
  /** The search index's settings (tests make its shards small). */
  search?: SearchIndexOptions;
}

/** What a build did, for the CLI to say. */
export type ContentBuildOutcome =
  | { kind: 'full'; reason: string }
  | { kind: 'rebuilt'; changed: number }
  | { kind: 'up-to-date'; touched: number };

export interface ContentBuildResult {
  documents: DocumentMeta[];
  outcome: ContentBuildOutcome;
}

export async function contentFiles(inDir: string, reader: ContentReader): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(inDir, { withFileTypes: true });
  } catch {
    throw new ContentError(inDir, null, 'the content folder does not exist or cannot be read');
  }
  const names = entries
    .filter((entry) => entry.isFile() && reader.isContentFileName(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) throw new ContentError(inDir, null, `no ${reader.kinds} files to build`);
  return names.map((name) => join(inDir, name));
}

export async function buildContent(options: ContentBuildOptions): Promise<ContentBuildResult> {
  const reader = options.reader ?? TEXT_READER;
  const files = await contentFiles(options.inDir, reader);
  let reason = 'asked for (--full)';
  if (!options.full) {
    const rebuilt = await rebuildChangedOnly({ ...options, reader, files });
    if (!('reason' in rebuilt)) return rebuilt;
    reason = rebuilt.reason;
  }
  return { ...(await buildEverything({ ...options, reader }, files)), outcome: { kind: 'full', reason } };
}

async function buildEverything(
  options: ContentBuildOptions & { reader: ContentReader },
  files: string[],
): Promise<{ documents: DocumentMeta[] }> {
  const { reader } = options;
  const workers = options.workers ?? (files.length >= MIN_FILES_FOR_WORKERS ? defaultWorkerCount() : 0);
  const shardDocuments = options.search?.shardDocuments ?? BODY_SHARD_DOCUMENTS;
  const bundle = await startStaging(options.outDir);
  const { staging } = bundle;
  let index: SearchIndexWriter | undefined;
  try {
    await mkdir(join(staging, DOCS_FOLDER), { recursive: true });
    index = await SearchIndexWriter.create(staging, files.length, { shardDocuments });
    const writer = index;
    const documents: DocumentMeta[] = [];
    const state: BuildState = {
      format: BUILD_STATE_FORMAT,
      searchFormat: SEARCH_FORMAT,
      margin: version,
      reader: readerName(reader) ?? '',
      shardDocuments,
      files: [],
    };
    const fileOf = new Map<string, string>();
    await readAndWriteDocuments(files, reader, staging, workers, async ({ meta, indexed, source }, file) => {
      const other = fileOf.get(meta.id);
      if (other !== undefined) {
        throw new ContentError(
          file,
          null,
          `its document id "${meta.id}" is already taken by ${other}; rename one of the files`,
        );
      }
      fileOf.set(meta.id, file);
      documents.push(meta);
      state.files.push({ name: basename(file), ...source, id: meta.id });
      await writer.add(indexed);
    });
    // Not indented: at 1,000 articles the indentation alone was 180 KB, a fifth of the file.
    await writeFile(join(staging, LIBRARY_MANIFEST), `${JSON.stringify(libraryManifest(documents))}\n`);
    await index.finish();
    await writeFile(join(staging, BUILD_STATE_FILE), serialiseBuildState(state));
    await swapInto(bundle);
    return { documents };
  } finally {
    await index?.close();
    await rm(staging, { recursive: true, force: true });
  }
}
