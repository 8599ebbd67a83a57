/**
 * What the print specs ask: notes made through the real API at passages found by their words, the
 * page printed to PDF by Chromium, and that PDF read back with pdf.js (its text, page by page) and
 * drawn as PNGs to look at. Nothing is faked but `window.print`, which headless Chromium cannot show:
 * the spec counts that the app asked for it, then prints the same page with `page.pdf()`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type { Page } from 'playwright-core';
import type { Annotation, Document, HighlightColor } from '../../main/api';
import { RESULTS_DIR, type MarginHost } from './harness';

/** Installed before the app loads: `window.print` counts its calls instead of opening a dialog. */
export const COUNT_PRINTS = `window.__prints = 0; window.print = () => { window.__prints += 1; };`;

export function printsAsked(page: Page): Promise<number> {
  return page.evaluate('window.__prints');
}

/** The canonical-text range of `words` in the document (a paragraph, caption or heading). */
export function rangeOf(doc: Document, words: string): { start: number; end: number } {
  for (const section of doc.sections) {
    if (section.heading !== null && section.headingStart !== null && section.heading.includes(words)) {
      const start = section.headingStart + section.heading.indexOf(words);
      return { start, end: start + words.length };
    }
    for (const block of section.blocks) {
      const text = (block.type === 'paragraph' ? block.runs : block.caption).map((run) => run.text).join('');
      const at = text.indexOf(words);
      if (at >= 0) return { start: block.start + at, end: block.start + at + words.length };
    }
  }
  throw new Error(`The document has no passage "${words}"`);
}

export interface NoteSpec {
  words: string;
  color: HighlightColor;
  note?: string;
  tags?: string[];
}

/** Highlights (with notes) made through the API, as the page would make them. */
export async function annotate(host: MarginHost, docId: string, specs: NoteSpec[]): Promise<Annotation[]> {
  const doc = await host.call<Document>('getDocument', [docId]);
  const made: Annotation[] = [];
  for (const spec of specs) {
    made.push(
      await host.call<Annotation>('createAnnotation', [
        {
          docId,
          range: rangeOf(doc, spec.words),
          color: spec.color,
          note: spec.note ?? '',
          tags: spec.tags ?? [],
        },
      ]),
    );
  }
  return made;
}

export interface ReadPdf {
  /** Each page's text, its items joined by spaces and white space collapsed. */
  pages: string[];
  /** All pages' text as one string. */
  text: string;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

async function loadPdfJs(): Promise<PdfJs> {
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/**
 * Prints the page (already laid out for print) to PDF as Chromium prints it, keeps the PDF and a PNG
 * of each page in test-results/e2e/<name>-page-N.png, and reads its text back with pdf.js.
 */
export async function printToPdf(page: Page, name: string): Promise<ReadPdf> {
  await page.emulateMedia({ media: 'print' });
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}-print-media.png`), fullPage: true });
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  await fs.writeFile(path.join(RESULTS_DIR, `${name}.pdf`), pdf);
  const pdfjs = await loadPdfJs();
  const loading = pdfjs.getDocument({ data: new Uint8Array(pdf) });
  const document = await loading.promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const pdfPage = await document.getPage(number);
    const content = await pdfPage.getTextContent();
    const words = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    pages.push(words.replace(/\s+/g, ' ').trim());
    const viewport = pdfPage.getViewport({ scale: 1.25 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await pdfPage.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
    await fs.writeFile(path.join(RESULTS_DIR, `${name}-page-${number}.png`), await canvas.encode('png'));
  }
  await loading.destroy();
  return { pages, text: pages.join(' ') };
}

/** The words the app shows on its buttons, menus and panels: none of them may reach the paper. */
export const APP_CHROME = [
  'Library',
  'Print…',
  'Save as PDF',
  'Notebook',
  'Sync',
  'Reading settings',
  'Search the library',
  'Read aloud',
  'Export',
  'Import',
  'Contents',
  'Highlight the selection',
  'Copy with citation',
];
