import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { COUNT_PRINTS, printsAsked } from './print-page';
import { useHostAndBrowser } from './session-hooks';

/**
 * The library at a size where drawing every row would show: 1,500 articles. Only the rows on screen
 * (and a few either side) are in the page, the list still says how long it is, and the keyboard walks
 * the whole of it. The views that name documents beside the library (the notebook and its print, the
 * bibliography picker, the export template) never receive the whole library either.
 */

const ARTICLES = 1500;
let contentDir = '';

function article(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((n % 12) + 1).padStart(2, '0');
  return [
    '---',
    `title: 'River report ${String(n).padStart(4, '0')}${n % 10 === 0 ? ' on água security' : ''}'`,
    `authors: [Writer ${n % 40}]`,
    `date: ${2000 + (n % 25)}-${month}-${day}`,
    'publisher:',
    '  name: Institute for Long Rivers',
    '  about:',
    "    - 'An independent body that studies water and borders.'",
    `tags: [water${n % 3 === 0 ? ', dams' : ''}]`,
    '---',
    '',
    `The river rose for the ${n}th time, and the towns downstream were ready.`,
    '',
  ].join('\n');
}

beforeAll(async () => {
  contentDir = await fs.mkdtemp(path.join(os.tmpdir(), 'margin-e2e-library-'));
  await Promise.all(
    Array.from({ length: ARTICLES }, (_, n) =>
      fs.writeFile(path.join(contentDir, `river-report-${n}.md`), article(n)),
    ),
  );
}, 60_000);

afterAll(async () => {
  if (contentDir) await fs.rm(contentDir, { recursive: true, force: true });
});

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

/** The documents the reader has notes on, one of each end of the library. */
const NOTED = ['river-report-7', 'river-report-1207'];

/** Every answer of the API the page receives from now on, with its body, until `stop`. */
function recordApiAnswers(page: Page): { stop(): Promise<Array<{ method: string; body: string }>> } {
  const answers: Array<Promise<{ method: string; body: string }>> = [];
  const onResponse = (response: Response): void => {
    const { pathname } = new URL(response.url());
    if (!pathname.startsWith('/api/')) return;
    answers.push(response.text().then((body) => ({ method: pathname.slice('/api/'.length), body })));
  };
  page.on('response', onResponse);
  return {
    async stop() {
      page.off('response', onResponse);
      return Promise.all(answers);
    },
  };
}

/** The text of the notebook as laid out for print. */
function printedText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      document.querySelector('mg-app')?.shadowRoot?.querySelector('mg-notebook-print')?.shadowRoot
        ?.textContent ?? '',
  );
}

/** What has focus, through the shadow roots: the row's position and the focused element's text. */
function focused(page: Page): Promise<{ position: string | null; text: string }> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    let position: string | null = null;
    while (element?.shadowRoot?.activeElement) {
      element = element.shadowRoot.activeElement;
      const row = element.closest('li[aria-posinset]');
      if (row) position = row.getAttribute('aria-posinset');
    }
    return { position, text: (element as HTMLElement | null)?.innerText ?? '' };
  });
}

