import type { Document } from '../api';
import { assembleDocument } from '../library/assemble-document';
import type { ImportProgress } from './import-types';
import { splitFootnotes } from './pdf-notes';
import {
  bodySize,
  groupParagraphs,
  groupText,
  readingOrder,
  removeRunningLines,
  vocabulary,
} from './pdf-reflow';
import { structure } from './pdf-structure';
import { PdfRefusal, readPdfTextLayer } from './pdf-text-layer';

/**
 * A PDF → `Document`: pdf.js reads the positioned lines, the reflow rules (pdf-reflow.ts, pdf-notes.ts)
 * rebuild the article's paragraphs in reading order, and pdf-structure.ts tells title, byline,
 * headings, figures, notes and the publisher's boxes apart. Throws `PdfRefusal` with one line when the
 * PDF cannot be imported.
 */
export async function parsePdf(
  bytes: Uint8Array,
  fileName: string,
  options: { onProgress?: (progress: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<{ document: Document; pages: number }> {
  const layer = await readPdfTextLayer(bytes, options.onProgress, options.signal);
  if (layer.lines.length === 0)
    throw new PdfRefusal('no text to import; Margin does not read scanned images');
  const kept = removeRunningLines(layer.lines);
  const body = bodySize(kept);
  const { body: bodyLines, notes } = splitFootnotes(kept, body);
  const ordered = readingOrder(bodyLines);
  const words = vocabulary([...ordered, ...notes.flat()]);
  const groups = groupParagraphs(ordered).map((group) => ({
    text: groupText(group, words),
    lines: group.lines,
  }));
  const noteTexts = notes.map((lines) => groupText({ lines }, words));
  const parts = structure(groups, noteTexts, body, layer.metaTitle);
  const title = parts.title ?? groups[0]?.text.slice(0, 200) ?? fileName;
  if (!parts.sections.some((section) => section.blocks.length > 0) && groups.length > 0) {
    // Nothing but a title: the text is the document (a one-line PDF is still readable).
    parts.sections[0]?.blocks.push({ type: 'paragraph', runs: [{ type: 'text', text: title }] });
  }
  const authors =
    parts.authors.length > 0 || layer.metaAuthor === null
      ? parts.authors
      : [{ name: layer.metaAuthor, role: null }];
  const document = assembleDocument(
    fileName,
    {
      title,
      series: parts.series,
      authors,
      published: parts.published,
      publisher: parts.publisher,
      source: parts.source,
      tags: [],
    },
    parts.sections,
    parts.bio,
  );
  return { document, pages: layer.pages };
}
