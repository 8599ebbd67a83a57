import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModuleInChromium, type ModulePage } from '../module-in-chromium';

let page: ModulePage;

beforeAll(async () => {
  page = await openModuleInChromium(`export * from './renderer/highlighting/viewport-span'`);
  // Eighty paragraphs of 100 px each, ten characters apart in the canonical text.
  await page.run(`(() => {
    document.body.style.margin = '0';
    document.body.innerHTML = Array.from({ length: 80 }, (_, i) =>
      '<p style="height: 100px; margin: 0" data-start="' + 10 * i + '">paragraph</p>').join('');
    window.units = [...document.querySelectorAll('p')].map((element) => ({
      element, start: Number(element.dataset.start), length: 9,
    }));
  })()`);
});

afterAll(async () => {
  await page?.close();
});

/** The span for a viewport of `height` px with the page scrolled to `top`. */
const spanAt = (top: number, height: number) =>
  page.run<{ start: number; end: number } | null>(`(() => {
    window.scrollTo(0, ${top});
    return rendererModule.spanNearViewport(window.units, ${height});
  })()`);

describe('viewport-span', () => {
  it('takes the units on screen and a screen above and below', async () => {
    // Viewport 2,000–2,500 px: from 1,500 px to 3,000 px, the paragraphs touching either edge included (14 to 30).
    expect(await spanAt(2_000, 500)).toEqual({ start: 140, end: 309 });
  });

  it('starts at the first unit at the top of the article', async () => {
    expect(await spanAt(0, 500)).toEqual({ start: 0, end: 109 });
  });

  it('says nothing when the article is not laid out', async () => {
    await page.run(`document.body.style.display = 'none'`);
    try {
      expect(await spanAt(0, 500)).toBeNull();
    } finally {
      await page.run(`document.body.style.display = ''`);
    }
  });
});
