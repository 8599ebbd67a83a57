/**
 * Named layers of the CSS Custom Highlight API. Painting never touches the DOM, so the text of block
 * elements stays exactly the canonical text. Each layer is styled by `::highlight(<name>)` in the
 * shadow root that holds the text (`mg-article`).
 */

/** The layers the reader paints; the annotations add one per highlight colour. */
export const HighlightLayer = {
  /** Words of a search passage the reader opened. */
  searchMatch: 'search-match',
  /** Every match of find in document. */
  findMatch: 'find-match',
  /** The find match the reader is on. */
  findCurrent: 'find-current',
} as const;

const PRIORITY: Record<string, number> = {
  [HighlightLayer.searchMatch]: 1,
  [HighlightLayer.findMatch]: 2,
  [HighlightLayer.findCurrent]: 3,
};

/** Whether this browser paints custom highlights (Chromium and Electron do). */
export function canPaintHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** Replaces a layer's ranges (an empty list clears it). */
export function paintLayer(name: string, ranges: readonly Range[]): void {
  if (!canPaintHighlights()) return;
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(...ranges);
  highlight.priority = PRIORITY[name] ?? 0;
  CSS.highlights.set(name, highlight);
}

export function clearLayer(name: string): void {
  paintLayer(name, []);
}
