import type { Preferences } from '../../main/api';
import { describe, expect, it } from 'vitest';
import { screenshot, type BrowserSession } from './harness';
import { useHostAndBrowser } from './session-hooks';
import { COMMENTARY_TITLE, focusedText, openCommentary } from './reader-page';

/** The computed style of the article's text, read through the shadow roots. */
function articleStyle(page: BrowserSession['page']): Promise<{ fontSize: string; maxWidth: string }> {
  return page.evaluate(`(() => {
    const article = document.querySelector('mg-app').shadowRoot.querySelector('mg-reader-view')
      .shadowRoot.querySelector('mg-article');
    const inner = article.shadowRoot.querySelector('article');
    return { fontSize: getComputedStyle(article).fontSize, maxWidth: getComputedStyle(inner).maxWidth };
  })()`);
}

describe('reading by keyboard, with the reader’s own text size and line width', () => {
  const session = useHostAndBrowser();

  it('paints a new reader’s text at the size the store starts with, even before the preferences arrive', async () => {
    const { page } = session.browser;
    const fresh = await session.host.call<Preferences>('getPreferences');
    // The stored preferences never arrive: what shows is what the window paints on its own.
    await page.route('**/api/getPreferences', () => undefined);
    try {
      await page.goto(session.host.url);
      await openCommentary(page);
      expect((await articleStyle(page)).fontSize).toBe(`${fresh.fontSize}px`);
      await page.getByRole('button', { name: 'Reading settings' }).click();
      const size = page.getByRole('group', { name: 'Text size' }).locator('output');
      expect(await size.innerText()).toBe(`${fresh.fontSize} px`);
      expect(await page.getByRole('slider', { name: 'Line width' }).inputValue()).toBe(`${fresh.lineWidth}`);
      await page.keyboard.press('Escape');
    } finally {
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });

  it('reaches and opens a document with the keyboard alone', async () => {
    const { page } = session.browser;
    await page.goto(session.host.url);
    await page.getByRole('link', { name: COMMENTARY_TITLE }).waitFor();
    let reached = false;
    for (let step = 0; step < 12 && !reached; step++) {
      await page.keyboard.press('Tab');
      reached = (await focusedText(page)) === COMMENTARY_TITLE;
    }
    expect(reached).toBe(true);
    await screenshot(page, 'library-keyboard-focus');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    // The reader announces the document: focus moves to its title.
    expect(await focusedText(page)).toBe(COMMENTARY_TITLE);
  });

  it('changes the text size and line width, applies them at once and remembers them', async () => {
    const { page } = session.browser;
    const before = await articleStyle(page);
    const stored = await session.host.call<Preferences>('getPreferences');
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await expect.poll(async () => (await articleStyle(page)).fontSize).toBe(`${stored.fontSize + 2}px`);
    await expect
      .poll(async () => (await session.host.call<Preferences>('getPreferences')).fontSize)
      .toBe(stored.fontSize + 2);

    await page.getByRole('slider', { name: 'Line width' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(async () => (await session.host.call<Preferences>('getPreferences')).lineWidth)
      .toBe(stored.lineWidth - 4);
    await expect.poll(async () => (await articleStyle(page)).maxWidth).not.toBe(before.maxWidth);
    await page.keyboard.press('Escape');
    // Escape closes the panel and gives focus back to its button.
    expect(await page.getByRole('group', { name: 'Reading settings' }).count()).toBe(0);
    expect(await focusedText(page)).toBe('Aa');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    await expect.poll(async () => (await articleStyle(page)).fontSize).toBe(`${stored.fontSize + 2}px`);
  });

  it('says clearly when a document cannot be opened, and offers the way back', async () => {
    const { page } = session.browser;
    await page.goto(`${session.host.origin}/#/read/no-such-document`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toMatch(/could not be opened: .*no-such-document/i);
    await alert.getByRole('button', { name: 'Back to the library' }).click();
    await page.getByRole('link', { name: COMMENTARY_TITLE }).waitFor();
    await page.getByRole('link', { name: COMMENTARY_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
  });

  it('goes back to the library and puts focus on its heading', async () => {
    const { page } = session.browser;
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    expect(await focusedText(page)).toBe('Library');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
  });
});
