import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Document } from '../../main/api';
import { canonicalText } from '../../main/library/canonical-text';
import { openBrowser, screenshot, startHost, type BrowserSession, type MarginHost } from './harness';
import { allPainted, eventually, paintedTexts } from './annotations-page';
import { COMMENTARY_TITLE, openCommentary } from './reader-page';

const ROOT = path.resolve(__dirname, '..', '..');
const FILE = 'security-concerns-impede-china-pakistan-relations.txt';
const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
/** A passage the new edition drops. */
const DROPPED =
  'Additionally, bringing in foreign security personnel, whether from China’s armed forces or private firms, could expose them to the same risks';
/** A passage the new edition keeps, after an inserted sentence that moves every offset. */
const KEPT = 'Currently, Balochistan is experiencing its fifth wave of insurgency.';

describe('highlights across a new edition of the content', () => {
  let dataDir: string;
  let contentDir: string;
  let browser: BrowserSession;
  let host: MarginHost | undefined;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'margin-e2e-edition-data-'));
    contentDir = await fs.mkdtemp(path.join(os.tmpdir(), 'margin-e2e-edition-content-'));
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(contentDir, { recursive: true, force: true });
  });

  it('keeps a highlight whose passage is gone, listed with its quote and never painted elsewhere', async () => {
    // Edition 1: the shipped commentary, two highlights saved.
    const first = await startHost({ dataDir });
    const doc = await first.call<Document>('getDocument', [DOC_ID]);
    const text = canonicalText(doc);
    // The source may spell the apostrophe either way; take the passage as the document has it.
    const dropped = text.includes(DROPPED) ? DROPPED : DROPPED.replace('’', "'");
    for (const [quote, color] of [
      [dropped, 'pink'],
      [KEPT, 'yellow'],
    ] as const) {
      const start = text.indexOf(quote);
      expect(start, quote).toBeGreaterThan(0);
      await first.call<Annotation>('createAnnotation', [
        { docId: DOC_ID, range: { start, end: start + quote.length }, color },
      ]);
    }
    await first.stop();

    // Edition 2: the dropped paragraph is gone and a sentence is inserted before the kept one.
    const source = await fs.readFile(path.join(ROOT, 'content', FILE), 'utf8');
    const paragraph = source.split('\n').find((line) => line.startsWith(dropped.slice(0, 60)));
    expect(paragraph).toBeDefined();
    const edited = source
      .replace(paragraph! + '\n', '')
      .replace('Currently, Balochistan', 'A new sentence in this edition. Currently, Balochistan');
    await fs.writeFile(path.join(contentDir, FILE), edited);

    host = await startHost({ dataDir, contentDir });
    const { page } = browser;
    await page.goto(host.url);
    await openCommentary(page);
    await eventually(() => paintedTexts(page, 'mg-hl-yellow')).toEqual([KEPT]);
    // The lost passage is painted nowhere, not even on a look-alike.
    expect(await allPainted(page)).toEqual({ 'mg-hl-yellow': [KEPT] });

    await page.getByRole('button', { name: /^Notes/ }).click();
    const panel = page.locator('mg-notes-panel');
    await panel.getByRole('heading', { name: 'Not found in this edition' }).waitFor();
    const orphan = panel
      .locator('[data-annotation-id]')
      .filter({ hasText: 'bringing in foreign security personnel' });
    expect(await orphan.innerText()).toContain('Couldn’t find this passage in the current edition.');
    await screenshot(page, 'annotations-orphaned');

    // From the notebook, the lost passage opens its document with the panel, and says why.
    await page.getByRole('button', { name: /^Notes/ }).click();
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('button', { name: 'Notebook' }).click();
    const notebook = page.locator('mg-notebook-view');
    await notebook
      .locator('[data-annotation-id]')
      .filter({ hasText: 'bringing in foreign security personnel' })
      .getByRole('button')
      .click();
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    await eventually(() => page.getByRole('status').filter({ hasText: 'not in this edition' }).count()).toBe(
      1,
    );
    await page
      .locator('mg-notes-panel')
      .getByRole('heading', { name: 'Not found in this edition' })
      .waitFor();
    expect(await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).count()).toBe(1);
  });
});
