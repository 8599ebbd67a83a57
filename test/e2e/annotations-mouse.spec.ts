import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../main/api';
import { useHostAndBrowser } from './session-hooks';
import { eventually, paintedTexts } from './annotations-page';
import { openCommentary } from './reader-page';

const PHRASE = 'Likewise, if there is one issue';
const ARTICLE_ROOT = `document.querySelector('mg-app').shadowRoot.querySelector('mg-reader-view')
  .shadowRoot.querySelector('mg-article').shadowRoot`;

describe('highlighting with the mouse', () => {
  const session = useHostAndBrowser();

  it('shows the menu when a drag over words ends, not during it, and highlights exactly those words', async () => {
    const { page } = session.browser;
    await page.goto(session.host.url);
    await openCommentary(page);
    // Where the phrase's first and last characters are on screen.
    const box = (await page.evaluate(`(() => {
      const block = [...${ARTICLE_ROOT}.querySelectorAll('[data-start]')].find((e) => e.textContent.includes(${JSON.stringify(PHRASE)}));
      block.scrollIntoView({ block: 'center', behavior: 'instant' });
      const node = [...block.childNodes].find((n) => n.nodeType === 3 && n.data.includes(${JSON.stringify(PHRASE)}));
      const from = node.data.indexOf(${JSON.stringify(PHRASE)});
      const char = (i) => { const r = new Range(); r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
      const first = char(from);
      const last = char(from + ${PHRASE.length} - 1);
      return { x0: first.left + 1, y0: first.top + first.height / 2, x1: last.right - 1, y1: last.top + last.height / 2 };
    })()`)) as { x0: number; y0: number; x1: number; y1: number };
    const menu = page.getByRole('toolbar', { name: 'Highlight the selection' });

    await page.mouse.move(box.x0, box.y0);
    await page.mouse.down();
    await page.mouse.move((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2, { steps: 5 });
    await page.waitForTimeout(200);
    expect(await menu.count()).toBe(0);
    await page.mouse.move(box.x1, box.y1, { steps: 5 });
    await page.mouse.up();
    await menu.waitFor();

    await menu.getByRole('button', { name: 'Highlight green' }).click();
    await eventually(() => paintedTexts(page, 'mg-hl-green')).toEqual([PHRASE]);
    const [saved] = await session.host.call<Annotation[]>('listAnnotations', [
      'security-concerns-impede-china-pakistan-relations',
    ]);
    expect(saved?.selectors[0]?.exact).toBe(PHRASE);

    // A plain click elsewhere in the text is not a selection: no menu.
    await page.mouse.click(box.x0 + 5, box.y0 - 60);
    await page.waitForTimeout(200);
    expect(await menu.count()).toBe(0);
  });
});
