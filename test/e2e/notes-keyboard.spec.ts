import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../main/api';
import { canonicalText } from '../../main/library/canonical-text';
import { openBrowser, startHost, type BrowserSession, type MarginHost } from './harness';
import { eventually, focusedLabel, paintedTexts } from './annotations-page';
import { COUNT_MOUSE_EVENTS, focusedText, mouseEvents, pressUntil } from './keyboard-page';
import { COMMENTARY_TITLE } from './reader-page';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const QUOTE = 'If one factor has most damaged the Sino-Pakistani partnership, it is terrorism.';
const OTHER = 'Currently, Balochistan is experiencing its fifth wave of insurgency.';

describe('the notes panel and the notebook by keyboard alone', () => {
  let host: MarginHost;
  let browser: BrowserSession;

  beforeAll(async () => {
    host = await startHost();
    browser = await openBrowser();
    await browser.page.addInitScript(COUNT_MOUSE_EVENTS);
    const text = canonicalText(await host.call<Document>('getDocument', [DOC_ID]));
    for (const [quote, note] of [
      [OTHER, ''],
      [QUOTE, 'The core claim.'],
    ]) {
      const start = text.indexOf(quote);
      await host.call('createAnnotation', [
        { docId: DOC_ID, range: { start, end: start + quote.length }, color: 'pink', note },
      ]);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('opens the panel with Ctrl+Shift+N, jumps to a highlight with Enter, and edits its note', async () => {
    const { page } = browser;
    await page.goto(`${host.url}#/read/${DOC_ID}`);
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    await eventually(async () => (await paintedTexts(page, 'mg-hl-pink')).length).toBe(2);
    await page.keyboard.press('Control+Shift+N');
    await page.locator('mg-notes-panel').waitFor();
    await pressUntil(page, 'Tab', async () => (await focusedText(page)) === QUOTE, 20);
    await page.keyboard.press('Enter');
    await eventually(() => paintedTexts(page, 'mg-hl-flash')).toEqual([QUOTE]);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Edit');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await editor.waitFor();
    await pressUntil(page, 'Tab', async () => (await focusedLabel(page)) === 'Note', 10);
    await page.keyboard.press('End');
    await page.keyboard.type(' Twice over.');
    await page.keyboard.press('Escape');
    await eventually(() => editor.count()).toBe(0);
    expect(await focusedText(page)).toBe('Edit');
    await eventually(async () =>
      (await host.call<Array<{ note: string }>>('listAnnotations', [DOC_ID])).map((a) => a.note),
    ).toContain('The core claim. Twice over.');
  });

  it('filters the notebook by typing and opens a highlight in its document with Enter', async () => {
    const { page } = browser;
    await page.goto(`${host.url}#/notebook`);
    const notebook = page.locator('mg-notebook-view');
    await notebook.getByText('Twice over').waitFor();
    await pressUntil(page, 'Tab', async () => (await focusedLabel(page)) === 'Filter by words', 20);
    await page.keyboard.type('Balochistan');
    await eventually(() => notebook.getByText(QUOTE).count()).toBe(0);
    await pressUntil(page, 'Tab', async () => (await focusedText(page)) === OTHER, 20);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    await eventually(() => paintedTexts(page, 'mg-hl-flash')).toEqual([OTHER]);
  });

  it('needed no pointer or mouse', async () => {
    expect(await mouseEvents(browser.page)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