describe('a library of 1,500 articles in the browser', () => {
  const session = useHostAndBrowser({
    host: {
      get contentDir() {
        return contentDir;
      },
    },
  });

  it('draws only the rows on screen, while the list says how long it is', async () => {
    const { page } = session.browser;
    await page.goto(session.host.url);
    const rows = page.getByRole('list', { name: 'Documents' }).locator(':scope > li');
    await eventually(() => page.getByText('1,500 documents', { exact: true }).count()).toBe(1);
    await eventually(() => rows.count()).toBeGreaterThan(3);
    expect(await rows.count()).toBeLessThan(30);
    expect(await rows.first().getAttribute('aria-setsize')).toBe('1500');
    expect(await page.getByRole('article').count()).toBeLessThan(30);
    // The scrollbar is the whole list's: the page is as tall as 1,500 rows.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(1500 * 150);
    await screenshot(page, 'library-1500');
  });

  it('walks the whole list by keyboard: Page Down, End and Home, focus moving with it', async () => {
    const { page } = session.browser;
    const first = page.getByRole('list', { name: 'Documents' }).getByRole('link').first();
    await first.focus();
    expect((await focused(page)).position).toBe('1');
    await page.keyboard.press('ArrowDown');
    await eventually(async () => (await focused(page)).position).toBe('2');
    await page.keyboard.press('PageDown');
    await eventually(async () => Number((await focused(page)).position)).toBeGreaterThan(3);
    await page.keyboard.press('End');
    await eventually(async () => (await focused(page)).position).toBe('1500');
    expect((await focused(page)).text).toMatch(/^River report \d{4}/);
    expect(await page.getByRole('article').count()).toBeLessThan(40);

    // Scrolled back to the top by the mouse wheel, the focused row is still there, still focused.
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await eventually(() =>
      page.getByRole('list', { name: 'Documents' }).getByRole('link').first().innerText(),
    ).toMatch(/River report/);
    expect((await focused(page)).position).toBe('1500');
    await page.keyboard.press('Home');
    await eventually(async () => (await focused(page)).position).toBe('1');
  });

  it('filters as you type, ignoring case and accents, and says how many match', async () => {
    const { page } = session.browser;
    const filter = page.getByRole('searchbox', { name: 'Filter documents' });
    await filter.click();
    await page.keyboard.type('AGUA SEC', { delay: 15 });
    await eventually(() => page.getByText('150 of 1,500 documents', { exact: true }).count()).toBe(1);
    const titles = await page.getByRole('list', { name: 'Documents' }).getByRole('link').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toContain('on água security');
    await filter.fill('river report 0042');
    await eventually(() => page.getByText('1 of 1,500 documents', { exact: true }).count()).toBe(1);
    await filter.fill('');
    await eventually(() => page.getByText('1,500 documents', { exact: true }).count()).toBe(1);
  });

  it('opens the notebook, prints it, and opens the bibliography picker and the export template without the whole library crossing', async () => {
    const { page } = session.browser;
    const { host } = session;
    const crossed = recordApiAnswers(page);
    await page.evaluate(COUNT_PRINTS);

    // Before there are notes, the export template previews on the first few of the library by title.
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page.getByRole('button', { name: 'Markdown export template…' }).click();
    const sheet = page.getByRole('dialog', { name: 'Markdown export template' });
    const preview = sheet.getByLabel('Preview', { exact: true });
    const options = sheet.getByRole('combobox', { name: 'Preview on' }).locator('option');
    await eventually(() => preview.textContent()).toContain('# River report 0000');
    expect(await options.count()).toBe(20);
    await sheet.getByRole('button', { name: 'Close' }).click();

    for (const docId of NOTED) await host.call('createAnnotation', [{ docId, note: `Read ${docId} again` }]);

    await page.getByRole('button', { name: 'Notebook' }).click();
    const notebook = page.locator('mg-notebook-view');
    await notebook.getByText('Read river-report-1207 again').waitFor();
    expect(await notebook.getByRole('button', { name: 'River report 0007' }).count()).toBe(1);
    await screenshot(page, 'library-1500-notebook');
    await notebook.getByRole('button', { name: 'Print…' }).click();
    await eventually(() => printsAsked(page)).toBe(1);
    expect(await printedText(page)).toContain('River report 1207');

    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: 'Bibliography…' }).click();
    const picker = page.getByRole('dialog', { name: 'Export a bibliography' });
    await picker.getByText('100 of 1,500 shown').waitFor();
    expect(await picker.getByRole('checkbox').count()).toBe(100);
    await picker.getByRole('button', { name: 'Show more' }).click();
    await picker.getByText('200 of 1,500 shown').waitFor();
    expect(await picker.getByRole('checkbox').count()).toBe(200);
    await picker.getByRole('searchbox', { name: 'Find documents' }).fill('river report 0042');
    await eventually(() => picker.getByRole('checkbox').count()).toBe(1);
    await picker.getByRole('checkbox', { name: 'River report 0042' }).check();
    await picker.getByRole('button', { name: 'Documents with notes' }).click();
    await picker.getByRole('button', { name: 'Export 2 documents' }).waitFor();
    await picker.getByRole('searchbox', { name: 'Find documents' }).fill('river report 004');
    await picker.getByRole('checkbox', { name: 'River report 0042' }).waitFor();
    await picker.getByRole('checkbox', { name: 'River report 0042' }).check();
    await picker.getByRole('button', { name: 'Export 3 documents' }).waitFor();
    await screenshot(page, 'library-1500-bibliography-picker');
    await picker.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page.getByRole('button', { name: 'Markdown export template…' }).click();
    // Now it offers the documents with notes, and starts on the first of them.
    await eventually(() => options.count()).toBe(2);
    const choices = (await options.allInnerTexts()).map((choice) => choice.trim());
    expect([...choices].sort()).toEqual(['River report 0007', 'River report 1207']);
    await eventually(() => preview.textContent()).toContain(`# ${choices[0]}`);
    await sheet.getByRole('button', { name: 'Close' }).click();

    const answers = await crossed.stop();
    const methods = new Set(answers.map((answer) => answer.method));
    for (const method of ['listAnnotatedDocuments', 'listDocumentPage']) expect(methods).toContain(method);
    expect(methods).not.toContain('listDocuments');
    // A library row carries one annotationCount: no answer held more than a page of rows.
    const rowsIn = (body: string) => body.split('"annotationCount"').length - 1;
    const largest = Math.max(...answers.map((answer) => rowsIn(answer.body)));
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(100);
    // The documents with notes: none at first, then the two, whatever the size of the library.
    const annotated = answers.filter(({ method }) => method === 'listAnnotatedDocuments');
    expect(rowsIn(annotated[0].body)).toBe(0);
    expect(rowsIn(annotated[annotated.length - 1].body)).toBe(NOTED.length);
  });

  it('logs no errors in the page', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
