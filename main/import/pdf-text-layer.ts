import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { workerData } from 'node:worker_threads';
import type { ImportProgress } from './import-types';
import { MAX_PDF_PAGES } from './import-limits';
import { PdfLine, type PdfLineInit } from './pdf-line';

/**
 * pdf.js → positioned lines. pdf.js (the legacy build, for Node) runs in this thread with its own
 * "worker" module loaded in-process: the importer is already off the main thread, and the bundle then
 * needs no second file. Fonts are never turned into font faces and no script or eval runs.
 */

export interface PdfTextLayer {
  pages: number;
  /** Title from the document's metadata, when it gives one. */
  metaTitle: string | null;
  metaAuthor: string | null;
  lines: PdfLine[];
}

/** Why a PDF cannot be read, in the reader's words; `PdfRefusal.message` is the one line. */
export class PdfRefusal extends Error {}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoad: Promise<PdfJs> | null = null;

/** Loads pdf.js once per worker; the first PDF, or the runner's warm-up, pays for it. */
export async function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoad ??= (async () => {
    // @ts-expect-error pdf.js ships no types for its worker module; only its presence matters here.
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoad;
}

/**
 * pdf.js's character maps, which CID fonts (CJK, many OpenOffice exports) need for their text: beside
 * the built worker (the app build copies them to dist/main/pdfjs-cmaps), else in the installed package.
 * Without them such a PDF reads as having no text.
 */
function cMapFolder(): string | undefined {
  // A worker started from its source (the packaged app) is told where they were unpacked.
  const given = (workerData as { cMapFolder?: string | null } | null)?.cMapFolder;
  if (given && existsSync(given)) return given + sep;
  const beside = join(__dirname, 'pdfjs-cmaps');
  if (existsSync(beside)) return beside + sep;
  try {
    const installed = join(dirname(createRequire(__filename).resolve('pdfjs-dist/package.json')), 'cmaps');
    return existsSync(installed) ? installed + sep : undefined;
  } catch {
    return undefined;
  }
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL: boolean;
}

const BOLD_FONT = /bold|black|heavy|semibold|demi/i;
const ITALIC_FONT = /italic|oblique/i;

function refusalFor(error: unknown): PdfRefusal {
  const name = (error as { name?: string })?.name;
  // pdf.js can open such a file when given its password; Margin does not ask for passwords yet.
  if (name === 'PasswordException')
    return new PdfRefusal(
      'this PDF is encrypted and needs a password to open; pdf.js could open it with the password, but Margin does not ask for one yet',
    );
  if (name === 'InvalidPDFException')
    return new PdfRefusal('this PDF is damaged or incomplete (pdf.js cannot read its structure)');
  return new PdfRefusal(`pdf.js cannot read this PDF (${(error as Error)?.message ?? String(error)})`);
}

/** Items of one page joined into lines: same baseline, next to each other. */
function pageLines(
  items: TextItem[],
  fonts: Map<string, { bold: boolean; italic: boolean }>,
  page: number,
  size: { width: number; height: number },
): PdfLine[] {
  const lines: PdfLineInit[] = [];
  let current: PdfLineInit | null = null;
  for (const item of items) {
    const [a, b, , d, x, yBase] = item.transform as [number, number, number, number, number, number];
    const fontSize = Math.hypot(a, b) || Math.abs(d) || item.height;
    const text = item.str;
    if (text.trim() === '') {
      if (current && text.length > 0 && current.text !== '' && !current.text.endsWith(' '))
        current.text += ' ';
      if (item.hasEOL) current = null;
      continue;
    }
    const y = size.height - yBase;
    const font = fonts.get(item.fontName) ?? { bold: false, italic: false };
    const sameLine =
      current !== null &&
      Math.abs(current.y - y) < fontSize * 0.4 &&
      x >= current.x + current.width - fontSize * 0.5 &&
      x - (current.x + current.width) < fontSize * 1.5;
    if (current !== null && sameLine) {
      const gap = x - (current.x + current.width);
      if (gap > fontSize * 0.15 && !current.text.endsWith(' ') && !text.startsWith(' ')) current.text += ' ';
      current.text += text;
      current.width = x + item.width - current.x;
      current.size = Math.max(current.size, fontSize);
      current.boldChars += font.bold ? text.length : 0;
      current.chars += text.length;
    } else {
      current = {
        page,
        x,
        y,
        width: item.width,
        size: fontSize,
        text,
        chars: text.length,
        boldChars: font.bold ? text.length : 0,
        italic: font.italic,
        pageWidth: size.width,
        pageHeight: size.height,
      };
      lines.push(current);
    }
    if (item.hasEOL) current = null;
  }
  return lines.map((line) => new PdfLine(line)).filter((line) => line.text !== '');
}

/** Titles that word processors write on their own: the file name, not the document's title. */
const TOOL_TITLE = /^(?:microsoft (?:word|powerpoint) - |untitled\b)|\.(?:docx?|odt|rtf|pdf|indd|tex|txt)$/i;

function metaString(info: unknown, key: string): string | null {
  const value = (info as Record<string, unknown> | null)?.[key];
  if (typeof value !== 'string') return null;
  const text = value
    .replace(/\s+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim();
  return text === '' || TOOL_TITLE.test(text) ? null : text;
}

export async function readPdfTextLayer(
  bytes: Uint8Array,
  onProgress?: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<PdfTextLayer> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over; it gets its own copy.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    fontExtraProperties: true,
    cMapUrl: cMapFolder(),
    cMapPacked: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw refusalFor(error);
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES)
      throw new PdfRefusal(`this PDF has ${pdf.numPages} pages; Margin imports at most ${MAX_PDF_PAGES}`);
    const meta = await pdf.getMetadata().catch(() => null);
    const lines: PdfLine[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      if (signal?.aborted) throw new PdfRefusal('the import was cancelled');
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items.filter((item) => 'str' in item) as TextItem[];
      const fonts = new Map<string, { bold: boolean; italic: boolean }>();
      if (items.some((item) => item.str.trim() !== '')) {
        // Font names (…-Bold) are known once the page's fonts are loaded, i.e. after its operator list.
        await page.getOperatorList().catch(() => undefined);
        for (const fontName of new Set(items.map((item) => item.fontName))) {
          try {
            const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean; italic?: boolean };
            fonts.set(fontName, {
              bold: font.bold === true || BOLD_FONT.test(font.name ?? ''),
              italic: font.italic === true || ITALIC_FONT.test(font.name ?? ''),
            });
          } catch {
            // A font pdf.js could not load: its text is still there, only its weight is unknown.
          }
        }
      }
      lines.push(...pageLines(items, fonts, number, { width: viewport.width, height: viewport.height }));
      page.cleanup();
      onProgress?.({ done: number, total: pdf.numPages });
    }
    return {
      pages: pdf.numPages,
      metaTitle: metaString(meta?.info, 'Title'),
      metaAuthor: metaString(meta?.info, 'Author'),
      lines,
    };
  } catch (error) {
    if (error instanceof PdfRefusal) throw error;
    throw refusalFor(error);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
