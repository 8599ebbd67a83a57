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

  /** Chooses a menu item as the reader would, by its click, in the main process. */
  const clickMenuItem = (label: string) =>
    app.evaluate(({ Menu, BrowserWindow }, wanted) => {
      const find = (items: Electron.MenuItem[]): Electron.MenuItem | undefined =>
        items.reduce<Electron.MenuItem | undefined>(
          (found, item) => found ?? (item.label === wanted ? item : find(item.submenu?.items ?? [])),
          undefined,
        );
      const item = find(Menu.getApplicationMenu()?.items ?? []);
      if (!item) throw new Error(`No menu item "${wanted}"`);
      item.click(undefined, BrowserWindow.getAllWindows()[0]);
    }, label);

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

  it('has the application menu, greys out reader items without a document, and runs an item as its keys', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    const menuItem = (label: string) =>
      app.evaluate(({ Menu }, wanted) => {
        const find = (items: Electron.MenuItem[]): Electron.MenuItem | undefined =>
          items.reduce<Electron.MenuItem | undefined>(
            (found, item) => found ?? (item.label === wanted ? item : find(item.submenu?.items ?? [])),
            undefined,
          );
        const item = find(Menu.getApplicationMenu()?.items ?? []);
        return item ? { enabled: item.enabled, accelerator: item.accelerator ?? null } : null;
      }, label);
    await eventually(() => menuItem('Print…')).toEqual({ enabled: false, accelerator: 'CmdOrCtrl+P' });
    await openCommentary(page);
    await eventually(() => menuItem('Print…')).toEqual({ enabled: true, accelerator: 'CmdOrCtrl+P' });
    await clickMenuItem('Show or hide your notes');
    await page.locator('mg-notes-panel').waitFor();
    await clickMenuItem('Show or hide your notes');
    await eventually(() => page.locator('mg-notes-panel').count()).toBe(0);
  });

  it('saves the open document as a PDF from the File menu (Save as PDF…)', async () => {
    // Save as PDF asks where to save (a save dialog); the answer is this file.
    const pdf = path.join(userData, 'printed.pdf');
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
    }, pdf);
    await clickMenuItem('Save as PDF…');
    await eventually(async () =>
      (await readFile(pdf).catch(() => Buffer.alloc(0))).subarray(0, 5).toString(),
    ).toBe('%PDF-');
  });

  it('opens the passage of a margin:// link handed to a second launch', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    const [id] = (await page.evaluate(
      `window.margin.listAnnotations(${JSON.stringify(DOC_ID)}).then((list) => list.map((a) => a.id))`,
    )) as string[];
    const link = `margin://open/${DOC_ID}?annotation=${encodeURIComponent(id)}`;
    expect(await launchSecondInstance(electron.binary!, userData, [link])).toBe(0);
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    await eventually(async () => (await painted(page, 'mg-hl-yellow')).map((range) => range.visible)).toEqual(
      [true],
    );
    // A broken link is a notice, not silence.
    expect(await launchSecondInstance(electron.binary!, userData, ['margin://open/../etc'])).toBe(0);
    await page.locator('.notice').getByText('Margin could not open a link').waitFor();
  });

  it('focuses the first window when Margin is launched again, and the second launch quits', async () => {
    expect(await launchSecondInstance(electron.binary!, userData)).toBe(0);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    // The first instance's log records what the second launch handed it (nothing to open).
    const log = await readFile(path.join(userData, 'logs', 'margin.log'), 'utf8');
    expect(log).toMatch(/ INFO open-ignored\n/);
  });
});
