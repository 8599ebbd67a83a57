/**
 * The real app under test: the built Margin in the real Electron binary, no mock. `npm run
 * test:electron` runs it (after a build); `npm test` includes it too, and where no Electron binary
 * exists (this machine) it reports itself skipped in one line.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, paintedTexts, selectInArticle } from '../e2e/annotations-page';
import { COMMENTARY_TITLE, openCommentary, painted } from '../e2e/reader-page';
import { electronForTests, launchMargin, launchSecondInstance } from './electron-app';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const PASSAGE = 'Pakistani law prohibits foreign security companies from operating within its borders.';
const NOTE = 'Check the 2023 amendment.';

const electron = electronForTests();

electron.describe('Margin in Electron', () => {
  let userData: string;
  let app: ElectronApplication;
  let page: Page;

  const start = async (): Promise<void> => {
    app = await launchMargin(electron.binary!, userData);
    page = await app.firstWindow();
    await page.getByRole('link', { name: COMMENTARY_TITLE }).waitFor();
  };

  beforeAll(async () => {
    userData = await mkdtemp(path.join(os.tmpdir(), 'margin-electron-'));
    await start();
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  it('opens one window, sandboxed and context-isolated, with no Node in the page', async () => {
    const shell = await app.evaluate(({ app: electronApp, BrowserWindow }) => ({
      windows: BrowserWindow.getAllWindows().length,
      // app.enableSandbox() puts every renderer in the OS sandbox through this switch.
      sandbox: electronApp.commandLine.hasSwitch('enable-sandbox'),
    }));
    expect(shell).toEqual({ windows: 1, sandbox: true });
    // contextBridge only exposes `margin` into an isolated world; Node's globals never reach the page.
    expect(
      await page.evaluate('[typeof window.margin, typeof require, typeof process, typeof module]'),
    ).toEqual(['object', 'undefined', 'undefined', 'undefined']);
  });

  it('serves the page with its Content-Security-Policy header', async () => {
    const policy = await app.evaluate(async ({ session }) => {
      const response = await session.defaultSession.fetch('app://margin/index.html');
      return response.headers.get('content-security-policy');
    });
    expect(policy).toMatch(/script-src 'self'/);
  });

  it('lists the bundled document in the library', async () => {
    expect(await page.getByRole('link', { name: COMMENTARY_TITLE }).count()).toBe(1);
  });

  it('lands a search on its passage', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Gwadar');
    const option = page.getByRole('option').filter({ hasText: 'Gwadar' });
    await eventually(() => option.count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(async () => (await painted(page, 'search-match')).map((range) => range.text)).toEqual([
      'Gwadar',
    ]);
    await page.keyboard.press('Escape');
  });

  it('keeps a highlight with its note across a restart of the app', async () => {
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    await selectInArticle(page, PASSAGE);
    await page
      .getByRole('toolbar', { name: 'Highlight the selection' })
      .getByRole('button', { name: 'Add note' })
      .click();
    await page.getByRole('dialog', { name: 'Highlight' }).waitFor();
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Control+Enter');
    await eventually(() => paintedTexts(page, 'mg-hl-yellow')).toEqual([PASSAGE]);

    await app.close();
    await start();
    await openCommentary(page);
    await eventually(() => paintedTexts(page, 'mg-hl-yellow')).toEqual([PASSAGE]);
    const notes = await page.evaluate(
      `window.margin.listAnnotations(${JSON.stringify(DOC_ID)}).then((list) => list.map((a) => a.note))`,
    );
    expect(notes).toEqual([NOTE]);
  });

  it('focuses the first window when Margin is launched again, and the second launch quits', async () => {
    expect(await launchSecondInstance(electron.binary!, userData)).toBe(0);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    // The first instance's log records what the second launch handed it (nothing to open).
    const log = await readFile(path.join(userData, 'logs', 'margin.log'), 'utf8');
    expect(log).toMatch(/ INFO open-ignored\n/);
  });
});
