import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModuleInChromium, type ModulePage } from '../module-in-chromium';

let page: ModulePage;

beforeAll(async () => {
  page = await openModuleInChromium(`export * from './renderer/highlighting/element-ranges'`);
  await page.run(`document.body.innerHTML =
    '<p id="block">The <em>diplomatic</em> row between <strong>China and <a href="#">Pakistan</a></strong> grew.</p>'`);
});

afterAll(async () => {
  await page?.close();
});

/** The text a range covers, or null when there is none. */
const textOf = (start: number, end: number) =>
  page.run<string | null>(`(() => {
    const range = rendererModule.rangeInElement(document.getElementById('block'), ${start}, ${end});
    return range ? range.toString() : null;
  })()`);

describe('element-ranges', () => {
  it('covers exactly the characters asked for, across inline elements', async () => {
    expect(await textOf(4, 14)).toBe('diplomatic');
    expect(await textOf(0, 8)).toBe('The dipl');
    expect(await textOf(27, 45)).toBe('China and Pakistan');
    expect(await textOf(0, 51)).toBe('The diplomatic row between China and Pakistan grew.');
  });

  it('gives no range for an empty, backwards, negative or too long span', async () => {
    expect(await textOf(5, 5)).toBeNull();
    expect(await textOf(9, 4)).toBeNull();
    expect(await textOf(-1, 3)).toBeNull();
    expect(await textOf(40, 52)).toBeNull();
  });

  it('makes ranges for many spans in order, skipping those that do not fit', async () => {
    const texts = await page.run<string[]>(`rendererModule
      .rangesInElement(document.getElementById('block'), [[0, 3], [3, 3], [45, 99], [46, 50]])
      .map((range) => range.toString())`);
    expect(texts).toEqual(['The', 'grew']);
    expect(page.pageErrors).toEqual([]);
  });
});
