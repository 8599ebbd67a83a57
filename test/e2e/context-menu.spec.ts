import { describe, expect, it } from 'vitest';
import type { Annotation, Document } from '../../main/api';
import { canonicalText } from '../../main/library/canonical-text';
import { screenshot } from './harness';
import { eventually, focusedLabel, paintedPoint, paintedTexts, selectInArticle } from './annotations-page';
import { openCommentary } from './reader-page';
import { useHostAndBrowser } from './session-hooks';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const PHRASE = 'Likewise, if there is one issue';

/** The middle of the current selection's first line on screen. */
async function selectionPoint(page: import('playwright-core').Page): Promise<{ x: number; y: number }> {
  return (await page.evaluate(`(() => {
    const root = document.querySelector('mg-app').shadowRoot.querySelector('mg-reader-view')
      .shadowRoot.querySelector('mg-article').shadowRoot;
    const [range] = document.getSelection().getComposedRanges({ shadowRoots: [root] });
    const live = new Range();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const rect = live.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  })()`)) as { x: number; y: number };
}

/** Whether the last right-click's system menu was replaced by Margin's. */
function systemMenuPrevented(page: import('playwright-core').Page): Promise<boolean | null> {
  return page.evaluate(`window.__contextMenuPrevented ?? null`);
}

describe('the context menu in the reader', () => {
  const session = useHostAndBrowser();

  it('opens the selection menu on a right-click over the selection, and a colour chosen by keyboard highlights it', async () => {
    const { page } = session.browser;
    await page.goto(session.host.url);
    await openCommentary(page);
    await page.evaluate(`window.addEventListener('contextmenu', (event) => {
      window.__contextMenuPrevented = event.defaultPrevented;
    })`);
    await selectInArticle(page, PHRASE);
    const point = await selectionPoint(page);
    await page.mouse.click(point.x, point.y, { button: 'right' });
    await eventually(() => focusedLabel(page)).toBe('Highlight yellow');
    expect(await systemMenuPrevented(page)).toBe(true);
    await screenshot(page, 'context-menu-selection');
    await page.keyboard.press('ArrowRight');
    const chosen = await focusedLabel(page);
    expect(chosen).toMatch(/^Highlight \w+$/);
    await page.keyboard.press('Enter');
    const layer = `mg-hl-${chosen!.replace('Highlight ', '')}`;
    await eventually(() => paintedTexts(page, layer)).toEqual([PHRASE]);
    const saved = await session.host.call<Annotation[]>('listAnnotations', [DOC_ID]);
    expect(saved.map((annotation) => annotation.selectors[0]?.exact)).toEqual([PHRASE]);
  });

  it('closes with Escape and gives focus back, leaving the system menu alone where nothing is selected', async () => {
    const { page } = session.browser;
    await selectInArticle(page, 'Gwadar Port');
    const point = await selectionPoint(page);
    await page.mouse.click(point.x, point.y, { button: 'right' });
    await eventually(() => focusedLabel(page)).toBe('Highlight yellow');
    await page.keyboard.press('Escape');
    await eventually(() => page.getByRole('toolbar', { name: 'Highlight the selection' }).count()).toBe(0);
    expect(await focusedLabel(page)).not.toBe('Highlight yellow');
    // The text stays selected (to copy), but its dismissed menu does not come back as the page scrolls
    // or as a late selection change arrives; only a new selection brings it back.
    await page.mouse.wheel(0, 40);
    await page.evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))`);
    await page.evaluate(`document.dispatchEvent(new Event('selectionchange'))`);
    await page.evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))`);
    expect(await page.getByRole('toolbar', { name: 'Highlight the selection' }).count()).toBe(0);
    expect(await page.evaluate(`document.getSelection().toString()`)).toContain('Gwadar Port');

    // Plain text, nothing selected: the system's own menu.
    await page.evaluate(`document.getSelection().removeAllRanges()`);
    await page.mouse.click(point.x, point.y - 80, { button: 'right' });
    expect(await systemMenuPrevented(page)).toBe(false);
  });

  it('opens a highlight’s editor on a right-click on it, where Delete removes it', async () => {
    const { page } = session.browser;
    const [highlight] = await session.host.call<Annotation[]>('listAnnotations', [DOC_ID]);
    const layer = `mg-hl-${highlight.color}`;
    const point = await paintedPoint(page, layer);
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y, { button: 'right' });
    expect(await systemMenuPrevented(page)).toBe(true);
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await editor.waitFor();
    await screenshot(page, 'context-menu-highlight');
    await editor.getByRole('button', { name: 'Delete' }).click();
    await eventually(() => paintedTexts(page, layer)).toEqual([]);
    await eventually(() => session.host.call<Annotation[]>('listAnnotations', [DOC_ID])).toEqual([]);
  });

  it('searches the library for the selection from the menu', async () => {
    const { page } = session.browser;
    await selectInArticle(page, 'Gwadar Port');
    const point = await selectionPoint(page);
    await page.mouse.click(point.x, point.y, { button: 'right' });
    await eventually(() => focusedLabel(page)).toBe('Highlight yellow');
    await page.keyboard.press('End');
    await eventually(() => focusedLabel(page)).toBe('Search the library for the selection');
    await page.keyboard.press('Enter');
    const search = page.getByRole('combobox', { name: 'Search the library' });
    await eventually(() => search.inputValue()).toBe('"Gwadar Port"');
    const results = page.locator('mg-search').getByRole('option');
    await eventually(() => results.count()).toBeGreaterThan(0);
    expect(await results.first().innerText()).toMatch(/Gwadar Port/);
    await screenshot(page, 'context-menu-search');
    // The box has focus: the reader can refine the words or go down the results.
    expect(await focusedLabel(page)).toBe('Search the library');
  });

  it('opens the highlight at the reading cursor with Shift+F10, as a right-click would', async () => {
    const { page } = session.browser;
    const doc = await session.host.call<Document>('getDocument', [DOC_ID]);
    const start = canonicalText(doc).indexOf(PHRASE);
    await session.host.call('createAnnotation', [
      { docId: DOC_ID, range: { start, end: start + PHRASE.length }, color: 'blue' },
    ]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Security Concerns/ }).focus();
    await page.keyboard.press(']');
    await page.keyboard.press('Shift+F10');
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await editor.waitFor();
    // The editor of that highlight, with focus inside it.
    await eventually(() => editor.getByRole('radio', { name: 'Blue' }).isChecked()).toBe(true);
    await eventually(() => editor.evaluate((element) => element.matches(':focus-within'))).toBe(true);
    await page.keyboard.press('Escape');
    await eventually(() => editor.count()).toBe(0);
  });
});
