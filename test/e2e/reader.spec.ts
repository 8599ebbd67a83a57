import type { Document, Preferences, ReadingPosition } from '../../main/api';
import { canonicalText } from '../../main/library/canonical-text';
import { describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { useHostAndBrowser } from './session-hooks';
import {
  blockElements,
  blockStartingWith,
  COMMENTARY_TITLE,
  focusedText,
  openCommentary,
  painted,
  paintedTheme,
  topBlock,
} from './reader-page';

const BALOCHISTAN = 'The Balochistan Liberation Army';

describe('reading in the browser', () => {
  const session = useHostAndBrowser();

  it('lists the library with the commentary and its metadata', async () => {
    const { page } = session.browser;
    await page.goto(session.host.url);
    // Each card is an article of its own element (its text is in that element's shadow root).
    const card = page
      .getByRole('article')
      .filter({ has: page.getByRole('link', { name: COMMENTARY_TITLE }) });
    await expect.poll(() => card.count()).toBe(1);
    const text = await card.innerText();
    expect(text).toContain('Ghulam Ali');
    expect(text).toContain('November 20, 2024');
    expect(text).toMatch(/\d+ min read/);
    // The token has left the address bar but the page still talks to the host.
    expect(page.url()).not.toContain('token=');
    await screenshot(page, 'library-light');

    await page.getByRole('searchbox', { name: 'Filter documents' }).fill('no such words anywhere');
    await expect.poll(() => page.getByText('No documents match').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Filter documents' }).fill('ghulam');
    await expect.poll(() => card.count()).toBe(1);
  });

  it('remembers the library sort order', async () => {
    const { page } = session.browser;
    await page.getByRole('button', { name: 'Title' }).click();
    await expect
      .poll(async () => (await session.host.call<Preferences>('getPreferences')).librarySort)
      .toBe('title');
    await expect
      .poll(() => page.getByRole('button', { name: 'Title' }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.getByRole('button', { name: 'Newest' }).click();
    await expect
      .poll(async () => (await session.host.call<Preferences>('getPreferences')).librarySort)
      .toBe('date');
  });

  it('opens the commentary with its headings, figure, source and a separate publisher panel', async () => {
    const { page } = session.browser;
    await openCommentary(page);
    for (const heading of ['BACKGROUND', 'IMPLICATIONS', 'CONCLUSIONS']) {
      await expect.poll(() => page.getByRole('heading', { level: 2, name: heading }).count()).toBe(1);
    }
    const figure = page.locator('figure');
    expect(await figure.locator('figcaption').innerText()).toContain(
      'The Inauguration of China-Pakistan Joint Exercise Warrior-VIII on November 20, 2024.',
    );
    expect(await figure.locator('.credit').innerText()).toContain('China Military');
    const table = page.getByRole('navigation', { name: 'Contents' });
    expect(await table.getByRole('link').allInnerTexts()).toEqual(
      expect.arrayContaining(['Background', 'Implications', 'Conclusions', 'About the author']),
    );
    const article = await page.locator('mg-article article').innerText();
    expect(article).toContain('First published in The Central Asia-Caucasus Analyst on November 20, 2024');
    expect(await page.getByRole('link', { name: /Read the original/ }).getAttribute('href')).toMatch(
      /^https:\/\/www\.cacianalyst\.org\//,
    );
    // The publisher's boilerplate is beside the article, not in it.
    expect(article).not.toContain('nonprofit research organization');
    await page.getByText('About the publisher').click();
    await expect.poll(() => page.getByText('nonprofit research organization').isVisible()).toBe(true);
    await screenshot(page, 'reader-light');
  });

  it('renders every block with exactly the text its canonical offsets refer to', async () => {
    const doc = await session.host.call<Document>('getDocument', [
      'security-concerns-impede-china-pakistan-relations',
    ]);
    const text = canonicalText(doc);
    const blocks = await blockElements(session.browser.page);
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) {
      expect(text.slice(block.start, block.start + block.text.length), block.id).toBe(block.text);
    }
  });

  it('jumps to a section from the table of contents, which then follows the scroll', async () => {
    const { page } = session.browser;
    const contents = page.getByRole('navigation', { name: 'Contents' });
    const current = contents.locator('[aria-current="location"]');
    await contents.getByRole('link', { name: 'Implications' }).click();
    await expect.poll(() => current.innerText()).toBe('Implications');
    const heading = await page.getByRole('heading', { level: 2, name: 'IMPLICATIONS' }).boundingBox();
    expect(heading!.y).toBeGreaterThanOrEqual(56);
    expect(heading!.y).toBeLessThan(200);
    expect(await focusedText(page)).toBe('IMPLICATIONS');

    // Scrolling (not clicking) until the next heading is in the top third moves the mark along.
    const next = await page.getByRole('heading', { level: 2, name: 'CONCLUSIONS' }).boundingBox();
    await page.evaluate(`window.scrollBy(0, ${Math.round(next!.y - 150)})`);
    await expect.poll(() => current.innerText()).toBe('Conclusions');
    // At the foot of the page the short author bio never reaches the top third, yet it is what is read.
    await page.evaluate(`window.scrollTo(0, document.documentElement.scrollHeight)`);
    await expect.poll(() => current.innerText()).toBe('About the author');
  });

  it('lands on the Balochistan passage from a search for "Gwadar" and marks the word there', async () => {
    const { page } = session.browser;
    await page.getByRole('button', { name: 'Library' }).click();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Gwadar');
    const option = page.getByRole('option').filter({ hasText: 'Gwadar' });
    await expect.poll(() => option.count()).toBeGreaterThan(0);
    expect(await option.first().locator('mark').first().innerText()).toBe('Gwadar');
    expect(await page.getByRole('listbox', { name: 'Search results' }).innerText()).toContain(
      COMMENTARY_TITLE,
    );
    await screenshot(page, 'search-light');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await painted(page, 'search-match')).map((range) => range.text))
      .toEqual(['Gwadar']);
    const [mark] = await painted(page, 'search-match');
    expect(mark.block.startsWith(BALOCHISTAN)).toBe(true);
    expect(mark.visible).toBe(true);
    const passage = await blockStartingWith(page, BALOCHISTAN);
    expect(passage!.top).toBeGreaterThanOrEqual(56);
    expect(passage!.bottom).toBeLessThanOrEqual(800);
    expect((await focusedText(page)).startsWith(BALOCHISTAN)).toBe(true);
    await screenshot(page, 'search-landed');

    // Escape clears the marks.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await painted(page, 'search-match')).length).toBe(0);
  });

  it('shows a query it cannot read as a message, inline', async () => {
    const { page } = session.browser;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('venue:asia');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'There is no field' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('comes back to the same place and theme after a reload', async () => {
    const { page } = session.browser;
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page.getByRole('radio', { name: 'Sepia' }).check();
    await expect.poll(() => paintedTheme(page)).toBe('sepia');
    await expect
      .poll(async () => (await session.host.call<Preferences>('getPreferences')).theme)
      .toBe('sepia');
    await page.keyboard.press('Escape');

    const passage = await blockStartingWith(page, BALOCHISTAN);
    await page.evaluate(`window.scrollBy(0, ${Math.round(passage!.top - 100)})`);
    const before = await topBlock(page);
    await expect
      .poll(() =>
        session.host.call<ReadingPosition | null>('getReadingPosition', [
          'security-concerns-impede-china-pakistan-relations',
        ]),
      )
      .toMatchObject({ blockId: before!.id });
    await screenshot(page, 'reader-sepia');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    await expect.poll(async () => (await topBlock(page))?.id).toBe(before!.id);
    const after = await topBlock(page);
    expect(Math.abs(after!.top - before!.top)).toBeLessThan(24);
    expect(await paintedTheme(page)).toBe('sepia');
  });

  it('finds in the document with a count, and moves between matches', async () => {
    const { page } = session.browser;
    await page.keyboard.press('Control+f');
    await page.keyboard.type('Pakistan');
    const count = page.getByRole('search', { name: 'Find in document' }).getByRole('status');
    await expect.poll(() => count.innerText()).toMatch(/^\d+ of \d+$/);
    const [first, total] = (await count.innerText()).split(' of ').map(Number);
    expect(total).toBeGreaterThan(20);
    expect((await painted(page, 'find-match')).length).toBe(total);

    await page.keyboard.press('Enter');
    await expect.poll(() => count.innerText()).toBe(`${(first % total) + 1} of ${total}`);
    const current = await painted(page, 'find-current');
    expect(current).toHaveLength(1);
    expect(current[0].text.toLowerCase()).toBe('pakistan');
    expect(current[0].visible).toBe(true);

    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => count.innerText()).toBe(`${first} of ${total}`);
    await screenshot(page, 'find-sepia');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('search', { name: 'Find in document' }).count()).toBe(0);
    expect(await painted(page, 'find-match')).toEqual([]);
  });

  it('keeps the place when the reader leaves straight after scrolling', async () => {
    const { page } = session.browser;
    const conclusions = await page.getByRole('heading', { level: 2, name: 'CONCLUSIONS' }).boundingBox();
    await page.evaluate(`window.scrollBy(0, ${Math.round(conclusions!.y - 60)})`);
    const place = await topBlock(page);
    // No pause for the scroll debounce: leaving must save what is pending.
    await page.getByRole('button', { name: 'Library' }).click();
    await expect
      .poll(() =>
        session.host.call<ReadingPosition | null>('getReadingPosition', [
          'security-concerns-impede-china-pakistan-relations',
        ]),
      )
      .toMatchObject({ blockId: place!.id });
  });

  it('logs no errors in the page', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
