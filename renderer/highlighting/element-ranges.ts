/**
 * Turns [start, end) offsets into an element's text into DOM Ranges. A block element's text is exactly
 * its block's text (see `mg-article`), so an offset in the canonical text maps to
 * `offset - Number(element.dataset.start)` here.
 */

/** A DOM Range over characters [start, end) of `element.textContent`; null if empty or out of bounds. */
export function rangeInElement(element: Element, start: number, end: number): Range | null {
  if (start < 0 || end <= start) return null;
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = element.ownerDocument.createRange();
  let offset = 0;
  let startSet = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const nodeEnd = offset + (node.nodeValue?.length ?? 0);
    if (!startSet && start < nodeEnd) {
      range.setStart(node, start - offset);
      startSet = true;
    }
    if (startSet && end <= nodeEnd) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset = nodeEnd;
  }
  return null;
}

/** Ranges for many [start, end) spans of one element, skipping any that do not fit. */
export function rangesInElement(element: Element, spans: ReadonlyArray<readonly [number, number]>): Range[] {
  return spans.map(([start, end]) => rangeInElement(element, start, end)).filter((range) => range !== null);
}
