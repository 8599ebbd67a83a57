import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Document } from '../api';
import { ContentError } from '../errors';
import { documentMeta } from './assemble-document';
import { DOCS_FOLDER, writeBundledDocument } from './bundle-document-file';
import { LIBRARY_MANIFEST } from './library';
import { libraryManifest } from './library-manifest';
import { isContentFileName, parseDocumentFile } from './load-document-file';
import { writeSearchIndex } from '../search/index/index-build';
import type { ContentReaderName } from './content-build-worker-protocol';
import {
  contentWorkerScript,
  defaultWorkerCount,
  MIN_FILES_FOR_WORKERS,
  readInWorkers,
  type ReadOutcome,
} from './content-build-workers';

/**
 * The content build: every `.txt`/`.md` in `inDir` (not its subfolders; with the importer's reader,
 * PDFs and saved web pages too) → `outDir/library.json`, `outDir/docs/<id>.json.br`
 * (bundle-document-file.ts) and the search index. Files are read, and their documents compressed and
 * written, in worker threads, one per core (content-build-workers.ts); they are taken in sorted order and
 * their documents kept in it, so the bundle is the same byte for byte on every machine and with any
 * number of workers. The first bad file in that order stops the build with its error (file and line).
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
}

async function contentFiles(inDir: string, reader: ContentReader): Promise<string[]> {
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

/** Reads the files in order on this thread, up to the first that fails. */
async function readHere(files: string[], reader: ContentReader): Promise<ReadOutcome> {
  const outcome: ReadOutcome = { documents: [], files: [], failure: null };
  for (const file of files) {
    try {
      outcome.documents.push(await reader.read(file));
      outcome.files.push(file);
    } catch (error) {
      outcome.failure = error as Error;
      break;
    }
  }
  return outcome;
}

/**
 * The documents read, once no two share an id; else the first problem in the files' order (a duplicate
 * id, or the file that failed), the one reading them one after another meets first.
 */
function checkedDocuments({ documents, files, failure }: ReadOutcome): Document[] {
  const fileOf = new Map<string, string>();
  documents.forEach((doc, i) => {
    const file = files[i] as string;
    const other = fileOf.get(doc.id);
    if (other !== undefined) {
      throw new ContentError(
        file,
        null,
        `its document id "${doc.id}" is already taken by ${other}; rename one of the files`,
      );
    }
    fileOf.set(doc.id, file);
  });
  if (failure) throw failure;
  return documents;
}

/**
 * Documents compressed at once on this thread's path: brotli runs on libuv's thread pool (4 threads),
 * so a few at a time keep both cores busy while the memory held stays a few documents' worth.
 */
const DOCUMENTS_IN_FLIGHT = 4;

async function writeDocuments(documents: readonly Document[], dir: string): Promise<void> {
  for (let start = 0; start < documents.length; start += DOCUMENTS_IN_FLIGHT) {
    await Promise.all(
      documents.slice(start, start + DOCUMENTS_IN_FLIGHT).map((doc) => writeBundledDocument(dir, doc)),
    );
  }
}

/** Every document read and its file written into `dir`'s docs/ folder: in workers where it can be. */
async function readAndWriteDocuments(
  files: string[],
  reader: ContentReader,
  dir: string,
  workers: number,
): Promise<Document[]> {
  const script = workers > 0 && reader.workerName ? contentWorkerScript() : null;
  if (script && reader.workerName) {
    return checkedDocuments(
      await readInWorkers({ files, reader: reader.workerName, bundleDir: dir, workers, script }),
    );
  }
  const documents = checkedDocuments(await readHere(files, reader));
  await writeDocuments(documents, dir);
  return documents;
}

/** Moves `staging` to `outDir`, keeping the old bundle until the new one is in place. */
async function swapInto(staging: string, outDir: string, tag: string): Promise<void> {
  const retired = join(dirname(outDir), `.${basename(outDir)}.old-${tag}`);
  let hadOld = true;
  try {
    await rename(outDir, retired);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hadOld = false;
  }
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadOld) await rename(retired, outDir);
    throw error;
  }
  if (hadOld) await rm(retired, { recursive: true, force: true });
}

export async function buildContent(options: ContentBuildOptions): Promise<{ documents: Document[] }> {
  const outDir = resolve(options.outDir);
  const reader = options.reader ?? TEXT_READER;
  const files = await contentFiles(options.inDir, reader);
  const workers = options.workers ?? (files.length >= MIN_FILES_FOR_WORKERS ? defaultWorkerCount() : 0);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(dirname(outDir), `.${basename(outDir)}.staging-${tag}`);
  await mkdir(dirname(outDir), { recursive: true });
  try {
    await mkdir(join(staging, DOCS_FOLDER), { recursive: true });
    const documents = await readAndWriteDocuments(files, reader, staging, workers);
    // Not indented: at 1,000 articles the indentation alone was 180 KB, a fifth of the file.
    await writeFile(
      join(staging, LIBRARY_MANIFEST),
      `${JSON.stringify(libraryManifest(documents.map(documentMeta)))}\n`,
    );
    await writeSearchIndex(documents, staging);
    await swapInto(staging, outDir, tag);
    return { documents };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
