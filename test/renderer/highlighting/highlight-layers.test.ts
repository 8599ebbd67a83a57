import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModuleInChromium, type ModulePage } from '../module-in-chromium';

let page: ModulePage;

beforeAll(async () => {
  page = await openModuleInChromium(`export * from './renderer/highlighting/highlight-layers'`);
  await page.run(`document.body.innerHTML = '<p id="block">Gwadar port and the Gwadar airport</p>'`);
});

afterAll(async () => {
  await page?.close();
});

/** Paints `layer` over the given spans of the paragraph's text. */
const paint = (layer: string, spans: Array<[number, number]>) =>
  page.run(`(() => {
    const text = document.getElementById('block').firstChild;
    const ranges = ${JSON.stringify(spans)}.map(([start, end]) => {
      const range = new Range();
      range.setStart(text, start);
      range.setEnd(text, end);
      return range;
    });
    rendererModule.paintLayer(${JSON.stringify(layer)}, ranges);
  })()`);

/** What each painted layer covers, and its priority. */
const painted = () =>
  page.run<Record<string, { priority: number; texts: string[] }>>(`Object.fromEntries(
    [...CSS.highlights].map(([name, highlight]) => [
      name,
      { priority: highlight.priority, texts: [...highlight].map((range) => range.toString()) },
    ]),
  )`);

describe('highlight-layers', () => {
  it('knows that Chromium paints custom highlights', async () => {
    expect(await page.run(`rendererModule.canPaintHighlights()`)).toBe(true);
  });

  it('paints a layer over its ranges without touching the text', async () => {
    await paint('search-match', [
      [0, 6],
      [20, 26],
    ]);
    expect((await painted())['search-match'].texts).toEqual(['Gwadar', 'Gwadar']);
    expect(await page.run(`document.getElementById('block').innerHTML`)).toBe(
      'Gwadar port and the Gwadar airport',
    );
  });

  it('puts the current find match above every find match, and both above search words', async () => {
    await paint('find-match', [
      [0, 6],
      [20, 26],
    ]);
    await paint('find-current', [[20, 26]]);
    const layers = await painted();
    expect(layers['find-current'].priority).toBeGreaterThan(layers['find-match'].priority);
    expect(layers['find-match'].priority).toBeGreaterThan(layers['search-match'].priority);
  });

  it('replaces a layer when painted again, and clears it with an empty list or clearLayer', async () => {
    await paint('find-current', [[0, 6]]);
    expect((await painted())['find-current'].texts).toEqual(['Gwadar']);
    await paint('find-current', []);
    expect(Object.keys(await painted()).sort()).toEqual(['find-match', 'search-match']);
    await page.run(`rendererModule.clearLayer('find-match')`);
    expect(Object.keys(await painted())).toEqual(['search-match']);
    expect(page.pageErrors).toEqual([]);
  });
});
