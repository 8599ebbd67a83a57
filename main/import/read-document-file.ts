import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Document } from '../api';
import { ContentError, MarginError } from '../errors';
import type { ContentReader } from '../library/content-build';
import { CONTENT_EXTENSIONS, parseDocumentFile } from '../library/load-document-file';
import { importFile } from './import-file';
import { MAX_IMPORT_BYTES, megabytes } from './import-limits';
import { sniffFormat } from './sniff-format';

/**
 * A file on disk → `Document`, for the publisher's tools (`npm run content -- inspect|build`). The
 * format comes from the bytes. The publisher's own formats (an RCAS `.txt`, a `.md` with front
 * matter) keep their strict parsers, whose errors name the line; PDFs, saved web pages and other text
 * go through the importer. Runs in-process: these are the publisher's files, on the publisher's machine.
 */

export const IMPORTABLE_EXTENSIONS = [...CONTENT_EXTENSIONS, '.pdf', '.html', '.htm'];

export const IMPORTABLE_DESCRIPTION = '.txt, .md, .pdf or .html';

export function isImportableFileName(name: string): boolean {
  return !name.startsWith('.') && IMPORTABLE_EXTENSIONS.includes(extname(name).toLowerCase());
}

export async function readDocumentFile(file: string): Promise<Document> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ContentError(file, null, 'not a file');
    if (info.size > MAX_IMPORT_BYTES)
      throw new ContentError(
        file,
        null,
        `the file is too large (${megabytes(info.size)}; the limit is ${megabytes(MAX_IMPORT_BYTES)})`,
      );
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw new ContentError(
      file,
      null,
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const sniffed = sniffFormat(bytes, file);
  const publisherFormat = CONTENT_EXTENSIONS.includes(extname(file).toLowerCase());
  if (publisherFormat && (sniffed.kind === 'text' || sniffed.kind === 'markdown'))
    return parseDocumentFile(file);
  const result = await importFile(bytes, file);
  if (!result.ok) throw new MarginError('invalid-argument', result.message);
  return result.document;
}

/** The content build's reader for a publisher who bundles PDFs and saved pages as they are. */
export const IMPORTING_READER: ContentReader = {
  isContentFileName: isImportableFileName,
  read: readDocumentFile,
  kinds: IMPORTABLE_DESCRIPTION,
  workerName: 'importing',
};
