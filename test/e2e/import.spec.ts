import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../main/api';
import { screenshot } from './harness';
import { eventually, paintedTexts, selectInArticle, seriousViolations } from './annotations-page';
import {
  addThroughPicker,
  dropFiles,
  importRow,
  importSeen,
  printToPdf,
  watchImportRows,
  type TestFile,
} from './import-page';
import { COMMENTARY_TITLE, focusedText } from './reader-page';
import { useHostAndBrowser } from './session-hooks';

const PDF_PASSAGE = 'The harbour at Gwadar waits for ships that rarely come';
const PAGE_PASSAGE = 'Monsoon floods rewrote the course of the river twice in one decade';

const paragraph = (text: string) => `<p>${text}</p>`;
const FILLER =
  'Officials in Islamabad and Beijing describe the corridor as a long wager on trade, while the towns along its route weigh the promise against the water they share and the roads they were told would come.';

/** A short think-tank article: title, byline, date, two headed sections of paragraphs. */
const ARTICLE_FOR_PDF = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ports, Pipelines and the Indus Basin</title>
<style>body { font: 11pt/1.5 serif; } h1 { font-size: 24pt; } h2 { font-size: 15pt; }</style></head>
<body><h1>Ports, Pipelines and the Indus Basin</h1>
<p>Ayesha Rahman</p><p>12 March 2025</p>
<h2>Background</h2>
${paragraph(`${PDF_PASSAGE}. The berths were dredged for the largest vessels, yet most weeks the cranes stand still above the water.`)}
${paragraph(FILLER)}
<h2>What Comes Next</h2>
${paragraph('Planners now talk less of the port and more of the pipeline that would run north from Gwadar, carrying oil that would spare tankers the long voyage round the Strait of Malacca.')}
${paragraph(FILLER)}
</body></html>`;

/** A saved web page: navigation, an article with a byline, a footer. */
const SAVED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>River Politics in the Monsoon Years</title>
<meta property="og:title" content="River Politics in the Monsoon Years">
<meta property="og:site_name" content="Delta Review"><meta name="author" content="Omar Siddiqui">
</head><body><header><nav><a href="https://delta.example/">Home</a> <a href="https://delta.example/about">About</a></nav></header>
<main><article><h1>River Politics in the Monsoon Years</h1><p class="byline">By Omar Siddiqui</p>
${paragraph(`${PAGE_PASSAGE}, and each time the villages downstream learned of it from the water itself rather than from any warning sent by the authorities upstream.`)}
${paragraph('Engineers in Sindh argue that the barrages were built for a river that no longer exists, one fed by glaciers that are now retreating faster than the models of the nineteen-nineties allowed for.')}
${paragraph('Traders at Gwadar watch the same skies: a wet season that closes the coastal highway for a fortnight costs more than a year of the port’s quiet, and nobody has yet priced that into the corridor’s accounts.')}
${paragraph(FILLER)}
</article></main><footer>© Delta Review</footer></body></html>`;

const MARKDOWN_NOTE = `# Notes on the Corridor

A short memo of my own on Gwadar and the roads north, to read beside the reports.
`;

