import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../main/api';
import { libraryManifest } from '../../main/library/library-manifest';
import { screenshot } from './harness';
import { useHostAndBrowser } from './session-hooks';

/**
 * The library at archive scale: 100,000 articles. A content build that size takes minutes, so the host
 * serves a copy of this build's `dist/` whose `library.json` lists generated rows (the library view
 * reads no document or index). Scrolled anywhere, the page holds a few screens of rows and each drawn
 * card is the row its position says; the filter's count and rows are right after keys typed and deleted
 * as fast as the keyboard sends them.
 */

const ARTICLES = 100_000;
const TOPICS = ['security', 'secular', 'second', 'sector', 'season', 'service', 'strategy', 'summit'];
const DAY_MS = 86_400_000;
let distCopy = '';

/** Article n: one date each (article 99,999 is the newest), a topic word, "Água" in every seventh. */
function meta(n: number): DocumentMeta {
  return {
    id: `article-${n}`,
    title: `${n % 7 === 0 ? 'Água ' : ''}${TOPICS[n % TOPICS.length]} report ${n}`,
    series: 'Commentary',
    authors: [{ name: `Writer ${n % 900}`, role: null }],
    published: new Date(Date.UTC(1800, 0, 1) + n * DAY_MS).toISOString().slice(0, 10),
    publisher: { name: 'Institute for Long Rivers', about: ['Studies rivers.'], contact: [] },
    source: null,
    tags: [n % 3 === 0 ? 'dams' : 'water'],
    wordCount: 900,
    readingMinutes: 4,
    textHash: '0'.repeat(64),
  };
}

const METAS = Array.from({ length: ARTICLES }, (_, n) => meta(n));

/** What the filter promises, written plainly: every word, in any case or accent, in one of the fields. */
function expectedCount(text: string): number {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(text).split(/\s+/).filter(Boolean);
  return METAS.filter((m) => {
    const fields = [
      m.title,
      m.series ?? '',
      m.publisher?.name ?? '',
      ...m.authors.map((a) => a.name),
      ...m.tags,
    ];
    const folded = fields.map(fold);
    return words.every((word) => folded.some((field) => field.includes(word)));
  }).length;
}

const countLine = (count: number) =>
  count === ARTICLES ? '100,000 documents' : `${count.toLocaleString('en')} of 100,000 documents`;

beforeAll(async () => {
  distCopy = await fs.mkdtemp(path.join(os.tmpdir(), 'margin-e2e-library-100k-'));
  await fs.cp(path.join(__dirname, '..', '..', 'dist'), distCopy, { recursive: true });
  await fs.writeFile(path.join(distCopy, 'content', 'library.json'), JSON.stringify(libraryManifest(METAS)));
}, 120_000);

afterAll(async () => {
  if (distCopy) await fs.rm(distCopy, { recursive: true, force: true });
});

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** Each drawn row's position in the list and the title its card shows. */
function drawnRows(page: Page): Promise<Array<{ position: number; title: string }>> {
  return page.evaluate(() => {
    const view = document.querySelector('mg-app')?.shadowRoot?.querySelector('mg-library-view')?.shadowRoot;
    return [...(view?.querySelectorAll('li.row') ?? [])].map((row) => ({
      position: Number(row.getAttribute('aria-posinset')),
      title:
        row.querySelector('mg-document-card')?.shadowRoot?.querySelector('h2 a')?.textContent?.trim() ?? '',
    }));
  });
}

/** Newest first: position p holds article 100,000 − p. */
const titleAt = (position: number) => meta(ARTICLES - position).title;

describe('a library of 100,000 articles in the browser', () => {
  const session = useHostAndBrowser({
    host: {
      get serveScript() {
        return path.join(distCopy, 'host', 'serve.js');
      },
    },
  });

  it('holds a few screens of rows wherever it is scrolled, each card showing the row at its position', async () => {
    const { page } = session.browser;
    await session.host.call('setPreferences', [{ librarySort: 'date' }]);
    await page.goto(session.host.url);
    await eventually(() => page.getByText('100,000 documents', { exact: true }).count()).toBe(1);
    await eventually(async () => (await drawnRows(page))[0]?.title ?? '').toBe(titleAt(1));
    await screenshot(page, 'library-100000');

    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeGreaterThan(ARTICLES * 150);
    // A fast fling through a stretch of the list, then a jump to its middle and back to the top.
    for (const [top, steps] of [
      [0, 40],
      [height / 2, 10],
      [0, 1],
    ]) {
      await page.evaluate(
        ([from, count]) =>
          new Promise<void>((resolve) => {
            window.scrollTo({ top: from, behavior: 'instant' });
            let left = count;
            const step = () => {
              if (--left <= 0) return resolve();
              window.scrollBy({ top: 700, behavior: 'instant' });
              requestAnimationFrame(step);
            };
            requestAnimationFrame(step);
          }),
        [top, steps],
      );
      await eventually(async () => {
        const rows = await drawnRows(page);
        const wrong = rows.filter((row) => row.title !== titleAt(row.position));
        return { drawn: rows.length > 3 && rows.length < 30, wrong };
      }).toEqual({ drawn: true, wrong: [] });
    }
    expect(await page.getByRole('article').count()).toBeLessThan(30);
  });

  it('has the right count and rows after keys typed and deleted as fast as they come', async () => {
    const { page } = session.browser;
    const filter = page.getByRole('searchbox', { name: 'Filter documents' });
    await filter.click();
    /** The count line says how many match `text`; every drawn card's title holds `inTitle`. */
    const check = async (text: string, inTitle: string[]) => {
      const count = expectedCount(text);
      expect(count).toBeGreaterThan(0);
      await eventually(() => page.getByText(countLine(count), { exact: true }).count()).toBe(1);
      const rows = await drawnRows(page);
      expect(rows.length).toBeGreaterThan(Math.min(count, 3) - 1);
      for (const { title } of rows) {
        const plain = title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        for (const word of inTitle) expect(plain).toContain(word);
      }
    };
    await page.keyboard.type('security');
    await check('security', ['security']);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
    await check('sec', ['sec']);
    await page.keyboard.type('tor AGUA 4');
    await check('sector AGUA 4', ['sector', 'agua']);
    await page.keyboard.type(' dams');
    await check('sector AGUA 4 dams', ['sector', 'agua']);
    await filter.fill('');
    await eventually(() => page.getByText('100,000 documents', { exact: true }).count()).toBe(1);
  });

  it('logs no errors in the page', () => {
    expect(session.browser.pageErrors).toEqual([]);
  });
});
