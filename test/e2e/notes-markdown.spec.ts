import { describe, expect, it } from 'vitest';
import { eventually } from './annotations-page';
import { openCommentary } from './reader-page';
import { useHostAndBrowser } from './session-hooks';

/** A note in CommonMark that the old hand-written reader got wrong, with HTML that must stay text. */
const NOTE = [
  'Key points',
  '----------',
  '',
  '***Dawn** wrote* &copy; 2024 &#x2014; see [the report][r] and `` a ` b ``.',
  '',
  '<script>document.title = "owned"</script>',
  '',
  '[bad](javascript:alert(1)) <img src=x onerror="document.title = \'owned\'">',
  '',
  '[r]: https://www.cacianalyst.org/',
].join('\n');

describe('notes in CommonMark, shown in Chromium', () => {
  const session = useHostAndBrowser();

  it('shows a note with setext headings, reference links, entities and nested emphasis, and HTML as text', async () => {
    const { page, pageErrors } = session.browser;
    await page.goto(session.host.url);
    await openCommentary(page);
    await page.keyboard.press('Control+Shift+N');
    const panel = page.locator('mg-notes-panel');
    await panel.waitFor();
    await panel.getByRole('textbox', { name: 'Note on this document' }).fill(NOTE);
    await panel.getByRole('button', { name: 'Add note' }).click();

    const note = panel.locator('[data-annotation-id]').first().locator('mg-markdown');
    await eventually(() => note.locator('p.heading').innerText()).toBe('Key points');
    const paragraphs = note.locator('p:not(.heading)');
    // Entities are decoded in the browser build of the parser too (through the DOM).
    expect(await paragraphs.nth(0).innerText()).toBe('Dawn wrote © 2024 — see the report and a ` b.');
    expect(await paragraphs.nth(0).locator('em > strong').innerText()).toBe('Dawn');
    const link = paragraphs.nth(0).getByRole('link', { name: 'the report' });
    expect(await link.getAttribute('href')).toBe('https://www.cacianalyst.org/');
    expect(await paragraphs.nth(1).innerText()).toBe('<script>document.title = "owned"</script>');
    expect(await paragraphs.nth(2).innerText()).toBe('bad <img src=x onerror="document.title = \'owned\'">');
    expect(await note.locator('script, img, a[href^="javascript"]').count()).toBe(0);
    expect(await page.title()).not.toBe('owned');
    expect(pageErrors).toEqual([]);
  });
});
