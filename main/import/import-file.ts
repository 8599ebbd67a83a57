import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Document } from '../api';
import { errorDetail, MarginError, printableLine } from '../errors';
import { parseMarkdownDocument } from '../library/parse-markdown';
import { parseRcasText } from '../library/parse-rcas-text';
import type { ImportKind, ImportOptions, ImportResult } from './import-types';
import { parsePdf } from './parse-pdf';
import { looksLikeRcasExport, parsePlainText } from './parse-plain-text';
import { parseWebPage } from './parse-web-page';
import { PdfRefusal } from './pdf-text-layer';
import { sniffFormat } from './sniff-format';

/**
 * The importer's entry point: a file's bytes and name → a `Document`, or one printable line that names
 * the file and says why not. The format comes from the bytes (sniff-format.ts), never from the name
 * alone. This runs in the caller's thread: an app imports untrusted files through the worker runner
 * (import-runner.ts), which runs this in a worker thread with a time and memory limit.
 */
export async function importFile(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const shownName = printableLine(basename(fileName));
  try {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const sniffed = sniffFormat(bytes, fileName);
    let kind: ImportKind = sniffed.kind;
    let document: Document;
    let pages: number | undefined;
    const text = sniffed.text ?? '';
    if (sniffed.kind === 'pdf') {
      const parsed = await parsePdf(bytes, fileName, options);
      document = parsed.document;
      pages = parsed.pages;
    } else if (sniffed.kind === 'html') document = parseWebPage(text, fileName);
    else if (sniffed.kind === 'markdown') document = parseMarkdownDocument(text, fileName);
    else if (looksLikeRcasExport(text, fileName)) {
      kind = 'rcas';
      document = parseRcasText(text, fileName);
    } else document = parsePlainText(text, fileName);
    return { ok: true, document, source: pages === undefined ? { kind, sha256 } : { kind, pages, sha256 } };
  } catch (error) {
    return { ok: false, message: importFailure(error, shownName) };
  }
}

/** One line naming the file: a refusal says why; anything else is an importer fault, said as such. */
export function importFailure(error: unknown, shownName: string): string {
  if (error instanceof MarginError) return error.message;
  if (error instanceof PdfRefusal) return printableLine(`${shownName}: ${error.message}`);
  return printableLine(`${shownName}: the importer could not read this file (${errorDetail(error)})`);
}
