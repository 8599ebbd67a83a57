/**
 * What the thousand-highlights spec reads from the page: every painted highlight range as canonical
 * offsets (through its unit's `data-start`), the units, and which of them are on screen; and an init
 * script that holds the page's idle callbacks back until the test releases them, so the state between
 * the first paint and idle time can be looked at without racing it. Probes are source strings because
 * this side of the tests is compiled without DOM types.
 */
import type { Page } from 'playwright-core';

export interface PaintState {
  /** Each highlight layer that paints something, with its ranges as canonical [start, end). */
  layers: Record<string, Array<[number, number]>>;
  /** The article's units: canonical start and text length. */
  units: Array<{ start: number; length: number }>;
  /** The canonical span of the units inside the viewport now. */
  onScreen: { start: number; end: number };
}

const ARTICLE_ROOT = `document.querySelector('mg-app')?.shadowRoot?.querySelector('mg-reader-view')
  ?.shadowRoot?.querySelector('mg-article')?.shadowRoot`;

export function paintState(page: Page): Promise<PaintState> {
  return page.evaluate(`(() => {
    const root = ${ARTICLE_ROOT};
    const elements = [...(root?.querySelectorAll('[data-start]') ?? [])];
    const units = elements.map((element) => ({ start: Number(element.dataset.start), length: element.textContent.length }));
    const offsetOf = (node, offset) => {
      const unit = node.parentElement.closest('[data-start]');
      const walker = document.createTreeWalker(unit, NodeFilter.SHOW_TEXT);
      let before = 0;
      for (let text = walker.nextNode(); text && text !== node; text = walker.nextNode()) before += text.length;
      return Number(unit.dataset.start) + before + offset;
    };
    const layers = {};
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('mg-hl-') || name === 'mg-hl-flash' || highlight.size === 0) return;
      layers[name] = [...highlight].map((range) => [
        offsetOf(range.startContainer, range.startOffset),
        offsetOf(range.endContainer, range.endOffset),
      ]);
    });
    const visible = elements
      .map((element, index) => ({ rect: element.getBoundingClientRect(), unit: units[index] }))
      .filter(({ rect }) => rect.bottom > 0 && rect.top < window.innerHeight)
      .map(({ unit }) => unit);
    const onScreen = visible.length === 0
      ? { start: 0, end: 0 }
      : { start: visible[0].start, end: visible[visible.length - 1].start + visible[visible.length - 1].length };
    return { layers, units, onScreen };
  })()`);
}

/** Holds every `requestIdleCallback` until `releaseIdleCallbacks` (cancelling still works either side). */
export const HOLD_IDLE_CALLBACKS = `(() => {
  const request = window.requestIdleCallback.bind(window);
  const cancel = window.cancelIdleCallback.bind(window);
  const held = new Map();
  const released = new Map();
  let holding = true;
  let nextId = 1;
  window.requestIdleCallback = (callback, options) => {
    if (!holding) return request(callback, options);
    const id = -nextId++;
    held.set(id, [callback, options]);
    return id;
  };
  window.cancelIdleCallback = (id) => {
    if (held.delete(id)) return;
    cancel(released.get(id) ?? id);
  };
  window.__releaseIdleCallbacks = () => {
    holding = false;
    for (const [id, [callback, options]] of held) released.set(id, request(callback, options));
    held.clear();
  };
})();`;

export async function releaseIdleCallbacks(page: Page): Promise<void> {
  await page.evaluate('window.__releaseIdleCallbacks()');
}
