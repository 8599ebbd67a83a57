import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Citation, Preferences } from '../../main/api';
import { openBrowser, startHost, type BrowserSession, type MarginHost } from './harness';
import { eventually } from './annotations-page';
import { COMMENTARY_TITLE, openCommentary } from './reader-page';
import {
  annotate,
  APP_CHROME,
  type NoteSpec,
  COUNT_PRINTS,
  printsAsked,
  printToPdf,
  type ReadPdf,
} from './print-page';

const DOC_ID = 'security-concerns-impede-china-pakistan-relations';
/** Text compared without white space: pdf.js splits ligatures ("fi rst") and lines ("north- west"). */
const squash = (text: string) => text.replace(/\s+/g, '');

const NOTES: NoteSpec[] = [
  {
    words: 'Chinese Ambassador Jiang Zaidong openly rebutted remarks',
    color: 'yellow',
    note: 'The first **public** rebuttal: a turning point.',
    tags: ['diplomacy'],
  },
  { words: 'The Balochistan Liberation Army, a separatist group', color: 'green' },
  {
    words: 'Another key source of attacks on Chinese nationals is the Tehrik-i-Taliban Pakistan (TTP)',
    color: 'blue',
    note: 'TTP attacks come from the north-west, not Balochistan.',
    tags: ['security', 'ttp'],
  },
  {
    words: 'China may increase its',
    color: 'pink',
    note: 'Three trends: watch the private security companies.',
  },
  {
    words: 'exposed long-standing issues between China and Pakistan',
    color: 'purple',
    note: 'Conclusion in one line.',
  },
];
/** The notes as the page shows them: Markdown read, so `**public**` prints as "public". */
const NOTE_TEXTS = NOTES.flatMap((spec) => (spec.note ? [spec.note.replace(/\*\*/g, '')] : []));

/** Whole words of the app's chrome found in the printed text (case-sensitive, as on the buttons). */
function chromeIn(pdf: ReadPdf, except: string[] = []): string[] {
  return APP_CHROME.filter((words) => !except.includes(words)).filter((words) =>
    new RegExp(`(^|[^\\w])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`).test(pdf.text),
  );
}

