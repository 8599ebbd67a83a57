import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Document } from '../api';
import { ContentError } from '../errors';
import { parseMarkdownDocument } from './parse-markdown';
import { parseRcasText } from './parse-rcas-text';

/**
 * Reads a content file from disk and parses it with the parser its extension names. Everything that can
 * be wrong with the file itself (missing, too big, empty, binary, not UTF-8) is checked here, before a
 * parser sees it, and reported as a `ContentError` naming the file and, where it applies, the line.
 */

/** Policy commentary runs to tens of kilobytes; anything this large is not one. */
export const MAX_CONTENT_FILE_BYTES = 5 * 1024 * 1024;

const PARSERS: Record<string, (text: string, fileName: string) => Document> = {
  '.txt': parseRcasText,
  '.md': parseMarkdownDocument,
  '.markdown': parseMarkdownDocument,
};

export const CONTENT_EXTENSIONS = Object.keys(PARSERS);

export function isContentFileName(name: string): boolean {
  return !name.startsWith('.') && CONTENT_EXTENSIONS.includes(extname(name).toLowerCase());
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The text of a file that must be UTF-8 text; the line of the first offending byte otherwise. */
export function decodeContentText(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new ContentError(
      file,
      lineAt(bytes, nul),
      'this is a binary file (it contains NUL bytes), not text',
    );
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const line = lossy.slice(0, Math.max(0, lossy.indexOf('\ufffd'))).split('\n').length;
    throw new ContentError(file, line, 'this file is not UTF-8 text (binary, or saved in another encoding)');
  }
}

export async function parseDocumentFile(file: string): Promise<Document> {
  const extension = extname(file).toLowerCase();
  const parse = PARSERS[extension];
  if (!parse) {
    throw new ContentError(
      file,
      null,
      `unsupported file type "${extension || '(none)'}": use .txt (RCAS Commentary export) or .md (Markdown with front matter)`,
    );
  }
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ContentError(file, null, 'not a file');
    size = info.size;
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw new ContentError(
      file,
      null,
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (size > MAX_CONTENT_FILE_BYTES) {
    throw new ContentError(
      file,
      null,
      `the file is too large (${(size / 1048576).toFixed(1)} MB; the limit is 5 MB)`,
    );
  }
  const text = decodeContentText(await readFile(file), file);
  if (text.trim() === '') throw new ContentError(file, null, 'the file is empty');
  return parse(text, file);
}
