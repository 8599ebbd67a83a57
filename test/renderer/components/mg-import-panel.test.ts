import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModuleInChromium, type ModulePage } from '../module-in-chromium';

let page: ModulePage;

const row = (key: string, status: string, extra: object = {}) => ({
  key,
  name: `${key}.pdf`,
  status,
  progress: null,
  message: '',
  docId: null,
  title: null,
  alone: false,
  ...extra,
});

interface Drawn {
  rows: Array<{ status: string; text: string; buttons: string[] }>;
  bars: Array<{ label: string; value: string | null; max: string | null }>;
  dismissDisabled: boolean | null;
}

/** Draws the panel with these rows and returns what a reader sees (and hears) of each. */
const draw = (rows: object[]) =>
  page.run<Drawn>(`(async () => {
    document.body.innerHTML = '<mg-import-panel></mg-import-panel>';
    const panel = document.querySelector('mg-import-panel');
    panel.rows = ${JSON.stringify(rows)};
    await panel.updateComplete;
    const root = panel.shadowRoot;
    const label = (button) => button.getAttribute('aria-label') ?? button.innerText.trim();
    return {
      rows: [...root.querySelectorAll('li')].map((li) => ({
        status: li.dataset.status,
        text: li.innerText.replace(/\\s+/g, ' ').trim(),
        buttons: [...li.querySelectorAll('button')].map(label),
      })),
      bars: [...root.querySelectorAll('progress')].map((bar) => ({
        label: bar.getAttribute('aria-label'),
        value: bar.getAttribute('value'),
        max: bar.getAttribute('max'),
      })),
      dismissDisabled: root.querySelector('.head button')?.disabled ?? null,
    };
  })()`);

/** Presses the panel's button with this accessible name and returns the mg- event the document heard. */
const press = (name: string) =>
  page.run<Record<string, unknown> | null>(`(() => {
    let heard = null;
    const types = ['mg-import-cancel', 'mg-import-same-name', 'mg-import-dismiss', 'mg-open-document'];
    const listen = (event) => (heard ??= event);
    for (const type of types) document.addEventListener(type, listen);
    const root = document.querySelector('mg-import-panel').shadowRoot;
    [...root.querySelectorAll('button')]
      .find((b) => (b.getAttribute('aria-label') ?? b.innerText.trim()) === ${JSON.stringify(name)})
      .click();
    for (const type of types) document.removeEventListener(type, listen);
    if (!heard) return null;
    const { type, key, choice, docId } = heard;
    return { type, key, choice, docId };
  })()`);

beforeAll(async () => {
  page = await openModuleInChromium(`export * from './renderer/components/mg-import-panel'`);
});

afterAll(async () => {
  await page?.close();
});

describe('mg-import-panel', () => {
  it('shows nothing when there are no files', async () => {
    expect(await draw([])).toEqual({ rows: [], bars: [], dismissDisabled: null });
  });

  it('shows each file with its progress while it imports, a labelled Cancel, and keeps Clear off until one is done', async () => {
    const drawn = await draw([
      row('a', 'importing', { progress: { phase: 'parsing', done: 3, total: 10 } }),
      row('b', 'importing'),
      row('c', 'waiting'),
    ]);
    expect(drawn.rows).toEqual([
      {
        status: 'importing',
        text: 'a.pdf Reading page 4 of 10 Cancel',
        buttons: ['Cancel importing a.pdf'],
      },
      { status: 'importing', text: 'b.pdf Starting Cancel', buttons: ['Cancel importing b.pdf'] },
      { status: 'waiting', text: 'c.pdf Waiting Cancel', buttons: ['Cancel importing c.pdf'] },
    ]);
    // Without a total yet the bar has no value: the browser draws it as busy.
    expect(drawn.bars).toEqual([
      { label: 'Importing a.pdf', value: '3', max: '10' },
      { label: 'Importing b.pdf', value: null, max: '1' },
    ]);
    expect(drawn.dismissDisabled).toBe(true);
    expect(await press('Cancel importing b.pdf')).toEqual({ type: 'mg-import-cancel', key: 'b' });
  });

  it('writes each result in one line, offers Open for a document in the library, and asks about a file of the same name', async () => {
    const drawn = await draw([
      row('done', 'imported', { docId: 'ports-1a2b3c4d', title: 'Ports', message: 'Imported “Ports”.' }),
      row('again', 'already-in-library', { docId: 'ports-1a2b3c4d', title: 'Ports' }),
      row('bad', 'refused', { message: 'bad.pdf: the file is damaged or cut short' }),
      row('stop', 'cancelled'),
      row('twin', 'same-name', {
        docId: 'ports-1a2b3c4d',
        title: 'Ports',
        message: 'A different “twin.pdf” is already in your library.',
      }),
    ]);
    expect(drawn.rows.map(({ text, buttons }) => [text, buttons])).toEqual([
      ['done.pdf Imported Open', ['Open Ports']],
      ['again.pdf Already in your library Open', ['Open Ports']],
      ['bad.pdf Refused: bad.pdf: the file is damaged or cut short', []],
      ['stop.pdf Cancelled', []],
      [
        'twin.pdf A different “twin.pdf” is already in your library. Replace (keep my notes, re-anchored) Keep both Cancel',
        ['Replace (keep my notes, re-anchored)', 'Keep both', 'Cancel importing twin.pdf'],
      ],
    ]);
    expect(drawn.dismissDisabled).toBe(false);
    expect(await press('Keep both')).toEqual({
      type: 'mg-import-same-name',
      key: 'twin',
      choice: 'keep-both',
    });
    expect(await press('Replace (keep my notes, re-anchored)')).toMatchObject({ choice: 'replace' });
    expect(await press('Open Ports')).toMatchObject({ type: 'mg-open-document', docId: 'ports-1a2b3c4d' });
    expect(await press('Clear the finished files from this list')).toMatchObject({
      type: 'mg-import-dismiss',
    });
  });

  it('logs no errors', () => {
    expect(page.pageErrors).toEqual([]);
  });
});
