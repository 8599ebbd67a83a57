import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModuleInChromium, type ModulePage } from '../module-in-chromium';

let page: ModulePage;

const QUOTE = 'The diplomatic row between China and Pakistan intensified';
const passage = (id: string, extra: object = {}) => ({
  id,
  docId: 'doc-a',
  selectors: [
    { type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start: 120, end: 120 + QUOTE.length },
  ],
  color: 'blue',
  note: '',
  tags: [],
  anchorStatus: 'exact',
  ...extra,
});
const documentNote = {
  ...passage('doc-note'),
  selectors: [],
  color: null,
  note: 'Read with the PSC debate.',
};

/** Draws one item in a list item, as the panel and the notebook do, and returns what a reader sees. */
const draw = (variant: string, annotation: object) =>
  page.run<{ text: string; buttons: string[]; titles: string[] }>(`(async () => {
    document.body.innerHTML = '<ul><li><mg-annotation-item variant="${variant}"></mg-annotation-item></li></ul>';
    const item = document.querySelector('mg-annotation-item');
    item.annotation = ${JSON.stringify(annotation)};
    await item.updateComplete;
    return {
      text: document.querySelector('li').innerText,
      buttons: [...item.querySelectorAll('button')].map((button) => button.innerText.trim()),
      titles: [...item.querySelectorAll('[title]')].map((element) => element.title),
    };
  })()`);

/** Clicks the item's button named `name` and returns the mg- event the document heard. */
const click = (name: string) =>
  page.run<Record<string, unknown>>(`(() => {
    let heard = null;
    const listen = (event) => { if (event.type.startsWith('mg-')) heard ??= event; };
    const types = ['mg-annotation-reveal', 'mg-annotation-edit', 'mg-open-annotation', 'mg-annotation-tag-filter'];
    for (const type of types) document.addEventListener(type, listen);
    const button = [...document.querySelectorAll('mg-annotation-item button')]
      .find((b) => b.innerText.trim().startsWith(${JSON.stringify(name)}));
    button.click();
    for (const type of types) document.removeEventListener(type, listen);
    const { type, annotationId, docId, tag, anchor } = heard;
    return { type, annotationId, docId, tag, anchorLeft: anchor?.x };
  })()`);

beforeAll(async () => {
  page = await openModuleInChromium(`export * from './renderer/components/mg-annotation-item'`);
});

afterAll(async () => {
  await page?.close();
});

describe('mg-annotation-item', () => {
  it('in the panel, shows the quote as a button that scrolls the reader to it', async () => {
    const seen = await draw('panel', passage('h1', { tags: ['CPEC'] }));
    expect(seen.buttons).toEqual([QUOTE, 'Add note']);
    expect(seen.titles).toEqual(['Blue', 'Show in the article']);
    // Its words are the list item's own text (light DOM), not hidden in a shadow root.
    expect(seen.text).toContain(QUOTE);
    expect(seen.text).toContain('CPEC');
    expect(await click(QUOTE)).toMatchObject({ type: 'mg-annotation-reveal', annotationId: 'h1' });
  });

  it('in the panel, offers Edit for a note and opens the editor beside the panel', async () => {
    const seen = await draw('panel', passage('h2', { note: 'A **rare** rebuke.' }));
    expect(seen.buttons).toEqual([QUOTE, 'Edit']);
    expect(await page.run(`document.querySelector('mg-markdown').source`)).toBe('A **rare** rebuke.');
    const edit = await click('Edit');
    expect(edit).toMatchObject({ type: 'mg-annotation-edit', annotationId: 'h2' });
    // The item is at the page's left edge, so the editor goes as far left as it can: 8 px in.
    expect(edit.anchorLeft).toBe(8);
  });

  it('in the panel, shows a lost passage as text with why, and a document note without a quote', async () => {
    const lost = await draw('panel', passage('h3', { anchorStatus: 'orphaned' }));
    expect(lost.buttons).toEqual(['Add note']);
    expect(lost.text).toContain(QUOTE);
    expect(lost.text).toContain('Couldn’t find this passage in the current edition.');
    const note = await draw('panel', documentNote);
    expect(note.buttons).toEqual(['Edit']);
    expect(note.titles).toEqual(['No colour']);
    expect(note.text).not.toContain(QUOTE);
  });

  it('in the notebook, opens the document at the passage and filters by a tag, with no Edit', async () => {
    const seen = await draw('notebook', passage('h4', { tags: ['CPEC', 'diplomacy'] }));
    expect(seen.buttons).toEqual([QUOTE, 'CPEC', 'diplomacy']);
    expect(await click(QUOTE)).toMatchObject({
      type: 'mg-open-annotation',
      docId: 'doc-a',
      annotationId: 'h4',
    });
    expect(await click('diplomacy')).toMatchObject({ type: 'mg-annotation-tag-filter', tag: 'diplomacy' });
  });

  it('in the notebook, names a document note and says when a passage is lost, inside its open button', async () => {
    expect((await draw('notebook', documentNote)).buttons).toEqual(['Note on the document']);
    const lost = await draw('notebook', passage('h5', { anchorStatus: 'orphaned' }));
    expect(lost.buttons).toHaveLength(1);
    expect(lost.buttons[0]).toContain('Couldn’t find this passage in the current edition.');
    expect(page.pageErrors).toEqual([]);
  });
});
