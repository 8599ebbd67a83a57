/**
 * What the annotation specs ask of the page: select a passage of the article (inside its shadow
 * root), read what each highlight colour paints, and find a painted highlight on screen. Probes are
 * source strings because this side of the tests is compiled without DOM types.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const ARTICLE_ROOT = `document.querySelector('mg-app')?.shadowRoot?.querySelector('mg-reader-view')
  ?.shadowRoot?.querySelector('mg-article')?.shadowRoot`;

/**
 * Selects `text` where it first occurs in the article, as a reader's drag would leave it: a DOM
 * selection whose endpoints are text nodes in the article's shadow root. Scrolls it to the middle.
 * With `until`, the selection runs on from the start of `text` to the end of `until`, which may be
 * in a later paragraph.
 */
export async function selectInArticle(page: Page, text: string, until?: string): Promise<void> {
  const found = await page.evaluate(`(() => {
    const root = ${ARTICLE_ROOT};
    const blocks = [...(root?.querySelectorAll('[data-start]') ?? [])];
    const point = (block, offset, leanForward) => {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      let before = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const end = before + node.length;
        if (leanForward ? offset < end : offset <= end) return [node, offset - before];
        before = end;
      }
      return null;
    };
    const text = ${JSON.stringify(text)};
    const until = ${JSON.stringify(until ?? text)};
    const first = blocks.find((e) => e.textContent.includes(text));
    if (!first) return false;
    const from = first.textContent.indexOf(text);
    const last = blocks.slice(blocks.indexOf(first)).find((e, i) => e.textContent.indexOf(until, i === 0 ? from : 0) >= 0);
    if (!last) return false;
    const to = last.textContent.indexOf(until, last === first ? from : 0) + until.length;
    first.scrollIntoView({ block: 'center', behavior: 'instant' });
    const range = new Range();
    range.setStart(...point(first, from, true));
    range.setEnd(...point(last, to, false));
    const selection = document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  })()`);
  if (!found) throw new Error(`The article has no passage "${text}"${until ? ` … "${until}"` : ''}`);
}

/** The text of each range one highlight layer paints (e.g. `mg-hl-yellow`), in paint order. */
export function paintedTexts(page: Page, layer: string): Promise<string[]> {
  return page.evaluate(
    `[...(CSS.highlights.get(${JSON.stringify(layer)}) ?? [])].map((range) => range.toString())`,
  );
}

/** Every highlight layer that paints something, with its texts (to see nothing is painted twice). */
export function allPainted(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(`(() => {
    const out = {};
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('mg-hl-') && name !== 'mg-hl-flash') out[name] = [...highlight].map((r) => r.toString());
    });
    return out;
  })()`);
}

/** A point on the first range a layer paints (viewport coordinates), scrolled into view unless `scroll` is false. */
export function paintedPoint(
  page: Page,
  layer: string,
  scroll = true,
): Promise<{ x: number; y: number } | null> {
  return page.evaluate(`(() => {
    const range = [...(CSS.highlights.get(${JSON.stringify(layer)}) ?? [])][0];
    if (!range) return null;
    if (${scroll}) range.startContainer.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
    const rect = range.getClientRects()[0];
    return rect ? { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 } : null;
  })()`);
}

/** The page's text selection as a string (empty when there is none). */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(`document.getSelection()?.toString() ?? ''`);
}

/** axe-core's serious and critical findings on the page as it is now (shadow roots included). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .map((node) => JSON.stringify(node.target))
          .join(', ')}`,
    );
}

/**
 * `expect.poll` with room to breathe: the page answers through a real host on a busy machine, and
 * vitest's default of one second is shorter than a slow frame or two.
 */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

/** The accessible label (aria-label) of the element that has focus, looking through shadow roots. */
export function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(`(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('aria-label') ?? null;
  })()`);
}
