import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutLabel } from '../../main/shared/shortcuts';
import { openBrowser, screenshot, startHost, type BrowserSession, type MarginHost } from './harness';
import { eventually, focusedLabel, seriousViolations } from './annotations-page';

describe('the Keyboard shortcuts sheet', () => {
  let host: MarginHost;
  let browser: BrowserSession;

  beforeAll(async () => {
    host = await startHost();
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('opens with ?, lists every shortcut of the table, and Escape closes it', async () => {
    const { page } = browser;
    await page.goto(host.url);
    await page.getByRole('link').first().waitFor();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    for (const entry of SHORTCUTS) {
      const row = sheet.getByRole('row', { name: entry.label, exact: false });
      expect(await row.first().textContent()).toContain(shortcutLabel(entry, 'other'));
    }
    expect(await sheet.getByRole('row').count()).toBe(SHORTCUTS.length);
    await screenshot(page, 'shortcuts-sheet');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await eventually(() => sheet.isVisible()).toBe(false);
  });

  it('opens from the reading settings with Ctrl+/ too, and gives focus back when closed', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Reading settings' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await eventually(() => sheet.isVisible()).toBe(true);
    await page.keyboard.press('Enter'); // the Close button has focus first
    await eventually(() => sheet.isVisible()).toBe(false);
    await page.getByRole('combobox', { name: /search/i }).focus();
    await page.keyboard.press('Control+/');
    await eventually(() => sheet.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await eventually(() => sheet.isVisible()).toBe(false);
    expect(await focusedLabel(page)).toMatch(/search/i);
  });

  it('does not open with ? typed into the search box', async () => {
    const { page } = browser;
    await page.getByRole('combobox', { name: /search/i }).focus();
    await page.keyboard.type('why?');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(false);
  });
});
