import type { Document } from '../api';
import { ContentError } from '../errors';
import { assembleDocument, type BlockDraft } from '../library/assemble-document';
import { parseRcasHeader } from '../library/rcas-header';
import { splitChunks } from '../library/rcas-chunks';

/**
 * Plain text that is not an RCAS export: blank lines separate paragraphs, lines within one are joined,
 * and the first line is the title (taken out of the body when it stands alone).
 */

const MAX_TITLE = 150;

/** An RCAS export: a header the RCAS parser reads, with a date and at least one author. */
export function looksLikeRcasExport(text: string, fileName: string): boolean {
  try {
    const header = parseRcasHeader(splitChunks(text), fileName);
    return header.published !== null && header.authors.length > 0;
  } catch {
    return false;
  }
}

export function parsePlainText(text: string, fileName: string): Document {
  const chunks = splitChunks(text);
  const first = chunks[0];
  if (first === undefined) throw new ContentError(fileName, null, 'the file is empty');
  const firstLine = first.lines[0] as string;
  const cut = Array.from(firstLine);
  const title = cut.length <= MAX_TITLE ? firstLine : `${cut.slice(0, MAX_TITLE - 1).join('')}…`;
  const titleStandsAlone = first.lines.length === 1 && cut.length <= MAX_TITLE && chunks.length > 1;
  const blocks: BlockDraft[] = (titleStandsAlone ? chunks.slice(1) : chunks).map((chunk) => ({
    type: 'paragraph',
    runs: [{ type: 'text', text: chunk.text }],
  }));
  return assembleDocument(
    fileName,
    { title, series: null, authors: [], published: null, publisher: null, source: null, tags: [] },
    [{ heading: null, blocks }],
    [],
  );
}
