import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GROUP_STEPS } from '../../../main/shared/search-steps';
import { openModuleInChromium, type ModulePage } from '../module-in-chromium';

const [FIRST, SECOND] = GROUP_STEPS;

let page: ModulePage;

beforeAll(async () => {
  page = await openModuleInChromium(
    [
      "export * from './renderer/components/mg-search';",
      "export { apiContext } from './renderer/contexts';",
      "export { ContextProvider } from '@lit/context';",
    ].join('\n'),
  );
}, 60_000);

afterAll(async () => {
  expect(page.pageErrors).toEqual([]);
  await page.close();
});

/**
 * A search box whose API answers only when the test says so: `window.asked` lists the queries asked
 * (`window.limits` how many documents each asked for), `window.answer(query)` answers one of them (one
 * passage in one document), `window.answerWith(query, documents, total)` with that many documents of
 * three passages out of `total` matches.
 */
beforeEach(async () => {
  await page.run(`(async () => {
    document.body.innerHTML = '';
    // This test's own lists: a box left from the test before (a late scroll) cannot write into them.
    const asked = (window.asked = []);
    const limits = (window.limits = []);
    const waiting = new Map();
    const api = {
      search: (query, options) => new Promise((resolve) => {
        asked.push(query);
        limits.push(options.limit);
        waiting.set(query, resolve);
      }),
    };
    window.answerWith = (query, documents, total = documents) => waiting.get(query)({
      status: 'ok', query, total, complete: true, tookMs: 1, annotations: [],
      groups: Array.from({ length: documents }, (_, d) => ({
        docId: 'd' + d, title: 'On ' + query + ' ' + d, authors: [], published: null,
        passages: [1, 2, 3].slice(0, documents === 1 ? 1 : 3).map((p) => ({
          blockId: 'b' + p, section: 'Part ' + p, terms: [query],
          snippet: [{ text: 'A long passage about ', mark: false }, { text: query, mark: true },
            { text: ' that fills two lines of the panel with words a reader would skim. '.repeat(2), mark: false }],
        })),
      })),
    });
    window.answer = (query) => window.answerWith(query, 1);
    const provider = document.createElement('div');
    new rendererModule.ContextProvider(provider, { context: rendererModule.apiContext, initialValue: api });
    document.body.append(provider);
    provider.innerHTML = '<mg-search></mg-search>';
    const search = provider.querySelector('mg-search');
    await search.updateComplete;
    window.search = search;
    window.typeInto = async (value) => {
      const input = search.shadowRoot.querySelector('input');
      input.focus();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await search.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    window.shownQuery = () => search.shadowRoot.querySelector('[data-query]')?.dataset.query ?? null;
  })()`);
});

const settle = () => page.run('new Promise((resolve) => setTimeout(resolve, 20))');

