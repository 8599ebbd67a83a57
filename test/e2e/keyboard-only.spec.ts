import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../main/api';
import { openBrowser, screenshot, startHost, type BrowserSession, type MarginHost } from './harness';
import { eventually, focusedLabel, paintedTexts, selectedText } from './annotations-page';
import { COUNT_MOUSE_EVENTS, focusedText, liveRegion, mouseEvents, pressUntil } from './keyboard-page';
import { COMMENTARY_TITLE } from './reader-page';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const SENTENCE =
  'The diplomatic row between China and Pakistan intensified during a seminar in Islamabad on October 30, when Chinese Ambassador Jiang Zaidong openly rebutted remarks by Pakistan’s Deputy Prime Minister and Foreign Minister Ishaq Dar.';

describe('highlighting and annotating by keyboard alone', () => {
  let host: MarginHost;
  let browser: BrowserSession;

  beforeAll(async () => {
    host = await startHost();
    browser = await openBrowser();
    await browser.page.addInitScript(COUNT_MOUSE_EVENTS);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const list = () => host.call<Annotation[]>('listAnnotations', [DOC_ID]);

  it('walks to a sentence with the reading cursor, hearing each one', async () => {
    const { page } = browser;
    await page.goto(`${host.url}#/read/${DOC_ID}`);
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    await eventually(() => focusedText(page)).toBe(COMMENTARY_TITLE);
    await pressUntil(page, 'ArrowDown', async () => (await focusedText(page)).includes(SENTENCE));
    await page.keyboard.press('ArrowRight');
    await eventually(() => liveRegion(page)).toContain(SENTENCE.slice(0, 60));
    expect(await page.locator('mg-app').getByRole('status').filter({ hasText: SENTENCE }).count()).toBe(1);
  });

  it('selects the sentence with Shift, opens the menu with Shift+F10 and adds a note', async () => {
    const { page } = browser;
    await page.keyboard.press('Shift+ArrowRight');
    await eventually(() => selectedText(page)).toBe(SENTENCE);
    const menu = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await menu.waitFor();
    await page.keyboard.press('Shift+F10');
    await eventually(() => focusedLabel(page)).toBe('Highlight yellow');
    // The toolbar ends with Search, then the citation style picker, Copy with citation, Copy, Add note.
    await page.keyboard.press('End');
    await eventually(() => focusedLabel(page)).toBe('Search the library for the selection');
    await page.keyboard.press('ArrowLeft');
    await eventually(() => focusedLabel(page)).toBe('Citation style');
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowLeft');
    await eventually(() => focusedText(page)).toBe('Add note');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await editor.waitFor();
    await eventually(() => focusedLabel(page)).toBe('Note');
    await page.keyboard.type('Said in public, on purpose.');
    await page.keyboard.press('Control+Enter');
    await eventually(() => editor.count()).toBe(0);
    await eventually(() => paintedTexts(page, 'mg-hl-yellow')).toEqual([SENTENCE]);
    await eventually(async () => (await list())[0]?.note).toBe('Said in public, on purpose.');
    // Focus is back on the paragraph the reader was reading.
    expect(await focusedText(page)).toContain(SENTENCE);
  });

  it('hears the highlight when the cursor enters it, and opens it with Enter to change its colour', async () => {
    const { page } = browser;
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await eventually(() => liveRegion(page)).toContain('highlighted, yellow, has a note');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await editor.waitFor();
    await eventually(() => focusedLabel(page)).toBe('Yellow');
    // In a radio group the arrow key both moves and chooses.
    await page.keyboard.press('ArrowRight');
    await eventually(() => focusedLabel(page)).toBe('Green');
    await eventually(() => paintedTexts(page, 'mg-hl-green')).toEqual([SENTENCE]);
    await eventually(async () => (await list())[0]?.color).toBe('green');
    await page.keyboard.press('Escape');
    await eventually(() => editor.count()).toBe(0);
    expect(await focusedText(page)).toContain(SENTENCE);
  });

  it('makes a second highlight and moves between the two with ] and [', async () => {
    const { page } = browser;
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate<string>(`window.getSelection().toString()`);
    expect(second).toBe('');
    await page.keyboard.press('Shift+ArrowRight');
    const secondSentence = await selectedText(page);
    expect(secondSentence.length).toBeGreaterThan(10);
    await page.getByRole('toolbar', { name: 'Highlight the selection' }).waitFor();
    await page.keyboard.press('Shift+F10');
    await eventually(() => focusedLabel(page)).toBe('Highlight yellow');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await eventually(() => paintedTexts(page, 'mg-hl-blue')).toEqual([secondSentence]);
    await eventually(async () => (await list()).length).toBe(2);

    await page.keyboard.press('[');
    await eventually(() => liveRegion(page)).toContain('highlighted, green, has a note');
    await page.keyboard.press(']');
    await eventually(() => liveRegion(page)).toContain(`highlighted, blue. ${secondSentence.slice(0, 40)}`);
    await page.keyboard.press(']');
    await eventually(() => liveRegion(page)).toContain('No more highlights after this');
    await screenshot(page, 'keyboard-only-second-highlight');
  });

  it('deletes a highlight from its editor, and Undo is announced once', async () => {
    const { page } = browser;
    await page.keyboard.press('[');
    await eventually(() => liveRegion(page)).toContain('highlighted, green, has a note');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await editor.waitFor();
    await pressUntil(page, 'Tab', async () => (await focusedText(page)) === 'Delete', 12);
    await page.keyboard.press('Enter');
    await eventually(() => editor.count()).toBe(0);
    await eventually(async () => (await list()).map((a) => a.color)).toEqual(['blue']);
    expect(await paintedTexts(page, 'mg-hl-green')).toEqual([]);
    await eventually(() => liveRegion(page)).toMatch(/deleted.*Undo is available/i);
    // One live region says it: no other status in the app repeats the toast.
    const statuses = page
      .locator('mg-app')
      .getByRole('status')
      .filter({ hasText: /deleted/i });
    expect(await statuses.count()).toBe(1);
    expect(await focusedText(page)).toContain(SENTENCE);
  });

  it('hears how many passages a search found, once, from the one live region', async () => {
    const { page } = browser;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('terrorism');
    await eventually(() => liveRegion(page)).toMatch(/\d+ passages? in 1 document/);
    const heard = page
      .locator('mg-app')
      .getByRole('status')
      .filter({ hasText: /passages? in 1 document/ });
    expect(await heard.count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('did all of it without a single pointer or mouse event', async () => {
    expect(await mouseEvents(browser.page)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