describe('your own documents in the browser', () => {
  const session = useHostAndBrowser();
  let pdf: TestFile;
  let savedPage: TestFile;
  let memo: TestFile;

  beforeAll(async () => {
    pdf = {
      name: 'ports-pipelines.pdf',
      mimeType: 'application/pdf',
      buffer: await printToPdf(session.browser.context, ARTICLE_FOR_PDF),
    };
    savedPage = { name: 'delta-review.html', mimeType: 'text/html', buffer: Buffer.from(SAVED_PAGE) };
    memo = { name: 'corridor-notes.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN_NOTE) };
  });

  /** The library row of an imported file, as the host lists it. */
  async function yours(fileName: string): Promise<DocumentSummary> {
    const all = await session.host.call<DocumentSummary[]>('listDocuments');
    const found = all.find((doc) => doc.fileName === fileName);
    if (!found) throw new Error(`${fileName} is not in the library`);
    return found;
  }

  it('adds a saved web page through "Add documents…", shows its row with progress and result, and opens it', async () => {
    const { page } = session.browser;
    await page.goto(session.host.url);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await watchImportRows(page);

    await addThroughPicker(page, [savedPage]);
    await eventually(() => importRow(page, savedPage.name).innerText()).toContain('Imported');
    const doc = await yours(savedPage.name);
    expect(doc).toMatchObject({
      origin: 'yours',
      kind: 'html',
      title: 'River Politics in the Monsoon Years',
    });
    // A file added on its own opens once it is in.
    await page.getByRole('heading', { level: 1, name: doc.title }).waitFor();
    expect(page.url()).toContain(`#/read/${doc.id}`);
    const seen = await importSeen(page);
    expect(seen.statuses).toEqual(expect.arrayContaining(['importing', 'imported']));
    expect(seen.progressBars).toBeGreaterThan(0);
    await screenshot(page, 'import-one-page');
  });

  it('adds a PDF and a Markdown note dropped on the window together, a row each, without leaving the library', async () => {
    const { page } = session.browser;
    await page.goto(session.host.url);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await watchImportRows(page);

    const dropped = await dropFiles(page, [pdf, memo]);
    expect(dropped).toEqual({ tookDragOver: true, tookDrop: true, targetShown: true });
    await eventually(() => importRow(page, pdf.name).innerText()).toContain('Imported');
    await eventually(() => importRow(page, memo.name).innerText()).toContain('Imported');
    expect((await importSeen(page)).statuses).toEqual(
      expect.arrayContaining(['waiting', 'importing', 'imported']),
    );
    // Several files: none opens by itself; each row offers Open.
    expect(page.url()).not.toContain('#/read/');
    expect(await page.locator('mg-drop-target[active]').count()).toBe(0);
    await screenshot(page, 'import-dropped');
    // The list, the origin filter and the cards with their Remove buttons, as axe reads them.
    expect(await seriousViolations(page)).toEqual([]);

    const pdfDoc = await yours(pdf.name);
    expect(pdfDoc).toMatchObject({ kind: 'pdf', title: 'Ports, Pipelines and the Indus Basin' });
    // The library lists both origins, names each file's kind and filters by origin, by keyboard too.
    const cards = page.getByRole('article');
    await eventually(() => cards.count()).toBe(4);
    const yoursCard = cards.filter({ has: page.getByRole('link', { name: pdfDoc.title }) });
    expect(await yoursCard.getByText('PDF', { exact: true }).count()).toBe(1);
    const filter = page.getByRole('radiogroup', { name: 'Show documents' });
    await filter.getByRole('radio', { name: 'Yours' }).click();
    await eventually(() => cards.count()).toBe(3);
    expect(await cards.allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Web page'),
        expect.stringContaining('Markdown'),
        expect.stringContaining('PDF'),
      ]),
    );
    await page.keyboard.press('ArrowLeft');
    await eventually(() => cards.count()).toBe(1);
    expect(await filter.getByRole('radio', { checked: true }).innerText()).toBe('From the publisher');
    expect(await cards.innerText()).toContain(COMMENTARY_TITLE);
    expect(await cards.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    await page.keyboard.press('Home');
    await eventually(() => cards.count()).toBe(4);

    await importRow(page, pdf.name)
      .getByRole('button', { name: `Open ${pdfDoc.title}` })
      .click();
    await page.getByRole('heading', { level: 1, name: pdfDoc.title }).waitFor();
    // axe over the whole page takes a while on a busy machine.
  }, 60_000);

  it('highlights a passage in each, and the highlights are there after a reload', async () => {
    const { page } = session.browser;
    const pdfDoc = await yours(pdf.name);
    const pageDoc = await yours(savedPage.name);
    const menu = page.getByRole('toolbar', { name: 'Highlight the selection' });

    await selectInArticle(page, PDF_PASSAGE);
    await menu.getByRole('button', { name: 'Highlight yellow' }).click();
    await eventually(() => paintedTexts(page, 'mg-hl-yellow')).toEqual([PDF_PASSAGE]);

    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('link', { name: pageDoc.title }).click();
    await page.getByRole('heading', { level: 1, name: pageDoc.title }).waitFor();
    await selectInArticle(page, PAGE_PASSAGE);
    await menu.getByRole('button', { name: 'Highlight green' }).click();
    await eventually(() => paintedTexts(page, 'mg-hl-green')).toEqual([PAGE_PASSAGE]);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: pageDoc.title }).waitFor();
    await eventually(() => paintedTexts(page, 'mg-hl-green')).toEqual([PAGE_PASSAGE]);
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('link', { name: pdfDoc.title }).click();
    await page.getByRole('heading', { level: 1, name: pdfDoc.title }).waitFor();
    await eventually(() => paintedTexts(page, 'mg-hl-yellow')).toEqual([PDF_PASSAGE]);
  });

  it('finds passages of both in one search, beside the bundled article', async () => {
    const { page } = session.browser;
    const titles = [COMMENTARY_TITLE, (await yours(pdf.name)).title, (await yours(savedPage.name)).title];
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Gwadar');
    const results = page.getByRole('listbox', { name: 'Search results' });
    for (const title of titles) {
      const group = results.getByRole('group', { name: new RegExp(`^${title}`) });
      await eventually(() => group.getByRole('option').count()).toBeGreaterThan(0);
      expect(await group.getByRole('option').first().innerText()).toMatch(/Gwadar/);
    }
    await screenshot(page, 'import-search');
    await page.keyboard.press('Escape');
  });

  it('removes a document of yours with Undo, and keeps its notes in the notebook marked removed', async () => {
    const { page } = session.browser;
    const pdfDoc = await yours(pdf.name);
    await page.goto(session.host.url);
    const link = page.getByRole('link', { name: pdfDoc.title });
    await link.waitFor();

    const others = (await session.host.call<DocumentSummary[]>('listDocuments'))
      .filter((doc) => doc.id !== pdfDoc.id)
      .map((doc) => doc.title);
    await page.getByRole('button', { name: `Remove ${pdfDoc.title}` }).click();
    await eventually(() => link.count()).toBe(0);
    // Focus is not lost with the card: it moves to the title of the card that took its place.
    await eventually(async () => others.includes(await focusedText(page))).toBe(true);
    const toast = page.locator('#removal-toast .toast');
    await eventually(() => toast.innerText()).toContain(`Removed “${pdfDoc.title}”`);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => link.count()).toBe(1);
    expect((await yours(pdf.name)).removed).toBe(false);

    await page.getByRole('button', { name: `Remove ${pdfDoc.title}` }).click();
    await eventually(() => link.count()).toBe(0);
    await expect(yours(pdf.name)).rejects.toThrow('not in the library');
    await page.getByRole('button', { name: 'Notebook' }).click();
    const heading = page.getByRole('heading', { level: 2, name: `${pdfDoc.title} (removed)` });
    await heading.waitFor();
    await eventually(() => page.locator('mg-notebook-view').getByText(PDF_PASSAGE).count()).toBe(1);
    await screenshot(page, 'import-removed-in-notebook');

    // Undo from the notebook: the notes are no longer marked removed.
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { level: 2, name: pdfDoc.title, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('button', { name: `Remove ${pdfDoc.title}` }).click();
    await eventually(() => link.count()).toBe(0);
    // What the notebook says comes from the host: the same after a reload.
    await page.getByRole('button', { name: 'Notebook' }).click();
    await page.reload();
    await heading.waitFor();
  });

  it('says a file is already in the library when the same bytes come again by Ctrl+O, and opens it', async () => {
    const { page } = session.browser;
    const pageDoc = await yours(savedPage.name);
    await page.goto(session.host.url);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await addThroughPicker(page, [{ ...savedPage, name: 'delta-review copy.html' }], 'Control+o');
    await eventually(() => importRow(page, 'delta-review copy.html').innerText()).toContain(
      'Already in your library',
    );
    await page.getByRole('heading', { level: 1, name: pageDoc.title }).waitFor();
    const all = await session.host.call<DocumentSummary[]>('listDocuments');
    const names = all.filter((doc) => doc.origin === 'yours').map((doc) => doc.fileName);
    expect(names.sort()).toEqual([memo.name, savedPage.name].sort());
  });

  it('asks about a changed file of the same name, and Replace keeps the document and its notes', async () => {
    const { page } = session.browser;
    const before = await yours(memo.name);
    await session.host.call('createAnnotation', [
      { docId: before.id, note: 'compare with the port figures' },
    ]);
    await page.goto(session.host.url);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    const changed = {
      ...memo,
      buffer: Buffer.from(MARKDOWN_NOTE.replace('# Notes on the Corridor', '# Corridor Notes, Revised')),
    };
    await addThroughPicker(page, [changed]);
    const row = importRow(page, memo.name);
    await eventually(() => row.innerText()).toContain('already in your library');
    await row.getByRole('button', { name: 'Replace (keep my notes, re-anchored)' }).click();
    await eventually(() => row.innerText()).toContain('Imported');
    await page.getByRole('heading', { level: 1, name: 'Corridor Notes, Revised' }).waitFor();
    const after = await yours(memo.name);
    expect(after).toMatchObject({ id: before.id, title: 'Corridor Notes, Revised', annotationCount: 1 });
  });

  it('shows the progress of a long PDF page by page, and Cancel stops it with nothing kept', async () => {
    const { page, context } = session.browser;
    const sections = Array.from(
      // Long enough that a busy machine still shows progress, and takes the click, well before the end.
      { length: 240 },
      (_, i) => `<h2>Part ${i + 1}</h2>${paragraph(FILLER).repeat(6)}<div style="break-after: page"></div>`,
    ).join('');
    const book: TestFile = {
      name: 'long-report.pdf',
      mimeType: 'application/pdf',
      buffer: await printToPdf(
        context,
        `<!doctype html><html><head><title>A Long Report</title></head><body><h1>A Long Report</h1>${sections}</body></html>`,
      ),
    };
    const before = await session.host.call<DocumentSummary[]>('listDocuments');
    await page.goto(session.host.url);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await addThroughPicker(page, [book]);
    const row = importRow(page, book.name);
    await eventually(() => row.innerText()).toMatch(/Reading page \d+ of \d+/);
    await screenshot(page, 'import-progress');
    await row.getByRole('button', { name: `Cancel importing ${book.name}` }).click();
    await eventually(() => row.innerText()).toContain('Cancelled');
    expect(await session.host.call<DocumentSummary[]>('listDocuments')).toEqual(before);
    expect(page.url()).not.toContain('#/read/');
  }, 60_000);

  it('logs no errors in the page', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
