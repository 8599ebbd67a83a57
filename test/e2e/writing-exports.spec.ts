import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preferences } from '../../main/api';
import { openBrowser, screenshot, startHost, type BrowserSession, type MarginHost } from './harness';
import { eventually, seriousViolations } from './annotations-page';
import { COMMENTARY_TITLE, openCommentary } from './reader-page';
import { annotate } from './print-page';

const ROOT = path.resolve(__dirname, '..', '..');
const COMMENTARY = 'security-concerns-impede-china-pakistan-relations';
const MEKONG_TITLE = 'Mekong Dams and the Downstream States';

/** The reader's own layout: a list of quotes, each with its colour, note and tags. */
const TEMPLATE =
  '## {{title}}\n\nBy {{authors}}.\n\n{{#notes}}* “{{quote}}” ({{colour}}) {{note}} {{tags}}\n{{/notes}}';

describe('writing exports in the browser', () => {
  let host: MarginHost;
  let browser: BrowserSession;
  let contentDir: string;
  let downloads: string;

  beforeAll(async () => {
    // Two documents: the bundled commentary and a Markdown commentary from the test fixtures.
    contentDir = await fs.mkdtemp(path.join(os.tmpdir(), 'margin-e2e-writing-content-'));
    downloads = await fs.mkdtemp(path.join(os.tmpdir(), 'margin-e2e-writing-downloads-'));
    await fs.copyFile(
      path.join(ROOT, 'content', `${COMMENTARY}.txt`),
      path.join(contentDir, `${COMMENTARY}.txt`),
    );
    await fs.copyFile(
      path.join(ROOT, 'test', 'fixtures', 'content', 'mekong-dams-and-downstream-states.md'),
      path.join(contentDir, 'mekong-dams-and-downstream-states.md'),
    );
    host = await startHost({ contentDir });
    browser = await openBrowser();
    await annotate(host, COMMENTARY, [
      {
        words: 'The Balochistan Liberation Army, a separatist group',
        color: 'green',
        note: 'Who is behind it.',
      },
      {
        words: 'Another key source of attacks on Chinese nationals is the Tehrik-i-Taliban Pakistan (TTP)',
        color: 'blue',
        note: 'The *second* source.',
        tags: ['security'],
      },
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    for (const dir of [contentDir, downloads]) if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('exports one bibliography of two documents picked in the library, as BibTeX that parses back', async () => {
    const { page } = browser;
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Bibliography…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export a bibliography' });
    const exportButton = dialog.getByRole('button', { name: /^Export \d+ documents?$/ });
    expect(await exportButton.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: MEKONG_TITLE }).check();
    await dialog.getByRole('checkbox', { name: COMMENTARY_TITLE }).check();
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'BibTeX (.bib)' });
    await screenshot(page, 'writing-bibliography-picker');
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download') as Promise<Download>,
      dialog.getByRole('button', { name: 'Export 2 documents' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('margin-bibliography.bib');
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const entries = new Cite(await fs.readFile(file, 'utf8')).data as Array<{ title: string }>;
    expect(entries.map((entry) => entry.title).sort()).toEqual([MEKONG_TITLE, COMMENTARY_TITLE].sort());
    await page.locator('mg-annotation-toast').getByText('Saved margin-bibliography.bib').waitFor();
  });

  it('edits the Markdown export template with a live preview, refuses a broken one, and exports in the saved one', async () => {
    const { page } = browser;
    await openCommentary(page);
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page.getByRole('button', { name: 'Markdown export template…' }).click();
    const sheet = page.getByRole('dialog', { name: 'Markdown export template' });
    const template = sheet.getByRole('textbox', { name: 'Template' });
    const preview = sheet.getByLabel('Preview', { exact: true });
    // It starts from the starting template, previewed on the document with notes.
    await eventually(() => preview.textContent()).toContain(`# ${COMMENTARY_TITLE}`);

    await template.fill('{{#notes}}{{quote}}');
    const problem = sheet.getByRole('alert');
    expect(await problem.textContent()).toContain(
      'This template cannot be used: Line 1: {{#notes}} is never closed with {{/notes}}. Exports use the built-in layout until it is fixed.',
    );
    expect(await sheet.getByRole('button', { name: 'Save template' }).isDisabled()).toBe(true);
    await template.fill('{{#notes}}{{constructor}}{{/notes}}');
    expect(await problem.textContent()).toContain('Line 1: {{constructor}} is not a placeholder');

    await template.fill(TEMPLATE);
    const expected =
      `## ${COMMENTARY_TITLE}\n\nBy Ghulam Ali.\n\n` +
      '* “The Balochistan Liberation Army, a separatist group” (green) Who is behind it. \n' +
      '* “Another key source of attacks on Chinese nationals is the Tehrik-i-Taliban Pakistan (TTP)” (blue) The *second* source. #security\n';
    await eventually(() => preview.textContent()).toBe(expected);
    await screenshot(page, 'writing-export-template');
    expect(await seriousViolations(page)).toEqual([]);
    await sheet.getByRole('button', { name: 'Save template' }).click();
    await eventually(async () => (await host.call<Preferences>('getPreferences')).exportTemplate).toBe(
      TEMPLATE,
    );
    await sheet.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: /^Notes/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download') as Promise<Download>,
      page.locator('mg-notes-panel').getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    expect(await fs.readFile(file, 'utf8')).toBe(expected);
  });
});
