import type { PdfLine } from './pdf-line';

/**
 * Rule 5: footnotes. At the foot of a page, below the last line of body text, lines set smaller than
 * the body whose first line starts with a note mark ("1", "12.", "*", "†") are notes, not article: they
 * are lifted out of the page so that no paragraph is cut by them, and kept as notes at the end.
 */

const NOTE_MARK = /^(?:\d{1,3}[.)]?|[*†‡§])\s*\S/u;

export interface SplitNotes {
  body: PdfLine[];
  /** One string per note, in page order. */
  notes: PdfLine[][];
}

export function splitFootnotes(lines: readonly PdfLine[], body: number): SplitNotes {
  const notes: PdfLine[][] = [];
  const noteLines = new Set<PdfLine>();
  const pages = new Map<number, PdfLine[]>();
  for (const line of lines) pages.set(line.page, [...(pages.get(line.page) ?? []), line]);
  for (const pageLines of pages.values()) {
    const bodyLines = pageLines.filter((line) => Math.abs(line.size - body) < 0.6);
    if (bodyLines.length === 0) continue;
    const lastBody = Math.max(...bodyLines.map((line) => line.y));
    const foot = pageLines
      .filter((line) => line.y > lastBody && line.size < body * 0.92 && line.y > line.pageHeight * 0.5)
      .sort((a, b) => a.y - b.y || a.x - b.x);
    if (foot.length === 0 || !NOTE_MARK.test((foot[0] as PdfLine).text)) continue;
    let current: PdfLine[] = [];
    for (const line of foot) {
      if (NOTE_MARK.test(line.text) && current.length > 0 && line.x <= (current[0] as PdfLine).x + 1) {
        notes.push(current);
        current = [];
      }
      current.push(line);
      noteLines.add(line);
    }
    if (current.length > 0) notes.push(current);
  }
  return { body: lines.filter((line) => !noteLines.has(line)), notes };
}
