/**
 * What the keyboard-only specs ask of the page: count every pointer and mouse event (a keyboard user
 * makes none), read the app's live region from the accessibility tree, and see what has focus.
 * Probes are source strings because this side of the tests is compiled without DOM types.
 */
import type { Page } from 'playwright-core';

/**
 * Installed before the app loads: counts pointer and mouse events in the capture phase, on every
 * element and shadow root (they are composed, so the window sees them all). A click that Enter or
 * Space makes on a button has `detail` 0 and no pointer behind it, so it is not counted.
 */
export const COUNT_MOUSE_EVENTS = `(() => {
  window.__mouseEvents = [];
  const types = ['pointerdown', 'pointerup', 'pointermove', 'mousedown', 'mouseup', 'mousemove', 'wheel', 'dblclick'];
  for (const type of types) window.addEventListener(type, (e) => window.__mouseEvents.push(type), true);
  window.addEventListener('click', (e) => { if (e.detail > 0) window.__mouseEvents.push('click'); }, true);
})()`;

export function mouseEvents(page: Page): Promise<string[]> {
  return page.evaluate(`window.__mouseEvents ?? ['not installed']`);
}

/** The app's one polite live region, as the accessibility tree has it (e.g. `- status: "Next sentence"`). */
export async function liveRegion(page: Page): Promise<string> {
  return page.locator('mg-app #announcer').ariaSnapshot();
}

/** The text of the element that has focus, looking through shadow roots. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return (active?.textContent ?? '').trim();
  })()`);
}

/** Presses a key until `done` holds, at most `limit` times; fails with what it last saw. */
export async function pressUntil(
  page: Page,
  key: string,
  done: () => Promise<boolean>,
  limit = 40,
): Promise<void> {
  for (let count = 0; count < limit; count += 1) {
    if (await done()) return;
    await page.keyboard.press(key);
  }
  if (!(await done())) throw new Error(`${key} pressed ${limit} times and still not there`);
}
