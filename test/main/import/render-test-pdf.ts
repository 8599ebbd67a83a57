/**
 * Test PDFs made here: an HTML article printed to PDF by Debian's Chromium (`page.pdf()`), the way a
 * think tank's word processor or browser would print it. Nothing is hand-written PDF.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/harness';

export interface PrintOptions {
  /** Running header and footer (Chromium's templates: `pageNumber`, `totalPages` classes). */
  headerTemplate?: string;
  footerTemplate?: string;
}

let browser: Browser | null = null;

async function sharedBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return browser;
}

/** Prints `html` (a whole page) to PDF bytes, A4, with the templates when given. */
export async function printPdf(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const page = await (await sharedBrowser()).newPage();
  try {
    // The page is offline: everything it shows is in `html`.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const templates = options.headerTemplate !== undefined || options.footerTemplate !== undefined;
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: false,
      displayHeaderFooter: templates,
      headerTemplate: options.headerTemplate ?? '<span></span>',
      footerTemplate: options.footerTemplate ?? '<span></span>',
      margin: templates
        ? { top: '25mm', bottom: '25mm', left: '20mm', right: '20mm' }
        : { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

export async function closePrinter(): Promise<void> {
  await browser?.close();
  browser = null;
}
