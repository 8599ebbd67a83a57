import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Document } from '../../../main/api';
import { importFile } from '../../../main/import/import-file';
import { blockText } from '../../../main/library/canonical-text';
import { parseRcasText } from '../../../main/library/parse-rcas-text';
import { articleHtml } from './article-html';
import { HYPHENATED, SECTIONS, testArticle, TITLE } from './test-article';
import { closePrinter, printPdf } from './render-test-pdf';

const ROOT = join(__dirname, '../../..');
const RCAS_FILE = join(ROOT, 'content/security-concerns-impede-china-pakistan-relations.txt');

const texts = (blocks: Block[]) => blocks.map((block) => blockText(block));

let article: { document: Document; pages?: number };
let rcasFromPdf: Document;

beforeAll(async () => {
  const pdf = await printPdf(testArticle(), {
    headerTemplate:
      '<div style="font-size:8px;width:100%;text-align:center">Example Institute · Policy Brief 7</div>',
    footerTemplate:
      '<div style="font-size:8px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
  });
  const result = await importFile(pdf, 'regional-grids.pdf');
  if (!result.ok) throw new Error(result.message);
  article = { document: result.document, pages: result.source.pages };

  const rcas = parseRcasText(readFileSync(RCAS_FILE, 'utf8'), RCAS_FILE);
  const rcasPdf = await printPdf(articleHtml(rcas), {
    footerTemplate:
      '<div style="font-size:8px;width:100%;text-align:center"><span class="pageNumber"></span></div>',
  });
  const rcasResult = await importFile(rcasPdf, 'security-concerns-impede-china-pakistan-relations.pdf');
  if (!rcasResult.ok) throw new Error(rcasResult.message);
  rcasFromPdf = rcasResult.document;
}, 60_000);
afterAll(closePrinter);

describe('parsePdf on PDFs printed by Chromium', () => {
  it('runs over several pages with a running header and numbered footer that do not reach the text', () => {
    expect(article.pages).toBeGreaterThanOrEqual(3);
    const all = JSON.stringify(article.document.sections);
    expect(all).not.toContain('Policy Brief 7');
    expect(all).not.toMatch(/Page \d+ of \d+/);
  });

  it('joins the wrapped title and reads the byline and date from page 1', () => {
    expect(article.document.title).toBe(TITLE);
    expect(article.document.authors).toEqual([
      { name: 'Jane Doe', role: null },
      { name: 'John Roe', role: 'Senior Fellow, Example Institute' },
    ]);
    expect(article.document.published).toBe('2025-05-20');
  });

  it('gives back every section and paragraph of the source, across page and column breaks', () => {
    const got = article.document.sections.map((section) => ({
      heading: section.heading,
      paragraphs: texts(section.blocks.filter((block) => block.type === 'paragraph')),
    }));
    expect(got).toEqual(SECTIONS.map(({ heading, paragraphs }) => ({ heading, paragraphs })));
  });

  it('undoes the soft hyphen and keeps the real one', () => {
    const background = article.document.sections.find((s) => s.heading === 'Background');
    expect(texts(background?.blocks ?? [])).toContain(HYPHENATED);
  });

  it('turns the caption into a figure with its credit, in its place', () => {
    const background = article.document.sections.find((s) => s.heading === 'Background');
    expect(background?.blocks.at(-1)).toMatchObject({
      type: 'figure',
      caption: [{ type: 'text', text: 'Figure 1: The regional grid in 2024' }],
      credit: 'Example Agency',
    });
  });

  it('reads a commentary laid out like RCAS’s into the same structure as its text export', () => {
    const rcas = parseRcasText(readFileSync(RCAS_FILE, 'utf8'), RCAS_FILE);
    const shape = (doc: Document) => ({
      title: doc.title,
      series: doc.series,
      authors: doc.authors,
      published: doc.published,
      sections: doc.sections.map((section) => ({
        heading: section.heading,
        blocks: section.blocks.map((block) => `${block.type}: ${blockText(block)}`),
      })),
      bio: texts(doc.authorBio),
      source: doc.source?.url,
      publisher: doc.publisher?.contact,
    });
    expect(shape(rcasFromPdf)).toEqual(shape(rcas));
    // The publisher's box is kept, but out of the article.
    expect(rcasFromPdf.publisher?.about.length).toBeGreaterThan(2);
    expect(rcasFromPdf.wordCount).toBe(rcas.wordCount);
  });
});

describe('parsePdf refusals', () => {
  it('says a PDF without a text layer has nothing to import', async () => {
    const pdf = await printPdf(
      '<!doctype html><body><div style="height:300px;border:4px solid black"></div></body>',
    );
    const result = await importFile(pdf, 'scan.pdf');
    expect(result).toEqual({
      ok: false,
      message: 'scan.pdf: no text to import; Margin does not read scanned images',
    });
  });

  it('refuses a truncated PDF with one line naming the file', async () => {
    const pdf = await printPdf('<!doctype html><body><p>Some text.</p></body>');
    const result = await importFile(pdf.subarray(0, 400), 'cut.pdf');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(
        /^cut\.pdf: this PDF is damaged or incomplete|^cut\.pdf: no text to import/,
      );
  });
});
