/**
 * The page's side of the desktop shell, in Chromium: Electron's preload is replaced by a stand-in
 * `window.marginShell` with the same shape (commands in, state out), so the page's handling of every
 * kind of command is checked here, where Electron cannot run. The preload's own check of commands is
 * `parseAppCommand`, tested in Node.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation, Document, Preferences } from '../../main/api';
import type { AppCommand } from '../../main/shared/app-commands';
import { canonicalText } from '../../main/library/canonical-text';
import { eventually } from './annotations-page';
import { COMMENTARY_TITLE, openCommentary, painted, paintedTheme } from './reader-page';
import { useHostAndBrowser } from './session-hooks';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const PASSAGE = 'Pakistani law prohibits foreign security companies from operating within its borders.';

const STAND_IN_SHELL = `
  window.__shellStates = [];
  let listener = null;
  window.marginShell = {
    onCommand(callback) { listener = callback; return () => { listener = null; }; },
    reportState(state) { window.__shellStates.push(state); },
  };
  window.__sendCommand = (command) => listener && listener(command);
`;

describe('commands from the desktop shell', () => {
  const session = useHostAndBrowser();

  const send = (command: AppCommand) =>
    session.browser.page.evaluate(`window.__sendCommand(${JSON.stringify(command)})`);
  const lastState = () =>
    session.browser.page.evaluate(`window.__shellStates[window.__shellStates.length - 1] ?? null`);

  it('tells main whether a document is open, so the menu can grey out what needs one', async () => {
    const { page, context } = session.browser;
    await context.addInitScript(STAND_IN_SHELL);
    await page.goto(session.host.url);
    await page.getByRole('link', { name: COMMENTARY_TITLE }).waitFor();
    await eventually(lastState).toEqual({ documentOpen: false });
    await openCommentary(page);
    await eventually(lastState).toEqual({ documentOpen: true });
    // Only changes are reported, not every render.
    const count = await page.evaluate(`window.__shellStates.length`);
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(200);
    expect(await page.evaluate(`window.__shellStates.length`)).toBe(count);
  });

  it('runs a shortcut command exactly as its keys: the notes panel, the shortcuts sheet', async () => {
    const { page } = session.browser;
    await send({ type: 'shortcut', id: 'notes-panel' });
    await page.locator('mg-notes-panel').waitFor();
    await send({ type: 'shortcut', id: 'notes-panel' });
    await eventually(() => page.locator('mg-notes-panel').count()).toBe(0);
    await send({ type: 'shortcut', id: 'shortcuts' });
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
  });

  it('lays the open document out for print from File → Save as PDF… (the browser prints it here)', async () => {
    const { page } = session.browser;
    // No Electron window to save from: the page falls back to the browser's own print, counted here.
    await page.evaluate(`window.__prints = 0; window.print = () => { window.__prints += 1; }`);
    await send({ type: 'menu', action: 'save-pdf' });
    await eventually(() => page.evaluate(`window.__prints`)).toBe(1);
    await expect(page.locator('mg-app[printing]').count()).resolves.toBe(1);
    await expect(page.locator('mg-print-view').getByText(COMMENTARY_TITLE).count()).resolves.toBeGreaterThan(
      0,
    );
  });

  it('changes the theme and text size from the View menu, remembered like the settings panel', async () => {
    const { page } = session.browser;
    await send({ type: 'menu', action: 'theme-dark' });
    await eventually(() => paintedTheme(page)).toBe('dark');
    const before = await session.host.call<Preferences>('getPreferences');
    await send({ type: 'menu', action: 'text-bigger' });
    await eventually(async () => (await session.host.call<Preferences>('getPreferences')).fontSize).toBe(
      before.fontSize + 1,
    );
    await send({ type: 'menu', action: 'theme-light' });
    await eventually(() => paintedTheme(page)).toBe('light');
  });

  it('goes to the library, the notebook, and back and forward through them', async () => {
    const { page } = session.browser;
    await send({ type: 'menu', action: 'library' });
    await eventually(lastState).toEqual({ documentOpen: false });
    await send({ type: 'menu', action: 'notebook' });
    await eventually(() => page.url()).toMatch(/#\/notebook$/);
    await send({ type: 'shortcut', id: 'back' });
    await eventually(() => page.url()).toMatch(/#\/$/);
    await send({ type: 'shortcut', id: 'back' });
    await eventually(() => page.url()).toMatch(new RegExp(`#/read/${DOC_ID}$`));
    await send({ type: 'shortcut', id: 'forward' });
    await eventually(() => page.url()).toMatch(/#\/$/);
  });

  it('opens a linked passage and flashes it, and shows a notice from main', async () => {
    const { page } = session.browser;
    const doc = await session.host.call<Document>('getDocument', [DOC_ID]);
    const start = canonicalText(doc).indexOf(PASSAGE);
    const highlight = await session.host.call<Annotation>('createAnnotation', [
      { docId: DOC_ID, range: { start, end: start + PASSAGE.length }, color: 'pink' },
    ]);
    await send({ type: 'open-passage', docId: DOC_ID, annotationId: highlight.id });
    await expect
      .poll(() => painted(page, 'mg-hl-flash'), { interval: 50, timeout: 10_000 })
      .toEqual([expect.objectContaining({ text: PASSAGE, visible: true })]);

    await send({ type: 'notice', message: 'Margin could not open a link: The link is too long.' });
    await page.locator('.notice').getByText('The link is too long.').waitFor();
  });
});
