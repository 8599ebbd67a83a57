import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../main/api';
import { canonicalText } from '../../main/library/canonical-text';
import { openBrowser, screenshot, startHost, type BrowserSession, type MarginHost } from './harness';
import { eventually, paintedTexts, seriousViolations } from './annotations-page';
import { COMMENTARY_TITLE } from './reader-page';
import { focusedText, pressUntil } from './keyboard-page';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const QUOTE = 'If one factor has most damaged the Sino-Pakistani partnership, it is terrorism.';

/** How wide the page's content is against its window: more means horizontal scrolling. */
const OVERFLOW = `(() => {
  const wide = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      if (rect.right > document.scrollingElement.clientWidth + 1 && rect.width > 0) wide.push(element.localName + '.' + element.className + ' ' + Math.round(rect.left) + '-' + Math.round(rect.right));
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(document);
  return { scrollWidth: document.scrollingElement.scrollWidth, clientWidth: document.scrollingElement.clientWidth, wide: wide.slice(0, 8) };
})()`;

/** Each header control's box, to see none is pushed off screen or shrunk to nothing. */
const HEADER_CONTROLS = `(() => {
  const app = document.querySelector('mg-app').shadowRoot;
  const boxes = [];
  for (const element of app.querySelectorAll('header button, header mg-search, header mg-reading-settings')) {
    const rect = element.getBoundingClientRect();
    boxes.push({ name: element.getAttribute('aria-label') ?? element.localName ?? '', left: rect.left, right: rect.right, width: rect.width, height: rect.height });
  }
  return boxes;
})()`;

/** The style the browser gives a highlight layer on the first block it paints. */
const highlightStyle = (layer: string) => `(() => {
  const range = [...(CSS.highlights.get('${layer}') ?? [])][0];
  const element = range?.startContainer.parentElement.closest('[data-start]');
  if (!element) return null;
  const style = getComputedStyle(element, '::highlight(${layer})');
  return { background: style.backgroundColor, line: style.textDecorationLine, style: style.textDecorationStyle };
})()`;

describe('seeing: forced colours, zoom and a narrow window', () => {
  let host: MarginHost;
  let browser: BrowserSession;

  beforeAll(async () => {
    host = await startHost();
    browser = await openBrowser();
    const doc = await host.call<Document>('getDocument', [DOC_ID]);
    const start = canonicalText(doc).indexOf(QUOTE);
    await host.call('createAnnotation', [
      { docId: DOC_ID, range: { start, end: start + QUOTE.length }, color: 'green', note: 'Core claim.' },
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('keeps highlights and the focus ring visible in forced colours, with nothing serious for axe', async () => {
    const { page } = browser;
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(`${host.url}#/read/${DOC_ID}`);
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    await eventually(() => paintedTexts(page, 'mg-hl-green')).toEqual([QUOTE]);
    const painted = await page.evaluate<{ background: string; line: string; style: string } | null>(
      highlightStyle('mg-hl-green'),
    );
    // The system Mark colour and a double underline: green stays green's own in high contrast.
    expect(painted).toMatchObject({ line: 'underline', style: 'double' });
    expect(painted?.background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    await pressUntil(page, 'ArrowDown', async () => (await focusedText(page)).includes(QUOTE));
    await page.keyboard.press('ArrowRight');
    const outline = await page.evaluate<string>(`(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return getComputedStyle(active).outlineStyle;
    })()`);
    expect(outline).not.toBe('none');
    await screenshot(page, 'seeing-forced-colors-reader');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Reading settings' }).focus();
    await page.keyboard.press('Enter');
    await screenshot(page, 'seeing-forced-colors-settings');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.emulateMedia({ forcedColors: 'none' });
  });

  for (const { name, width, height } of [
    // 1280 × 800 at 200% zoom lays out as 640 × 400 CSS px.
    { name: 'zoom-200', width: 640, height: 400 },
    // WCAG 1.4.10: 320 CSS px wide (1280 px at 400%).
    { name: 'width-320', width: 320, height: 640 },
  ]) {
    it(`reflows at ${width} CSS px without horizontal scrolling or lost controls (${name})`, async () => {
      const { page } = browser;
      await page.setViewportSize({ width, height });
      for (const [view, ready] of [
        ['#/', () => page.getByRole('link', { name: COMMENTARY_TITLE }).waitFor()],
        [`#/read/${DOC_ID}`, () => page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor()],
        ['#/notebook', () => page.locator('mg-notebook-view').getByText('Core claim').waitFor()],
      ] as const) {
        await page.goto(`${host.url}${view}`);
        await ready();
        await screenshot(page, `seeing-${name}-${view.split('/')[1] || 'library'}`);
        const overflow = await page.evaluate<{ scrollWidth: number; clientWidth: number; wide: string[] }>(
          OVERFLOW,
        );
        expect(
          overflow.scrollWidth,
          `${view} scrolls sideways: ${overflow.wide.join(', ')}`,
        ).toBeLessThanOrEqual(overflow.clientWidth);
        const controls =
          await page.evaluate<Array<{ name: string; left: number; right: number; width: number }>>(
            HEADER_CONTROLS,
          );
        for (const control of controls) {
          expect(control.width, `${control.name} in ${view}`).toBeGreaterThan(20);
          expect(control.left, `${control.name} in ${view}`).toBeGreaterThanOrEqual(0);
          expect(control.right, `${control.name} in ${view}`).toBeLessThanOrEqual(width);
        }
        expect(await seriousViolations(page)).toEqual([]);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  }
});
