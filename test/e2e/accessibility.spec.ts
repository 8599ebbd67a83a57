import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, startHost, type BrowserSession, type MarginHost } from './harness';
import { COMMENTARY_TITLE, openCommentary } from './reader-page';

/** Runs axe-core (injected over CDP, which the page's CSP does not govern) and keeps what matters. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .map((node) => JSON.stringify(node.target))
          .join(', ')}`,
    );
}

describe('accessibility of each view (axe-core)', () => {
  let host: MarginHost;
  let browser: BrowserSession;

  beforeAll(async () => {
    host = await startHost();
    browser = await openBrowser({ colorScheme: 'dark' });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('actually runs axe on the page despite the strict CSP', async () => {
    const { page } = browser;
    await page.goto(host.url);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    // Rules ran and found real nodes to pass, inside the shadow roots too.
    expect(results.passes.length).toBeGreaterThan(10);
    expect(results.passes.some((rule) => rule.nodes.some((node) => Array.isArray(node.target[0])))).toBe(
      true,
    );
  });

  it('finds nothing serious in the library, following a dark system theme', async () => {
    const { page } = browser;
    expect(await page.evaluate(`document.documentElement.dataset.theme`)).toBe('dark');
    await page.getByRole('link', { name: COMMENTARY_TITLE }).waitFor();
    await screenshot(page, 'library-dark');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds nothing serious in the reader', async () => {
    const { page } = browser;
    await openCommentary(page);
    await page.getByText('About the publisher').click();
    await screenshot(page, 'reader-dark');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds nothing serious in the search results', async () => {
    const { page } = browser;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('security pakistan');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await screenshot(page, 'search-dark');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('finds nothing serious with the reading settings open, in the sepia and light themes', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Reading settings' }).click();
    for (const theme of ['Sepia', 'Light']) {
      await page.getByRole('radio', { name: theme }).check();
      await expect
        .poll(() => page.evaluate(`document.documentElement.dataset.theme`))
        .toBe(theme.toLowerCase());
      await screenshot(page, `settings-${theme.toLowerCase()}`);
      expect(await seriousViolations(page)).toEqual([]);
    }
  });

  it('finds nothing serious in the find bar', async () => {
    const { page } = browser;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+f');
    await page.keyboard.type('China');
    await page.getByRole('search', { name: 'Find in document' }).getByText(/of/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
