import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../main/api';
import { screenshot } from './harness';
import { eventually } from './annotations-page';
import { addThroughPicker, importRow, printToPdf, type TestFile } from './import-page';
import { useHostAndBrowser } from './session-hooks';

const TITLE = 'A Page With Traps';
const ARTICLE_ROOT = `document.querySelector('mg-app').shadowRoot.querySelector('mg-reader-view')
  .shadowRoot.querySelector('mg-article').shadowRoot`;

const PROSE =
  'The delegation arrived late in the afternoon and left before the talks had properly begun, which the ministry later described as a scheduling matter rather than a snub.';

/** Everything a saved page could try: scripts, handlers, javascript: links, remote images, frames, a refresh. */
const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title>
<meta http-equiv="refresh" content="0;url=http://example.invalid/refresh">
<link rel="stylesheet" href="http://example.invalid/style.css">
<script>window.__pwned = 'head script';</script>
<script src="http://example.invalid/remote.js"></script>
</head><body onload="window.__pwned = 'body onload'">
<article><h1>${TITLE}</h1>
<p>${PROSE} <img src="http://example.invalid/pixel.png" onerror="window.__pwned = 'img onerror'" alt="pixel"></p>
<p>Read <a href="javascript:window.__pwned = 'javascript link'">the trap</a> or <a href="https://example.org/report">the report</a>. ${PROSE}</p>
<iframe src="http://example.invalid/frame" onload="window.__pwned = 'iframe'"></iframe>
<svg onload="window.__pwned = 'svg onload'"><script>window.__pwned = 'svg script';</script></svg>
<p>${PROSE} <video src="http://example.invalid/clip.mp4" autoplay></video></p>
<p style="background: url(http://example.invalid/bg.png)">${PROSE}</p>
<script>window.__pwned = 'body script';</script>
</article></body></html>`;

describe('hostile files in the browser', () => {
  const session = useHostAndBrowser();
  const requests: string[] = [];
  let truncatedPdf: TestFile;

  beforeAll(async () => {
    const { page, context } = session.browser;
    const whole = await printToPdf(
      context,
      `<!doctype html><html><head><title>Half a Report</title></head><body><h1>Half a Report</h1><p>${PROSE}</p></body></html>`,
    );
    truncatedPdf = {
      name: 'half-a-report.pdf',
      mimeType: 'application/pdf',
      buffer: whole.subarray(0, whole.length >> 1),
    };
    page.on('request', (request) => requests.push(request.url()));
    // Registered before any page script, so a violation during the load or the import counts too.
    await page.addInitScript(`
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.cspViolations.push(event.effectiveDirective + ' ' + event.blockedURI));
    `);
  });

  const yours = async () =>
    (await session.host.call<DocumentSummary[]>('listDocuments')).filter((doc) => doc.origin === 'yours');

  it('imports and shows a page full of scripts, handlers, javascript: links, remote images and frames, running and loading none of it', async () => {
    const { page } = session.browser;
    await page.goto(session.host.url);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    const file = { name: 'traps.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_PAGE) };
    await addThroughPicker(page, [file]);
    await eventually(() => importRow(page, file.name).innerText()).toContain('Imported');
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await eventually(() =>
      page.evaluate(`${ARTICLE_ROOT}.textContent.includes('the talks had properly begun')`),
    ).toBe(true);
    // Give anything that might load or run a moment to do so.
    await page.waitForTimeout(500);

    expect(await page.evaluate(`window.__pwned ?? null`)).toBeNull();
    const article = (await page.evaluate(`(() => {
      const root = ${ARTICLE_ROOT};
      return {
        active: root.querySelectorAll('script, iframe, img, video, svg, object, embed, [onerror], [onload]').length,
        hrefs: [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      };
    })()`)) as { active: number; hrefs: string[] };
    expect(article.active).toBe(0);
    expect(article.hrefs).toEqual(['https://example.org/report']);
    // The log is live (the import itself went to the host), and nothing went anywhere else.
    expect(requests.some((url) => url.startsWith(`${session.host.origin}/api/importDocument`))).toBe(true);
    expect(requests.filter((url) => !url.startsWith(session.host.origin))).toEqual([]);
    expect(await page.evaluate(`window.cspViolations`)).toEqual([]);
    await screenshot(page, 'import-hostile-page');
  });

  it('refuses a truncated PDF and a ".pdf" that is really text, each in one clear line, and the library stays as it was', async () => {
    const { page } = session.browser;
    const before = await yours();
    await page.goto(session.host.url);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    const fake = {
      name: 'quarterly-report.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Quarterly report\n\nThis is a plain text file that only says it is a PDF.\n'),
    };
    await addThroughPicker(page, [truncatedPdf, fake]);

    for (const file of [truncatedPdf, fake]) {
      const line = importRow(page, file.name).locator('.refused');
      await eventually(() => line.count()).toBe(1);
      const text = await line.innerText();
      expect(text).toMatch(new RegExp(`^Refused: ${file.name.replace('.', '\\.')}: `));
      expect(text).not.toContain('\n');
    }
    expect(await importRow(page, fake.name).innerText()).toMatch(/PDF.*text/i);
    await screenshot(page, 'import-refused');
    expect(page.url()).not.toContain('#/read/');
    expect(await yours()).toEqual(before);
    expect(await page.getByRole('article').count()).toBe(1 + before.length);
  });

  it('logs no errors in the page', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
