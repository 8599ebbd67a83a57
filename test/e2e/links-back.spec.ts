import type { Annotation, Document } from '../../main/api';
import { canonicalText } from '../../main/library/canonical-text';
import { describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { COMMENTARY_TITLE, painted } from './reader-page';
import { useHostAndBrowser } from './session-hooks';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const PASSAGE = 'Pakistani law prohibits foreign security companies from operating within its borders.';
const GONE = 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e';

describe('links back to a passage in the browser host', () => {
  const session = useHostAndBrowser();

  async function highlightPassage(): Promise<Annotation> {
    const doc = await session.host.call<Document>('getDocument', [DOC_ID]);
    const start = canonicalText(doc).indexOf(PASSAGE);
    expect(start).toBeGreaterThan(0);
    return session.host.call<Annotation>('createAnnotation', [
      { docId: DOC_ID, range: { start, end: start + PASSAGE.length }, color: 'green', note: 'Linked' },
    ]);
  }

  it('opens the document at the highlight and flashes it, from /open/<doc>?annotation=<id>', async () => {
    const highlight = await highlightPassage();
    const { page } = session.browser;
    // The tab signs in once with the address the host printed; the link itself carries no token.
    await page.goto(session.host.url);
    await page.getByRole('link', { name: COMMENTARY_TITLE }).waitFor();
    await page.goto(`${session.host.origin}/open/${DOC_ID}?annotation=${encodeURIComponent(highlight.id)}`);
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    await expect
      .poll(() => painted(page, 'mg-hl-flash'), { interval: 50, timeout: 10_000 })
      .toEqual([expect.objectContaining({ text: PASSAGE, visible: true })]);
    expect(page.url()).toMatch(new RegExp(`#/read/${DOC_ID}$`));
    expect(page.url()).not.toContain(session.host.token);
    await screenshot(page, 'link-back-flash');
    // The flash is brief; the highlight stays.
    await expect.poll(() => painted(page, 'mg-hl-flash'), { timeout: 5_000 }).toEqual([]);
    expect((await painted(page, 'mg-hl-green')).map((range) => range.text)).toEqual([PASSAGE]);
  });

  it('says so, visibly and aloud, when the link names a document the library does not have', async () => {
    const { page } = session.browser;
    await page.goto(`${session.host.origin}/open/no-such-document`);
    const notice = page
      .locator('.notice')
      .getByText(/a document this library does not have \(no-such-document\)/);
    await notice.waitFor();
    await expect
      .poll(() =>
        page.evaluate(`document.querySelector('mg-app').shadowRoot.querySelector('#announcer').textContent`),
      )
      .toMatch(/does not have/);
    expect(page.url()).toMatch(/#\/$/);
  });

  it('opens the document and says the highlight is gone when the link names one that is not in the notes', async () => {
    const { page } = session.browser;
    await page.goto(`${session.host.origin}/open/${DOC_ID}?annotation=${GONE}`);
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    await page
      .locator('.notice')
      .getByText(/The highlight the link leads to is not in your notes any more/)
      .waitFor();
  });

  it('answers a hostile link with one line and no page', async () => {
    const response = await fetch(`${session.host.origin}/open/${DOC_ID}?annotation=javascript:alert(1)`);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('The annotation id is not a URI such as urn:uuid:….\n');
  });
});
