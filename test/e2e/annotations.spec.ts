import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Preferences } from '../../main/api';
import { openBrowser, screenshot, startHost, type BrowserSession, type MarginHost } from './harness';
import {
  allPainted,
  eventually,
  focusedLabel,
  paintedPoint,
  paintedTexts,
  selectInArticle,
} from './annotations-page';
import { COMMENTARY_TITLE, focusedText, openCommentary } from './reader-page';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
const SENTENCE =
  'The diplomatic row between China and Pakistan intensified during a seminar in Islamabad on October 30, when Chinese Ambassador Jiang Zaidong openly rebutted remarks by Pakistan’s Deputy Prime Minister and Foreign Minister Ishaq Dar.';
const SECOND = 'Currently, Balochistan is experiencing its fifth wave of insurgency.';
const NOTE =
  'A **rare** public rebuke — see *Dawn*. <img src=x onerror="document.title=1">\n\n- security first\n- [source](https://www.cacianalyst.org/)\n- [not a link](javascript:alert(1))';

describe('highlights and notes in the browser', () => {
  let host: MarginHost;
  let browser: BrowserSession;
  let exportDir: string;
  const exported: Record<string, string> = {};

  beforeAll(async () => {
    host = await startHost();
    browser = await openBrowser();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
    exportDir = await fs.mkdtemp(path.join(os.tmpdir(), 'margin-e2e-export-'));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (exportDir) await fs.rm(exportDir, { recursive: true, force: true });
  });

  const list = () => host.call<Annotation[]>('listAnnotations', [DOC_ID]);

  it('highlights a selected sentence of the commentary in the chosen colour', async () => {
    const { page } = browser;
    await page.goto(host.url);
    await openCommentary(page);
    await selectInArticle(page, SENTENCE);
    const menu = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await menu.waitFor();
    await screenshot(page, 'annotations-selection-menu');
    await menu.getByRole('button', { name: 'Highlight yellow' }).click();

    await eventually(() => paintedTexts(page, 'mg-hl-yellow')).toEqual([SENTENCE]);
    const [saved] = await list();
    expect(saved.selectors[0]).toMatchObject({ type: 'TextQuoteSelector', exact: SENTENCE });
    expect(saved.color).toBe('yellow');
    // The menu goes once the selection became a highlight.
    await eventually(() => menu.count()).toBe(0);
  });

  it('opens the editor from a click on the highlight: colour, Markdown note and tags are saved', async () => {
    const { page } = browser;
    const point = await paintedPoint(page, 'mg-hl-yellow');
    await page.mouse.click(point!.x, point!.y);
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await editor.waitFor();

    await editor.getByRole('radio', { name: 'Blue' }).click();
    await eventually(() => paintedTexts(page, 'mg-hl-blue')).toEqual([SENTENCE]);
    expect(await paintedTexts(page, 'mg-hl-yellow')).toEqual([]);

    await editor.getByRole('textbox', { name: 'Note' }).fill(NOTE);
    await editor.getByRole('textbox', { name: 'Add tags' }).fill('diplomacy, CPEC');
    await editor.getByRole('textbox', { name: 'Add tags' }).press('Enter');
    await eventually(async () => (await list())[0]?.tags).toEqual(['diplomacy', 'CPEC']);
    await editor.getByRole('textbox', { name: 'Add tags' }).fill('draft');
    await editor.getByRole('textbox', { name: 'Add tags' }).press('Enter');
    await eventually(async () => (await list())[0]?.tags).toEqual(['diplomacy', 'CPEC', 'draft']);
    await editor.getByRole('button', { name: 'Remove tag draft' }).click();
    await eventually(async () => (await list())[0]?.tags).toEqual(['diplomacy', 'CPEC']);
    await eventually(async () => (await list())[0]?.note).toBe(NOTE);

    // The preview shows the Markdown formatted, and the raw text never becomes markup.
    await editor.getByRole('tab', { name: 'Preview' }).click();
    const preview = editor.getByRole('tabpanel', { name: 'Note preview' });
    expect(await preview.locator('strong').innerText()).toBe('rare');
    expect(await preview.locator('a').getAttribute('href')).toBe('https://www.cacianalyst.org/');
    expect(await preview.locator('li').count()).toBe(3);
    // A note is data: raw HTML shows as text and only https links become links.
    expect(await preview.locator('img').count()).toBe(0);
    expect(await preview.locator('p').first().innerText()).toContain(
      '<img src=x onerror="document.title=1">',
    );
    expect(await preview.locator('a').count()).toBe(1);
    await screenshot(page, 'annotations-editor');
    await page.keyboard.press('Escape');
    await eventually(() => editor.count()).toBe(0);
  });

  it('keeps the highlight over the same words and the note after a reload', async () => {
    const { page } = browser;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
    await eventually(() => paintedTexts(page, 'mg-hl-blue')).toEqual([SENTENCE]);

    // The shortcut opens the panel and puts focus in it; its close button gives focus back.
    await page.keyboard.press('Control+Shift+N');
    const panel = page.locator('mg-notes-panel');
    await panel.waitFor();
    await eventually(() => focusedText(page)).toMatch(/^Notes/);
    await panel.getByRole('button', { name: 'Close notes' }).click();
    await eventually(() => panel.count()).toBe(0);
    await eventually(() => focusedText(page)).toMatch(/^Notes/);
    await page.getByRole('button', { name: /^Notes/ }).click();
    await panel.waitFor();
    const item = panel.getByRole('listitem').filter({ hasText: 'The diplomatic row' });
    expect(await item.locator('strong').innerText()).toBe('rare');
    expect(await item.innerText()).toContain('diplomacy');
    // No script, no raw Markdown markers in what the panel shows.
    expect(await item.innerText()).not.toContain('**');
  });

  it('keeps a note on the whole document, listed first', async () => {
    const { page } = browser;
    const panel = page.locator('mg-notes-panel');
    await panel
      .getByRole('textbox', { name: 'Note on this document' })
      .fill('Read with the *2023* PSC debate.');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await eventually(async () =>
      (await list()).filter((a) => a.selectors.length === 0).map((a) => a.note),
    ).toEqual(['Read with the *2023* PSC debate.']);
    const first = panel.locator('[data-annotation-id]').first();
    await eventually(() => first.locator('mg-markdown').locator('p').innerText()).toBe(
      'Read with the 2023 PSC debate.',
    );
    expect(await first.locator('em').innerText()).toBe('2023');
  });

  it('highlights from the keyboard: Tab moves into the menu, Enter takes the colour', async () => {
    const { page } = browser;
    const menu = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await selectInArticle(page, SECOND);
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await eventually(() => menu.count()).toBe(0);
    await selectInArticle(page, SECOND.slice(0, -1));
    await selectInArticle(page, SECOND);
    await menu.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await eventually(() => paintedTexts(page, 'mg-hl-green')).toEqual([SECOND]);
    // The panel lists passages in reading order: the Background sentence before the Balochistan one.
    const quotes = await page.locator('mg-notes-panel').locator('.quote').allInnerTexts();
    expect(quotes.map((q) => q.slice(0, 20))).toEqual([SENTENCE.slice(0, 20), SECOND.slice(0, 20)]);
    await screenshot(page, 'annotations-notes-panel');
  });

  it('copies a passage with its citation', async () => {
    const { page } = browser;
    await selectInArticle(page, SECOND);
    await page.getByRole('button', { name: 'Copy with citation' }).click();
    await eventually(() => page.evaluate(`navigator.clipboard.readText()`)).toMatch(
      /^“Currently, Balochistan/,
    );
    const copied = (await page.evaluate(`navigator.clipboard.readText()`)) as string;
    // APA 7, the default style: the in-text citation with the section and paragraph, then the reference.
    expect(copied).toBe(
      `“${SECOND}” (Ali, 2024, sec. Background, para. 4)\n\n` +
        `Ali, G. (2024). ${COMMENTARY_TITLE} (RCAS Commentary). The Hong Kong Research Center for Asian Studies (RCAS). ` +
        'https://www.cacianalyst.org/publications/analytical-articles/item/13829-security-concerns-impede-china-pakistan-relations.html',
    );
  });

  it('deletes a highlight with undo', async () => {
    const { page } = browser;
    const panel = page.locator('mg-notes-panel');
    await panel
      .getByRole('listitem')
      .filter({ hasText: 'Currently, Balochistan' })
      .getByRole('button', { name: 'Add note' })
      .click();
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await editor.getByRole('button', { name: 'Delete' }).click();
    await eventually(() => paintedTexts(page, 'mg-hl-green')).toEqual([]);
    await eventually(async () => (await list()).length).toBe(2);

    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => paintedTexts(page, 'mg-hl-green')).toEqual([SECOND]);
    await eventually(async () => (await list()).length).toBe(3);
  });

  it('paints a highlight across two paragraphs as one highlight, and keeps overlapping ones visible', async () => {
    const { page } = browser;
    // From the end of one paragraph of the Implications into the start of the next.
    const tail = 'involvement in Pakistan moving forward.';
    const head = 'China and Pakistan had already planned';
    await selectInArticle(page, tail, head);
    await page
      .getByRole('toolbar', { name: 'Highlight the selection' })
      .getByRole('button', { name: 'Highlight pink' })
      .click();
    await eventually(() => paintedTexts(page, 'mg-hl-pink')).toEqual([tail, head]);
    const pink = (await list()).find((a) => a.color === 'pink')!;
    expect(pink.selectors[0]).toMatchObject({ exact: `${tail}\n\n${head}` });

    // A purple highlight inside the pink one: both colours stay painted over the shared words.
    await selectInArticle(page, 'moving forward.');
    await page
      .getByRole('toolbar', { name: 'Highlight the selection' })
      .getByRole('button', { name: 'Highlight purple' })
      .click();
    await eventually(() => paintedTexts(page, 'mg-hl-purple')).toEqual(['moving forward.']);
    expect(await paintedTexts(page, 'mg-hl-pink')).toEqual([tail, head]);
    await screenshot(page, 'annotations-overlap');

    // A click on the overlap opens the inner (shorter) one; on the rest, the outer one.
    const inner = await paintedPoint(page, 'mg-hl-purple');
    await page.mouse.click(inner!.x, inner!.y);
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await eventually(() => editor.getByRole('radio', { name: 'Purple' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    await page.keyboard.press('Escape');
    const outer = await paintedPoint(page, 'mg-hl-pink');
    await page.mouse.click(outer!.x, outer!.y);
    await eventually(() => editor.getByRole('radio', { name: 'Pink' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    // Both go again, so the rest of the story counts what it made.
    await editor.getByRole('button', { name: 'Delete' }).click();
    await page.mouse.click(inner!.x, inner!.y);
    await editor.getByRole('button', { name: 'Delete' }).click();
    await eventually(async () => (await list()).length).toBe(3);
    await page.getByRole('button', { name: 'Undo' }).waitFor();
  });

  it('scrolls to a highlight chosen in the panel and flashes it', async () => {
    const { page } = browser;
    await page.evaluate(`window.scrollTo(0, document.body.scrollHeight)`);
    await page
      .locator('mg-notes-panel')
      .getByRole('button', { name: /^The diplomatic row/ })
      .click();
    await eventually(() => paintedTexts(page, 'mg-hl-flash')).toEqual([SENTENCE]);
    await eventually(async () => {
      const { y } = (await paintedPoint(page, 'mg-hl-blue', false))!;
      return y > 56 && y < 800;
    }).toBe(true);
  });

  it('exports Markdown and W3C JSON-LD files', async () => {
    const { page } = browser;
    const panel = page.locator('mg-notes-panel');
    for (const [label, format] of [
      ['Export Markdown', 'markdown'],
      ['Export JSON-LD', 'jsonld'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download') as Promise<Download>,
        panel.getByRole('button', { name: label }).click(),
      ]);
      const file = path.join(exportDir, download.suggestedFilename());
      await download.saveAs(file);
      exported[format] = file;
    }
    const markdown = await fs.readFile(exported.markdown, 'utf8');
    expect(markdown).toContain(COMMENTARY_TITLE);
    expect(markdown).toContain('> The diplomatic row between China and Pakistan');
    expect(markdown).toContain('A **rare** public rebuke');
    const jsonld = JSON.parse(await fs.readFile(exported.jsonld, 'utf8'));
    expect(jsonld.type).toBe('AnnotationCollection');
    expect(JSON.stringify(jsonld)).toContain('The diplomatic row between China and Pakistan');
  });

  it('adds a note to a passage from the menu, with the caret in the note', async () => {
    const { page } = browser;
    const passage = 'Pakistani law prohibits foreign security companies from operating within its borders.';
    await selectInArticle(page, passage);
    await page
      .getByRole('toolbar', { name: 'Highlight the selection' })
      .getByRole('button', { name: 'Add note' })
      .click();
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await editor.waitFor();
    await eventually(() => focusedLabel(page)).toBe('Note');
    await page.keyboard.type('Check the 2023 amendment.');
    await page.keyboard.press('Control+Enter');
    await eventually(() => editor.count()).toBe(0);
    await eventually(() => paintedTexts(page, 'mg-hl-yellow')).toEqual([passage]);
    const saved = async () => (await list()).find((a) => a.selectors[0]?.exact === passage);
    await eventually(async () => (await saved())?.note).toBe('Check the 2023 amendment.');
    expect((await saved())?.color).toBe('yellow');
    // It is not part of what the next steps export and import.
    await host.call('deleteAnnotation', [(await saved())!.id]);
  });

  describe('in an empty data folder', () => {
    let fresh: MarginHost;

    beforeAll(async () => {
      fresh = await startHost();
    });

    afterAll(async () => {
      // Leave the page first: its unload save must reach a live host, not one stopped under it.
      await browser.page.goto('about:blank');
      await fresh?.stop();
    });

    it('imports the JSON-LD export and shows everything again', async () => {
      const { page } = browser;
      await page.goto(fresh.url);
      await page.getByRole('button', { name: 'Notebook' }).click();
      const notebook = page.locator('mg-notebook-view');
      await notebook.getByText('No notes yet').waitFor();
      const input = notebook.locator('input[type=file]');

      await input.setInputFiles(exported.jsonld);
      await eventually(() => notebook.getByRole('status').innerText()).toContain('3 added');
      const items = notebook.locator('[data-annotation-id]');
      await eventually(() => items.count()).toBe(3);
      expect(await notebook.locator('strong').first().innerText()).toBe('rare');
      await screenshot(page, 'annotations-notebook');

      // Filter by colour: blue is the Background sentence only; purple is nothing.
      await notebook.getByRole('radio', { name: 'Blue' }).click();
      await eventually(() => items.count()).toBe(1);
      expect(await items.first().innerText()).toContain('The diplomatic row');
      await notebook.getByRole('radio', { name: 'Purple' }).click();
      await eventually(() => notebook.getByText('No notes match').count()).toBe(1);
      await notebook.getByRole('radio', { name: 'All colours' }).click();
      await notebook.getByRole('searchbox', { name: 'Filter by words' }).fill('PSC');
      await eventually(() => items.count()).toBe(1);
      await notebook.getByRole('searchbox', { name: 'Filter by words' }).fill('');
      await notebook.getByRole('combobox', { name: 'Tag' }).selectOption('CPEC');
      await eventually(() => items.count()).toBe(1);
      // A tag on a note filters by it, too.
      await notebook.getByRole('combobox', { name: 'Tag' }).selectOption('');
      await eventually(() => items.count()).toBe(3);
      await notebook.getByRole('button', { name: 'diplomacy' }).click();
      await eventually(() => items.count()).toBe(1);
      expect(await notebook.getByRole('combobox', { name: 'Tag' }).inputValue()).toBe('diplomacy');

      // Choosing it opens the document at that highlight, painted over the same words.
      await items.first().getByRole('button').first().click();
      await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
      await eventually(() => paintedTexts(page, 'mg-hl-blue')).toEqual([SENTENCE]);
      await eventually(() => paintedTexts(page, 'mg-hl-flash')).toEqual([SENTENCE]);
      expect(await allPainted(page)).toEqual({ 'mg-hl-blue': [SENTENCE], 'mg-hl-green': [SECOND] });
    });

    it('finds your highlights and notes in the main search, marked as yours', async () => {
      const { page } = browser;
      await page.keyboard.press('Control+k');
      await page.keyboard.type('rebuke');
      const yours = page.getByRole('group', { name: 'Your highlights and notes' });
      await eventually(() => yours.getByRole('option').count()).toBe(1);
      // The note's words as the reader sees them, not its Markdown.
      const snippet = await yours.getByRole('option').innerText();
      expect(snippet).toContain('A rare public rebuke');
      expect(snippet).not.toContain('**');
      // Marked as yours, with its colour.
      expect(await yours.locator('.color-dot').getAttribute('data-color')).toBe('blue');
      await screenshot(page, 'annotations-search-yours');
      // Enter opens the document at it, from anywhere in the page.
      await page.evaluate(`window.scrollTo(0, document.body.scrollHeight)`);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await eventually(() => paintedTexts(page, 'mg-hl-flash')).toEqual([SENTENCE]);
      await eventually(async () => {
        const { y } = (await paintedPoint(page, 'mg-hl-blue', false))!;
        return y > 56 && y < 800;
      }).toBe(true);
    });

    it('looks calm in sepia and dark', async () => {
      const { page } = browser;
      for (const theme of ['sepia', 'dark'] as const) {
        await fresh.call<Preferences>('setPreferences', [{ theme }]);
        await page.reload();
        await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
        await eventually(() => paintedTexts(page, 'mg-hl-blue')).toEqual([SENTENCE]);
        await selectInArticle(page, SECOND);
        await page.getByRole('toolbar', { name: 'Highlight the selection' }).waitFor();
        await screenshot(page, `annotations-reader-${theme}`);
        await page.keyboard.press('Escape');
        const point = await paintedPoint(page, 'mg-hl-blue');
        await page.mouse.click(point!.x, point!.y);
        await page.getByRole('dialog', { name: 'Highlight' }).waitFor();
        await screenshot(page, `annotations-editor-${theme}`);
        await page.keyboard.press('Escape');
      }
      expect(browser.pageErrors).toEqual([]);
    });
  });

  describe('in another empty data folder', () => {
    let fresh: MarginHost;

    beforeAll(async () => {
      fresh = await startHost();
    });

    afterAll(async () => {
      // Leave the page first: its unload save must reach a live host, not one stopped under it.
      await browser.page.goto('about:blank');
      await fresh?.stop();
    });

    it('imports the Markdown export: the highlights are painted over the same words and the notes are in the panel', async () => {
      const { page } = browser;
      await page.goto(fresh.url);
      await openCommentary(page);
      const notesButton = page.getByRole('button', { name: /^Notes/ });
      if ((await notesButton.getAttribute('aria-pressed')) !== 'true') await notesButton.click();
      const panel = page.locator('mg-notes-panel');
      await panel.waitFor();
      await panel.locator('input[type=file]').setInputFiles(exported.markdown);
      await eventually(() => panel.getByRole('status').innerText()).toContain('3 added');

      await eventually(() => allPainted(page)).toEqual({ 'mg-hl-blue': [SENTENCE], 'mg-hl-green': [SECOND] });
      const item = panel.getByRole('listitem').filter({ hasText: 'The diplomatic row' });
      expect(await item.locator('strong').innerText()).toBe('rare');
      expect(await item.innerText()).toContain('diplomacy');
      const documentNote = panel.locator('[data-annotation-id]').first();
      expect(await documentNote.locator('mg-markdown').locator('p').innerText()).toBe(
        'Read with the 2023 PSC debate.',
      );
      // The same records as the folder they were exported from: ids, positions, notes, tags, colours.
      expect(await fresh.call<Annotation[]>('listAnnotations', [DOC_ID])).toEqual(await list());
      expect(browser.pageErrors).toEqual([]);
    });
  });

  describe('with a note from another tool', () => {
    const FOREIGN_ID = 'http://example.org/anno/1';
    let fresh: MarginHost;

    beforeAll(async () => {
      fresh = await startHost();
    });

    afterAll(async () => {
      // Leave the page first: its unload save must reach a live host, not one stopped under it.
      await browser.page.goto('about:blank');
      await fresh?.stop();
    });

    it('imports a W3C annotation whose id is an ordinary URI, then edits, deletes, undoes and exports it', async () => {
      const file = path.join(exportDir, 'other-tool.jsonld');
      await fs.writeFile(
        file,
        JSON.stringify({
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: FOREIGN_ID,
          type: 'Annotation',
          motivation: 'commenting',
          created: '2026-10-01T09:00:00Z',
          modified: '2026-10-01T09:00:00Z',
          body: { type: 'TextualBody', value: 'Noted in another tool' },
          target: {
            source: `urn:margin:doc:${DOC_ID}`,
            selector: { type: 'TextQuoteSelector', exact: SECOND },
          },
        }),
      );
      const { page } = browser;
      await page.goto(fresh.url);
      await openCommentary(page);
      const notesButton = page.getByRole('button', { name: /^Notes/ });
      if ((await notesButton.getAttribute('aria-pressed')) !== 'true') await notesButton.click();
      const panel = page.locator('mg-notes-panel');
      await panel.waitFor();
      await panel.locator('input[type=file]').setInputFiles(file);
      await eventually(() => panel.getByRole('status').innerText()).toContain('1 added');
      await eventually(() => allPainted(page)).toEqual({ 'mg-hl-yellow': [SECOND] });
      const stored = () => fresh.call<Annotation[]>('listAnnotations', [DOC_ID]);

      // Edit its note in the editor: the change is saved under the same id.
      const item = panel.getByRole('listitem').filter({ hasText: 'Currently, Balochistan' });
      await item.getByRole('button', { name: 'Edit' }).click();
      const editor = page.getByRole('dialog', { name: 'Highlight' });
      await editor.getByRole('textbox', { name: 'Note' }).fill('Edited in Margin');
      await eventually(async () => (await stored()).map((a) => [a.id, a.note])).toEqual([
        [FOREIGN_ID, 'Edited in Margin'],
      ]);

      // Delete it, then undo.
      await editor.getByRole('button', { name: 'Delete' }).click();
      await eventually(() => allPainted(page)).toEqual({});
      await eventually(async () => (await stored()).length).toBe(0);
      await page.getByRole('button', { name: 'Undo' }).click();
      await eventually(() => allPainted(page)).toEqual({ 'mg-hl-yellow': [SECOND] });
      await eventually(async () => (await stored()).map((a) => [a.id, a.note])).toEqual([
        [FOREIGN_ID, 'Edited in Margin'],
      ]);

      // The export carries it with its own id and the edited note.
      const [download] = await Promise.all([
        page.waitForEvent('download') as Promise<Download>,
        panel.getByRole('button', { name: 'Export JSON-LD' }).click(),
      ]);
      const exportedFile = path.join(exportDir, `foreign-${download.suggestedFilename()}`);
      await download.saveAs(exportedFile);
      const items = JSON.parse(await fs.readFile(exportedFile, 'utf8')).first.items as Array<{
        id: string;
        body: Array<{ value: string }>;
      }>;
      expect(items.map((item) => [item.id, item.body[0].value])).toEqual([[FOREIGN_ID, 'Edited in Margin']]);
      expect(browser.pageErrors).toEqual([]);
    });
  });
});
