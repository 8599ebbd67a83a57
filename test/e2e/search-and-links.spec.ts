import type { Document, DocumentSummary } from '../../main/api';
import { canonicalText } from '../../main/library/canonical-text';
import { describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { useHostAndBrowser } from './session-hooks';
import { COMMENTARY_TITLE, openCommentary } from './reader-page';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const SOURCE_URL = /^https:\/\/www\.cacianalyst\.org\//;

describe('search of your own notes, and links that leave Margin', () => {
  const session = useHostAndBrowser();

  it('marks a document with notes in the library and finds the note in its own search group', async () => {
    const doc = await session.host.call<Document>('getDocument', [DOC_ID]);
    const start = canonicalText(doc).indexOf('Gwadar Port');
    expect(start).toBeGreaterThan(0);
    await session.host.call('createAnnotation', [
      {
        docId: DOC_ID,
        range: { start, end: start + 'Gwadar Port'.length },
        note: 'Remember the deep-sea harbour',
      },
    ]);
    const [summary] = await session.host.call<DocumentSummary[]>('listDocuments');
    expect(summary.annotationCount).toBe(1);

    const { page } = session.browser;
    await page.goto(session.host.url);
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: COMMENTARY_TITLE }) });
    await expect.poll(() => card.getByText('1 note').count()).toBe(1);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('harbour');
    const yours = page.getByRole('group', { name: 'Your highlights and notes' });
    await expect.poll(() => yours.getByRole('option').count()).toBe(1);
    expect(await yours.getByRole('option').innerText()).toMatch(/harbour/i);
    await screenshot(page, 'search-yours');

    await yours.getByRole('option').click();
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    expect(page.url()).toContain(`#/read/${DOC_ID}`);
  });

  it('asks before opening the source link, and does nothing when the reader declines', async () => {
    const { page, context } = session.browser;
    await page.goto(session.host.url);
    await openCommentary(page);
    const opened: string[] = [];
    context.on('page', (popup) => opened.push(popup.url()));
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: /Read the original/ }).click();
    await expect.poll(() => asked).toContain('https://www.cacianalyst.org/');
    expect(opened).toEqual([]);
    expect(page.url()).toContain(`#/read/${DOC_ID}`);
  });

  it('opens the source in a new tab, without access back to Margin, when the reader agrees', async () => {
    const { page, context } = session.browser;
    // No network here: answer for the publication's site so that the new tab has something to show.
    await context.route(SOURCE_URL, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<title>The original</title><p>The original article</p>',
      }),
    );
    page.once('dialog', (dialog) => void dialog.accept());
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: /Read the original/ }).click(),
    ]);
    await popup.waitForLoadState();
    expect(popup.url()).toMatch(SOURCE_URL);
    expect(await popup.evaluate('window.opener === null')).toBe(true);
    // Margin itself stayed where it was.
    expect(page.url()).toContain(`#/read/${DOC_ID}`);
    await popup.close();
  });
});
