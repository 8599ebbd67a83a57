/**
 * What the specs ask of the page, written once. The app lives in shadow roots
 * (mg-app › mg-reader-view › mg-article): Playwright locators pierce them, in-page probes walk them.
 * The probes are source strings because this side of the tests is compiled without DOM types.
 */
import type { Page } from 'playwright-core';

export const COMMENTARY_TITLE = 'Security Concerns Impede China-Pakistan Relations';

/** The block element the app measures reading positions against sits at this line, in px. */
const READING_LINE = 72;

const ARTICLE_ROOT = `document.querySelector('mg-app')?.shadowRoot?.querySelector('mg-reader-view')
  ?.shadowRoot?.querySelector('mg-article')?.shadowRoot`;

export interface BlockInfo {
  id: string;
  text: string;
  top: number;
  bottom: number;
}

/** Opens the commentary from the library and waits for its text. */
export async function openCommentary(page: Page): Promise<void> {
  await page.getByRole('link', { name: COMMENTARY_TITLE }).click();
  await page.getByRole('heading', { level: 1, name: COMMENTARY_TITLE }).waitFor();
}

/** The block at the reading line, measured as the app measures it. */
export function topBlock(page: Page): Promise<BlockInfo | null> {
  return page.evaluate(`(() => {
    const root = ${ARTICLE_ROOT};
    for (const element of root?.querySelectorAll('[data-block-id]') ?? []) {
      const rect = element.getBoundingClientRect();
      if (rect.bottom > ${READING_LINE}) {
        return { id: element.dataset.blockId, text: element.textContent, top: rect.top, bottom: rect.bottom };
      }
    }
    return null;
  })()`);
}

/** The block whose text starts with `prefix`, with where it is on screen. */
export function blockStartingWith(page: Page, prefix: string): Promise<BlockInfo | null> {
  return page.evaluate(`(() => {
    const root = ${ARTICLE_ROOT};
    const prefix = ${JSON.stringify(prefix)};
    const element = [...(root?.querySelectorAll('[data-block-id]') ?? [])].find((e) => e.textContent.startsWith(prefix));
    if (!element) return null;
    const rect = element.getBoundingClientRect();
    return { id: element.dataset.blockId, text: element.textContent, top: rect.top, bottom: rect.bottom };
  })()`);
}

/** Every block element's id, `data-start` and text, in document order. */
export function blockElements(page: Page): Promise<Array<{ id: string; start: number; text: string }>> {
  return page.evaluate(`(() => {
    const root = ${ARTICLE_ROOT};
    return [...(root?.querySelectorAll('[data-block-id]') ?? [])].map((element) => ({
      id: element.dataset.blockId,
      start: Number(element.dataset.start),
      text: element.textContent,
    }));
  })()`);
}

export interface PaintedRange {
  text: string;
  /** The text of the block element holding the range. */
  block: string;
  /** Whether the range is inside the viewport. */
  visible: boolean;
}

/** What one named CSS custom highlight paints. */
export function painted(page: Page, layer: string): Promise<PaintedRange[]> {
  return page.evaluate(`(() => {
    const highlight = CSS.highlights.get(${JSON.stringify(layer)});
    return [...(highlight ?? [])].map((range) => {
      const rect = range.getBoundingClientRect();
      return {
        text: range.toString(),
        block: range.startContainer.parentElement?.closest('[data-block-id]')?.textContent ?? '',
        visible: rect.top >= 0 && rect.bottom <= window.innerHeight,
      };
    });
  })()`);
}

/** The trimmed text of the element that has focus, looking through shadow roots. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return (active?.textContent ?? '').trim();
  })()`);
}

/** The theme the page is painted in. */
export function paintedTheme(page: Page): Promise<string | undefined> {
  return page.evaluate(`document.documentElement.dataset.theme`);
}

/** How far the window is scrolled. */
export function scrollTop(page: Page): Promise<number> {
  return page.evaluate(`window.scrollY`);
}
