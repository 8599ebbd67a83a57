import { extname } from 'node:path';
import { ContentError } from '../errors';
import type { ImportKind } from './import-types';
import { MAX_IMPORT_BYTES, megabytes } from './import-limits';

/**
 * What a file is, from its bytes: `%PDF-` near the start is a PDF; markup that opens an HTML document is
 * a web page; UTF-8 text is Markdown (by its name or its front matter) or text. A file whose name claims
 * one format while its bytes are another (a ".pdf" that is a saved login page) is refused, naming both;
 * binary data is "not a document Margin can read".
 */

export type SniffedKind = Exclude<ImportKind, 'rcas'>;

const NAMED: Record<string, SniffedKind> = {
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
};

const KIND_NAMES: Record<SniffedKind, string> = {
  pdf: 'a PDF',
  html: 'a web page (HTML)',
  markdown: 'Markdown text',
  text: 'plain text',
};

const HTML_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const FRONT_MATTER = /^(?:\ufeff)?---\r?\n/;

function startsWithPdfMark(bytes: Uint8Array): boolean {
  // The header may follow a little junk (the PDF specification tolerates it within the first kilobyte).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The file's text when it is UTF-8 (or UTF-16 with a byte-order mark), else a refusal. */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new ContentError(
      fileName,
      lineOf(bytes, nul),
      'this is a binary file (it contains NUL bytes), not a document Margin can read',
    );
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ContentError(
      fileName,
      null,
      'this is not a document Margin can read (binary data, or text in an encoding other than UTF-8)',
    );
  }
}

/** Saved pages declare their encoding in a `<meta charset>`; the text is decoded with it. */
export function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export interface Sniffed {
  kind: SniffedKind;
  /** The decoded text for every kind but PDF. */
  text: string | null;
}

export function sniffFormat(bytes: Uint8Array, fileName: string): Sniffed {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ContentError(
      fileName,
      null,
      `the file is too large (${megabytes(bytes.length)}; Margin imports files up to ${megabytes(MAX_IMPORT_BYTES)})`,
    );
  if (bytes.length === 0) throw new ContentError(fileName, null, 'the file is empty');
  const named = NAMED[extname(fileName).toLowerCase()];
  let sniffed: Sniffed;
  if (startsWithPdfMark(bytes)) sniffed = { kind: 'pdf', text: null };
  else {
    const text = decodeText(bytes, fileName);
    const html = HTML_START.test(text.slice(0, 4096));
    if (html) sniffed = { kind: 'html', text: decodeHtml(bytes) };
    else if (named === 'markdown' || FRONT_MATTER.test(text)) sniffed = { kind: 'markdown', text };
    else sniffed = { kind: 'text', text };
  }
  if (text(sniffed).trim() === '' && sniffed.kind !== 'pdf')
    throw new ContentError(fileName, null, 'the file is empty');
  // Markdown and text are one family: a ".txt" with front matter is fine, a ".md" without is Markdown.
  const family = (kind: SniffedKind) => (kind === 'markdown' ? 'text' : kind);
  if (named !== undefined && family(named) !== family(sniffed.kind))
    throw new ContentError(
      fileName,
      null,
      `the name says ${KIND_NAMES[named]} but the file is ${KIND_NAMES[sniffed.kind]}; rename it to import it`,
    );
  return sniffed;
}

function text(sniffed: Sniffed): string {
  return sniffed.text ?? '';
}
