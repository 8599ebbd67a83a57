import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Document, DocumentMeta } from '../api';
import { ContentError } from '../errors';
import { documentMeta } from './assemble-document';
import { DOCS_FOLDER, writeBundledDocument } from './bundle-document-file';
import { LIBRARY_MANIFEST } from './library';
import { libraryManifest } from './library-manifest';
import { isContentFileName, parseDocumentFile } from './load-document-file';
import { SearchIndexWriter } from '../search/index/index-build';
import { indexedDocument } from '../search/index/indexed-document';
import type { ContentReaderName } from './content-build-worker-protocol';
import {
  contentWorkerScript,
  defaultWorkerCount,
  MIN_FILES_FOR_WORKERS,
  readInWorkers,
  type TakeDocument,
} from './content-build-workers';

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

/**
 * Every document read and its file written into `dir`'s docs/ folder (in workers where it can be),
 * each handed to `take` in the files' order: the first problem in that order (a file that could not
 * be read, or what `take` threw) stops the build, as reading them one after another would meet it.
 */
async function readAndWriteDocuments(
  files: string[],
  reader: ContentReader,
  dir: string,
  workers: number,
  take: TakeDocument,
): Promise<void> {
  const script = workers > 0 && reader.workerName ? contentWorkerScript() : null;
  if (script && reader.workerName) {
    await readInWorkers({ files, reader: reader.workerName, bundleDir: dir, workers, script, take });
    return;
  }
  for (const file of files) {
    const doc = await reader.read(file);
    await writeBundledDocument(dir, doc);
    await take({ meta: documentMeta(doc), indexed: indexedDocument(doc) }, file);
  }
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

export async function buildContent(options: ContentBuildOptions): Promise<{ documents: DocumentMeta[] }> {
  const outDir = resolve(options.outDir);
  const reader = options.reader ?? TEXT_READER;
  const files = await contentFiles(options.inDir, reader);
  const workers = options.workers ?? (files.length >= MIN_FILES_FOR_WORKERS ? defaultWorkerCount() : 0);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(dirname(outDir), `.${basename(outDir)}.staging-${tag}`);
  await mkdir(dirname(outDir), { recursive: true });
  let index: SearchIndexWriter | undefined;
  try {
    await mkdir(join(staging, DOCS_FOLDER), { recursive: true });
    index = await SearchIndexWriter.create(staging, files.length);
    const writer = index;
    const documents: DocumentMeta[] = [];
    const fileOf = new Map<string, string>();
    await readAndWriteDocuments(files, reader, staging, workers, async ({ meta, indexed }, file) => {
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
      await writer.add(indexed);
    });
    // Not indented: at 1,000 articles the indentation alone was 180 KB, a fifth of the file.
    await writeFile(join(staging, LIBRARY_MANIFEST), `${JSON.stringify(libraryManifest(documents))}\n`);
    await index.finish();
    await swapInto(staging, outDir, tag);
    return { documents };
  } finally {
    await index?.close();
    await rm(staging, { recursive: true, force: true });
  }
}