describe('printing in the browser', () => {
  let host: MarginHost;
  let browser: BrowserSession;
  let made: Annotation[];
  /** The reference in APA 7 (the default style), as the print's "Cite as" must show it. */
  let reference: string;

  beforeAll(async () => {
    host = await startHost();
    browser = await openBrowser();
    made = await annotate(host, DOC_ID, NOTES);
    await host.call('createAnnotation', [{ docId: DOC_ID, note: 'Read with the 2023 commentary on CPEC.' }]);
    await browser.page.addInitScript(COUNT_PRINTS);
    reference = (await host.call<Citation>('citeDocument', [DOC_ID, 'apa'])).reference.text;
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('prints a document with its citation, highlights and numbered endnotes, and none of the app', async () => {
    const { page } = browser;
    await page.goto(host.url);
    await openCommentary(page);
    await page.getByRole('button', { name: 'Print…' }).click();
    await eventually(() => printsAsked(page)).toBe(1);

    const pdf = await printToPdf(page, 'print-endnotes');
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    expect(pdf.pages.length).toBeLessThanOrEqual(8);
    expect(pdf.pages[0]).toContain(COMMENTARY_TITLE);
    expect(pdf.pages[0]).toMatch(/Cite as/i);
    expect(squash(pdf.pages[0])).toContain(squash(reference));
    for (const note of NOTES) expect(squash(pdf.text)).toContain(squash(note.words));
    for (const note of NOTE_TEXTS) expect(squash(pdf.text)).toContain(squash(note));
    expect(pdf.text).toContain('Read with the 2023 commentary on CPEC.');
    expect(pdf.text).toContain('#security #ttp');
    // The endnotes come after the article, numbered in reading order, each with its quote.
    const text = squash(pdf.text);
    const endnotes = text.lastIndexOf('Notes1.');
    expect(endnotes).toBeGreaterThan(text.indexOf('CONCLUSIONS'));
    expect(text.slice(endnotes)).toMatch(
      /^Notes1\.ChineseAmbassador.*Thefirstpublicrebuttal.*2\.Anotherkeysource.*TTPattacks.*3\.Chinamay.*Threetrends.*4\.exposed.*Conclusioninoneline/,
    );
    // Page numbers from the @page margin boxes.
    pdf.pages.forEach((text, index) => expect(text).toContain(`${index + 1} / ${pdf.pages.length}`));
    expect(chromeIn(pdf)).toEqual([]);

    // Save as PDF from the notes panel: the browser host has no file dialog, so the browser's print
    // (whose destinations include Save as PDF) is asked for, with the same layout.
    await page.getByRole('button', { name: /^Notes/ }).click();
    await page.locator('mg-notes-panel').getByRole('button', { name: 'Save as PDF…' }).click();
    await eventually(() => printsAsked(page)).toBe(2);
    await page.getByRole('button', { name: /^Notes/ }).click();
  });

  it('puts the notes beside their passages when the reader chooses margin notes, printed with Ctrl+P', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page
      .getByRole('combobox', { name: 'Notes in print' })
      .selectOption({ label: 'Beside the text, in the margin' });
    await eventually(async () => (await host.call<Preferences>('getPreferences')).printNotes).toBe('margin');
    await page.keyboard.press('Escape');
    await page.locator('mg-article').getByRole('heading', { level: 1 }).focus();
    await page.keyboard.press('Control+p');
    await eventually(() => printsAsked(page)).toBe(3);

    const pdf = await printToPdf(page, 'print-margin');
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    expect(pdf.pages.length).toBeLessThanOrEqual(8);
    expect(squash(pdf.pages[0])).toContain(squash(reference));
    for (const note of NOTE_TEXTS) expect(squash(pdf.text)).toContain(squash(note));
    // No endnotes section: each note sits on the page of its passage.
    expect(squash(pdf.text)).not.toContain('Notes1.');
    const pageOf = (words: string) => pdf.pages.findIndex((text) => squash(text).includes(squash(words)));
    expect(pageOf('TTP attacks come from the north-west')).toBe(pageOf('Tehrik-i-Taliban Pakistan (TTP)'));
    expect(pageOf('Conclusion in one line.')).toBe(pageOf('exposed long-standing issues'));
    expect(chromeIn(pdf)).toEqual([]);
  });

  it('prints the notebook as filtered, each quote with its citation and locator', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('button', { name: 'Notebook' }).click();
    const notebook = page.locator('mg-notebook-view');
    await notebook.getByText('TTP attacks come from').first().waitFor();
    await notebook.getByRole('combobox', { name: 'Tag' }).selectOption('security');
    await notebook.getByText('1 of 6 notes').waitFor();
    await notebook.getByRole('button', { name: 'Print…' }).click();
    await eventually(() => printsAsked(page)).toBe(4);

    const filtered = await printToPdf(page, 'print-notebook-filtered');
    expect(filtered.pages).toHaveLength(1);
    expect(filtered.text).toContain('1 of 6 notes (tag: security)');
    expect(squash(filtered.text)).toContain(squash(NOTES[2].words));
    expect(squash(filtered.text)).not.toContain(squash(NOTES[0].words));

    await notebook.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'All tags' });
    await notebook.getByRole('button', { name: 'Print…' }).click();
    await eventually(() => printsAsked(page)).toBe(5);
    const all = await printToPdf(page, 'print-notebook');
    expect(all.text).toContain('6 of 6 notes');
    expect(squash(all.text)).toContain(squash(reference));
    for (const note of NOTES) expect(squash(all.text)).toContain(squash(note.words));
    // Each quote carries its in-text citation with the section and paragraph.
    expect(all.text).toContain('(Ali, 2024, sec. Background, para. 5)');
    expect(all.text).toContain('Note on the whole document');
    // Its own title is the notebook's name; nothing else of the app.
    expect(chromeIn(all, ['Notebook'])).toEqual([]);
    expect(chromeIn(filtered, ['Notebook'])).toEqual([]);
    expect(made).toHaveLength(NOTES.length);
  });

  it('prints dark text on white paper in the dark theme, notes included', async () => {
    const { page } = browser;
    await host.call('setPreferences', [{ theme: 'dark' }]);
    // A note quoting someone: Markdown's blockquote takes the theme's soft text colour on screen.
    await annotate(host, DOC_ID, [
      { words: 'If one factor has most damaged', color: 'yellow', note: '> As the saying goes.' },
    ]);
    await page.goto(host.url);
    await openCommentary(page);
    await page.getByRole('button', { name: 'Print…' }).click();
    await eventually(() => printsAsked(page)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const colours = await page.evaluate(`(() => {
      const view = document.querySelector('mg-app').shadowRoot.querySelector('mg-print-view');
      const notes = [...view.shadowRoot.querySelectorAll('mg-markdown')];
      const note = notes[0].shadowRoot.querySelector('p');
      const quoted = notes.map((n) => n.shadowRoot.querySelector('blockquote')).find(Boolean);
      return {
        page: getComputedStyle(document.documentElement).backgroundColor,
        text: getComputedStyle(view).color,
        note: getComputedStyle(note).color,
        quoted: getComputedStyle(quoted).color,
      };
    })()`);
    await page.emulateMedia({ media: 'screen' });
    expect(colours).toEqual({
      page: 'rgb(255, 255, 255)',
      text: 'rgb(17, 17, 17)',
      note: 'rgb(17, 17, 17)',
      quoted: 'rgb(51, 51, 51)',
    });
    const pdf = await printToPdf(page, 'print-dark-theme');
    expect(squash(pdf.text)).toContain(squash(NOTE_TEXTS[1]));
  });
});
