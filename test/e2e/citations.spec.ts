import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preferences } from '../../main/api';
import { openBrowser, screenshot, startHost, type BrowserSession, type MarginHost } from './harness';
import { eventually, selectInArticle } from './annotations-page';
import { COMMENTARY_TITLE, openCommentary } from './reader-page';

const URL =
  'https://www.cacianalyst.org/publications/analytical-articles/item/13829-security-concerns-impede-china-pakistan-relations.html';
/** The fifth paragraph under BACKGROUND. */
const PASSAGE = 'Another key source of attacks on Chinese nationals is the Tehrik-i-Taliban Pakistan (TTP)';

/** The clipboard's text/plain and text/html, read back through the async clipboard API. */
function readClipboard(page: BrowserSession['page']): Promise<{ text: string; html: string }> {
  return page.evaluate(`(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type) => (item.types.includes(type) ? (await item.getType(type)).text() : '');
    return { text: await read('text/plain'), html: await read('text/html') };
  })()`) as Promise<{ text: string; html: string }>;
}

describe('citations in the browser', () => {
  let host: MarginHost;
  let browser: BrowserSession;
  let downloads: string;

  beforeAll(async () => {
    host = await startHost();
    browser = await openBrowser();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
    downloads = await fs.mkdtemp(path.join(os.tmpdir(), 'margin-e2e-bibliography-'));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (downloads) await fs.rm(downloads, { recursive: true, force: true });
  });

  it('copies a passage with its citation in the picked style, as text and as HTML, and remembers the style', async () => {
    const { page } = browser;
    await page.goto(host.url);
    await openCommentary(page);
    await selectInArticle(page, PASSAGE);
    const menu = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await menu.waitFor();
    await menu.getByRole('combobox', { name: 'Citation style' }).selectOption({ label: 'MLA 9' });
    await eventually(async () => (await host.call<Preferences>('getPreferences')).citationStyle).toBe('mla');
    await screenshot(page, 'citations-style-picker');
    await menu.getByRole('button', { name: 'Copy with citation' }).click();
    await eventually(async () => (await readClipboard(page)).text).toMatch(/^“Another key source/);
    const copied = await readClipboard(page);
    expect(copied.text).toBe(
      `“${PASSAGE}” (Ali, sec. Background, par. 5)\n\n` +
        `Ali, Ghulam. ${COMMENTARY_TITLE}. The Hong Kong Research Center for Asian Studies (RCAS), 20 Nov. 2024, ${URL}.`,
    );
    // A word processor gets the title in italics.
    expect(copied.html).toContain(`<i>${COMMENTARY_TITLE}</i>`);
    await page.locator('mg-annotation-toast').getByText('Copied with citation').waitFor();
  });

  it('offers the same remembered choice in the reading settings, and copies in a style picked there', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Reading settings' }).click();
    const picker = page.locator('mg-reading-settings').getByRole('combobox', { name: 'Citation style' });
    expect(await picker.inputValue()).toBe('mla');
    await picker.selectOption({ label: 'Chicago 17 (notes)' });
    await eventually(async () => (await host.call<Preferences>('getPreferences')).citationStyle).toBe(
      'chicago-notes',
    );
    await page.keyboard.press('Escape');
    await selectInArticle(page, PASSAGE);
    await page.getByRole('button', { name: 'Copy with citation' }).click();
    await eventually(async () => (await readClipboard(page)).text).toMatch(
      /^“Another key source[^\n]*”\n\nGhulam Ali, /,
    );
    expect((await readClipboard(page)).text).toContain(
      ', sec. Background, para. 5, https://www.cacianalyst.org/',
    );
  });

  it('exports the bibliography of every document with notes from the notebook as RIS that parses back', async () => {
    const { page } = browser;
    await selectInArticle(page, PASSAGE);
    await page
      .getByRole('toolbar', { name: 'Highlight the selection' })
      .getByRole('button', { name: 'Highlight yellow' })
      .click();
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: 'Notebook' }).click();
    const notebook = page.locator('mg-notebook-view');
    await notebook.getByText('Another key source').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download') as Promise<Download>,
      notebook.getByRole('button', { name: 'Export bibliography as RIS' }).click(),
    ]);
    // The one document with notes: the file is named after it.
    expect(download.suggestedFilename()).toBe('security-concerns-impede-china-pakistan-relations.ris');
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const [entry] = new Cite(await fs.readFile(file, 'utf8')).data;
    expect(entry).toMatchObject({ type: 'report', title: COMMENTARY_TITLE, URL });
    await screenshot(page, 'citations-notebook-bibliography');
  });

  it('shows every bundled library and citation style with its licence in About, reached from the settings', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page.getByRole('button', { name: 'About Margin and licences' }).click();
    const about = page.getByRole('dialog', { name: 'About Margin' });
    await about.getByRole('cell', { name: 'American Psychological Association 7th edition' }).waitFor();
    const rows = await about.getByRole('row').allInnerTexts();
    expect(rows).toContainEqual(
      expect.stringMatching(/^Modern Language Association 9th edition\s+2021-07-13\s+CC-BY-SA-3.0$/),
    );
    expect(rows).toContainEqual(expect.stringMatching(/^citeproc\s+\d+\.\d+\.\d+\s+CPAL-1.0 OR AGPL-1.0$/));
    expect(rows).toContainEqual(expect.stringMatching(/^lit\s+3\.\S+\s+BSD-3-Clause$/));
    await screenshot(page, 'citations-about-sheet');
    await page.keyboard.press('Escape');
    await about.waitFor({ state: 'hidden' });
  });
});
