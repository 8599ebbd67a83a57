import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { rangesInElement } from '../highlighting/element-ranges';
import { clearLayer, HighlightLayer, paintLayer } from '../highlighting/highlight-layers';
import { findOccurrences } from '../highlighting/text-matching';
import { preferredScrollBehavior } from '../browser/scroll-behavior';

export interface FindOptions {
  /** The elements whose text is searched, in reading order. */
  blocks: () => HTMLElement[];
  /** Distance of the reading line from the top of the viewport, in px. */
  readingLine: number;
}

/**
 * Find in document: every match of the query in the document's text painted with the `find-match`
 * highlight, the current one with `find-current` and kept in view. Matching ignores case and treats
 * typographic quotes as plain ones. Painting never touches the DOM.
 */
export class FindInDocumentController implements ReactiveController {
  open = false;
  query = '';
  /** Index of the current match, -1 when there is none. */
  index = -1;
  private ranges: Range[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FindOptions,
  ) {
    host.addController(this);
  }

  get count(): number {
    return this.ranges.length;
  }

  /** Opens the bar (again), repainting the last query's matches. */
  show(): void {
    this.open = true;
    this.refresh();
    this.host.requestUpdate();
  }

  /** A new query: find it and move to the first match at or below the reading line. */
  search(query: string): void {
    this.query = query;
    this.run(true);
  }

  /** Finds the query again (the document changed under it), without scrolling. */
  refresh(): void {
    if (this.open && this.query) this.run(false);
  }

  step(direction: 1 | -1): void {
    const count = this.ranges.length;
    if (count === 0) return;
    this.index = (this.index + direction + count) % count;
    this.showCurrent(true);
    this.host.requestUpdate();
  }

  close(): void {
    this.open = false;
    this.ranges = [];
    this.index = -1;
    clearLayer(HighlightLayer.findMatch);
    clearLayer(HighlightLayer.findCurrent);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    clearLayer(HighlightLayer.findMatch);
    clearLayer(HighlightLayer.findCurrent);
  }

  private run(scroll: boolean): void {
    const ranges: Range[] = [];
    if (this.query.trim() !== '') {
      for (const block of this.options.blocks()) {
        ranges.push(...rangesInElement(block, findOccurrences(block.textContent ?? '', this.query)));
      }
    }
    this.ranges = ranges;
    const below = ranges.findIndex((range) => range.getBoundingClientRect().top >= this.options.readingLine);
    this.index = ranges.length === 0 ? -1 : below === -1 ? 0 : below;
    paintLayer(HighlightLayer.findMatch, ranges);
    this.showCurrent(scroll);
    this.host.requestUpdate();
  }

  private showCurrent(scroll: boolean): void {
    const current = this.ranges[this.index];
    paintLayer(HighlightLayer.findCurrent, current ? [current] : []);
    if (!current || !scroll) return;
    const rect = current.getBoundingClientRect();
    // Below the header and the find bar floating under it, above the bottom edge.
    const clearTop = this.options.readingLine + 56;
    if (rect.top < clearTop || rect.bottom > window.innerHeight - 32) {
      window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: preferredScrollBehavior() });
    }
  }
}
