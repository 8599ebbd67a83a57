import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../main/api';
import { canonicalText } from '../../main/library/canonical-text';
import { openBrowser, screenshot, startHost, type BrowserSession, type MarginHost } from './harness';
import {
  eventually,
  paintedPoint,
  paintedTexts,
  selectInArticle,
  seriousViolations,
} from './annotations-page';
import { openCommentary } from './reader-page';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const QUOTE = 'If one factor has most damaged the Sino-Pakistani partnership, it is terrorism.';

describe('accessibility of highlights and notes (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    describe(`in the ${colorScheme} theme`, () => {
      let host: MarginHost;
      let browser: BrowserSession;

      beforeAll(async () => {
        host = await startHost();
        browser = await openBrowser({ colorScheme });
        const doc = await host.call<Document>('getDocument', [DOC_ID]);
        const start = canonicalText(doc).indexOf(QUOTE);
        await host.call('createAnnotation', [
          {
            docId: DOC_ID,
            range: { start, end: start + QUOTE.length },
            color: 'purple',
            note: 'The *core* claim.',
            tags: ['terrorism'],
          },
        ]);
        await host.call('createAnnotation', [{ docId: DOC_ID, note: 'A note on the whole piece.' }]);
      });

      afterAll(async () => {
        await browser?.close();
        await host?.stop();
      });

      it('finds nothing serious in the reader with the notes panel and the selection menu', async () => {
        const { page } = browser;
        await page.goto(host.url);
        await openCommentary(page);
        await eventually(() => paintedTexts(page, 'mg-hl-purple')).toEqual([QUOTE]);
        await page.getByRole('button', { name: /^Notes/ }).click();
        await page.locator('mg-notes-panel').waitFor();
        await selectInArticle(page, 'Likewise, if there is one issue');
        await page.getByRole('toolbar', { name: 'Highlight the selection' }).waitFor();
        await screenshot(page, `annotations-a11y-reader-${colorScheme}`);
        expect(await seriousViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');
      });

      it('finds nothing serious in the editor', async () => {
        const { page } = browser;
        const point = await paintedPoint(page, 'mg-hl-purple');
        await page.mouse.click(point!.x, point!.y);
        await page.getByRole('dialog', { name: 'Highlight' }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('tab', { name: 'Preview' }).click();
        expect(await seriousViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');
      });

      it('finds nothing serious in the notebook', async () => {
        const { page } = browser;
        await page.getByRole('button', { name: 'Library' }).click();
        await page.getByRole('button', { name: 'Notebook' }).click();
        await page.locator('mg-notebook-view').getByText('The core claim').waitFor();
        await screenshot(page, `annotations-a11y-notebook-${colorScheme}`);
        expect(await seriousViolations(page)).toEqual([]);
      });
    });
  }
});