describe('mg-search', () => {
  it('asks for the first key at once, without waiting for the typist to pause', async () => {
    await page.run(`window.typeInto('s')`);
    expect(await page.run('window.asked')).toEqual(['s']);
  });

  it('asks once more for what is in the field when the answer on its way comes back, not once per key', async () => {
    await page.run(`window.typeInto('s')`);
    await page.run(`window.typeInto('se')`);
    await page.run(`window.typeInto('sea')`);
    expect(await page.run('window.asked')).toEqual(['s']);
    await page.run(`window.answer('s')`);
    await settle();
    expect(await page.run('window.asked')).toEqual(['s', 'sea']);
    // The answer for "s" came after "sea" was typed: it is never shown.
    expect(await page.run('window.shownQuery()')).toBeNull();
    await page.run(`window.answer('sea')`);
    await settle();
    expect(await page.run('window.shownQuery()')).toBe('sea');
  });

  it('never paints an older answer over a newer one', async () => {
    await page.run(`window.typeInto('wa')`);
    await page.run(`window.answer('wa')`);
    await settle();
    expect(await page.run('window.shownQuery()')).toBe('wa');
    await page.run(`window.typeInto('wat')`);
    await page.run(`window.typeInto('wate')`);
    await page.run(`window.answer('wat')`);
    await settle();
    // "wat" answered after "wate" was typed: the list still shows "wa" until "wate" answers.
    expect(await page.run('window.shownQuery()')).toBe('wa');
    await page.run(`window.answer('wate')`);
    await settle();
    expect(await page.run('window.shownQuery()')).toBe('wate');
    expect(await page.run('window.asked')).toEqual(['wa', 'wat', 'wate']);
  });

  it('lays out only the result groups in view, and the arrow keys still reach the last one', async () => {
    await page.run(`window.typeInto('tide')`);
    await page.run(`window.answerWith('tide', 20)`);
    await settle();
    const state = `(() => {
      const root = window.search.shadowRoot;
      const groups = [...root.querySelectorAll('[role="listbox"] > .group')];
      const panel = root.querySelector('.panel').getBoundingClientRect();
      const last = root.querySelector('#option-59').getBoundingClientRect();
      return {
        groups: groups.length,
        laidOut: groups.filter((group) => group.firstElementChild.checkVisibility({ contentVisibilityAuto: true }))
          .length,
        active: root.querySelector('input').getAttribute('aria-activedescendant'),
        lastInView: last.height > 0 && last.top >= panel.top && last.bottom <= panel.bottom,
      };
    })()`;
    const before = (await page.run(state)) as { groups: number; laidOut: number };
    expect(before.groups).toBe(20);
    // The panel shows a few documents of twenty: the browser skips the rest until they scroll into view.
    expect(before.laidOut).toBeGreaterThan(0);
    expect(before.laidOut).toBeLessThan(20);
    await page.run(`window.search.shadowRoot.querySelector('input').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }))`);
    await page.run('window.search.updateComplete');
    await page.run('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))');
    expect(await page.run(state)).toMatchObject({ active: 'option-59', lastInView: true });
  });

  it('asks for a few documents while the reader types, and more as the list is scrolled to its end', async () => {
    await page.run(`window.typeInto('tide')`);
    await page.run(`window.answerWith('tide', ${FIRST}, 300)`);
    await settle();
    expect(await page.run('window.limits')).toEqual([FIRST]);
    await page.run(`(() => {
      const panel = window.search.shadowRoot.querySelector('.panel');
      panel.scrollTop = panel.scrollHeight;
      panel.dispatchEvent(new Event('scroll'));
    })()`);
    await settle();
    expect(await page.run('window.asked')).toEqual(['tide', 'tide']);
    expect(await page.run('window.limits')).toEqual([FIRST, SECOND]);
    await page.run(`window.answerWith('tide', ${SECOND}, 300)`);
    await settle();
    const groups = `window.search.shadowRoot.querySelectorAll('[role="listbox"] > .group').length`;
    expect(await page.run(groups)).toBe(SECOND);
    // A new query starts again from a few documents.
    await page.run(`window.typeInto('tides')`);
    expect(await page.run('window.limits')).toEqual([FIRST, SECOND, FIRST]);
  });

  it('asks for more when the arrow keys near the last document, and stays on the same passage', async () => {
    await page.run(`window.typeInto('reef')`);
    await page.run(`window.answerWith('reef', ${FIRST}, 300)`);
    await settle();
    const press = (key: string) =>
      page.run(`window.search.shadowRoot.querySelector('input').dispatchEvent(
        new KeyboardEvent('keydown', { key: '${key}', bubbles: true, composed: true }))`);
    // FIRST documents of three passages each: the last document's first passage is option 3 × (FIRST − 1).
    const lastFirst = 3 * (FIRST - 1);
    for (let i = 0; i <= lastFirst; i++) await press('ArrowDown');
    await page.run('window.search.updateComplete');
    const active = `window.search.shadowRoot.querySelector('input').getAttribute('aria-activedescendant')`;
    expect(await page.run(active)).toBe(`option-${lastFirst}`);
    expect(await page.run('window.limits')).toEqual([FIRST, SECOND]);
    await page.run(`window.answerWith('reef', ${SECOND}, 300)`);
    await settle();
    expect(await page.run(active)).toBe(`option-${lastFirst}`);
    await press('ArrowDown');
    await press('ArrowDown');
    await press('ArrowDown');
    await page.run('window.search.updateComplete');
    // Past the last document of the first answer now, into the next that the longer answer brought.
    expect(await page.run(active)).toBe(`option-${lastFirst + 3}`);
  });

  it('does not ask for more when every match is already shown', async () => {
    await page.run(`window.typeInto('kelp')`);
    await page.run(`window.answerWith('kelp', 5, 5)`);
    await settle();
    await page.run(`(() => {
      const panel = window.search.shadowRoot.querySelector('.panel');
      panel.scrollTop = panel.scrollHeight;
      panel.dispatchEvent(new Event('scroll'));
    })()`);
    await settle();
    expect(await page.run('window.limits')).toEqual([FIRST]);
  });
});
