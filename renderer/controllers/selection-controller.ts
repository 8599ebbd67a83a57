/**
 * Turns the reader's text selection into canonical-text positions.
 *
 * The article lives in a shadow root, where `getSelection().getRangeAt()` is retargeted to the host;
 * `getComposedRanges({ shadowRoots })` gives the real endpoints (with the shadow root's own
 * `getSelection()` and the plain selection as fallbacks). Each endpoint maps to its unit's
 * `data-start` plus the text before it inside that unit. Selections that do not touch the article
 * are ignored, and the menu waits until the pointer is released so it does not jump around mid-drag.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { blockIndexAt, snapToText, trimRange, unitStart, type BlockSpan } from '../anchoring/block-spans';

/** A finished selection over the article. */
export interface TextSelection {
  start: number;
  end: number;
  /** The selected text as it is in the canonical text (units joined by a blank line). */
  quote: string;
  /** Where the selection is on screen (viewport coordinates), to place the menu. */
  rect: DOMRect;
}

export interface SelectionSource {
  /** The shadow root the article is rendered in. */
  shadowRoot(): ShadowRoot | null;
  /** The element holding the article's units. */
  article(): Element | null;
  /** Called with each finished selection, and with null when it goes away. */
  onSelection(selection: TextSelection | null): void;
}

interface Unit extends BlockSpan {
  element: Element;
  text: string;
}

type ComposedSelection = Selection & {
  getComposedRanges?: (...args: unknown[]) => StaticRange[];
};

export class SelectionController implements ReactiveController {
  private pointerDown = false;
  private frame = 0;
  private reported = false;
  /**
   * The selection whose menu the reader closed, not reported again until it is replaced: the browser
   * hands out the same Range object for a selection until the selection changes, so a new selection
   * over the very same words still counts as new.
   */
  private dismissed: Range | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly source: SelectionSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this.onChange);
    document.addEventListener('pointerdown', this.onPointerDown, true);
    document.addEventListener('pointerup', this.onPointerUp, true);
    window.addEventListener('scroll', this.onScroll, { passive: true });
  }

  hostDisconnected(): void {
    document.removeEventListener('selectionchange', this.onChange);
    document.removeEventListener('pointerdown', this.onPointerDown, true);
    document.removeEventListener('pointerup', this.onPointerUp, true);
    window.removeEventListener('scroll', this.onScroll);
    cancelAnimationFrame(this.frame);
  }

  /** Clears the browser's selection (after it became a highlight). */
  clear(): void {
    document.getSelection()?.removeAllRanges();
  }

  /**
   * The reader closed the menu of the current selection (Escape) but the text stays selected, to copy:
   * a scroll or a late selection change must not bring the menu back. A new selection does.
   */
  dismiss(): void {
    cancelAnimationFrame(this.frame);
    this.dismissed = selectionRange();
    this.reported = false;
  }

  /** Reads the current selection now: null when there is none over the article. */
  read(): TextSelection | null {
    const article = this.source.article();
    const range = this.currentRange();
    if (!article || !range || range.collapsed) return null;
    const startInside = article.contains(range.startContainer);
    const endInside = article.contains(range.endContainer);
    if (!startInside && !endInside) return null;
    const units = readUnitTexts(article);
    if (units.length === 0) return null;
    const start = startInside
      ? canonicalOffset(units, range.startContainer, range.startOffset, 'start')
      : units[0].start;
    const last = units[units.length - 1];
    const end = endInside
      ? canonicalOffset(units, range.endContainer, range.endOffset, 'end')
      : last.start + last.length;
    if (start === null || end === null) return null;
    const snapped = snapToText(units, start, end);
    if (!snapped) return null;
    const charAt = (offset: number) => {
      const unit = units[blockIndexAt(units, offset)];
      return unit ? (unit.text[offset - unit.start] ?? '\n') : '\n';
    };
    const trimmed = trimRange(charAt, snapped.start, snapped.end);
    if (!trimmed) return null;
    return { ...trimmed, quote: quoteOf(units, trimmed.start, trimmed.end), rect: boundsOf(range) };
  }

  private onPointerDown = (event: PointerEvent) => {
    if (event.button === 0) this.pointerDown = true;
  };

  private onPointerUp = () => {
    if (!this.pointerDown) return;
    this.pointerDown = false;
    this.schedule();
  };

  private onChange = () => {
    // While dragging, only a selection that vanished is reported at once.
    if (this.pointerDown) {
      if (this.reported && !this.read()) this.report(null);
      return;
    }
    this.schedule();
  };

  /** The menu follows its selection while the page scrolls (one read per frame, only while shown). */
  private onScroll = () => {
    if (this.reported && !this.pointerDown) this.schedule();
  };

  private schedule(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.report(this.read()));
  }

  private report(selection: TextSelection | null): void {
    if (selection !== null && this.dismissed !== null && selectionRange() === this.dismissed) return;
    this.dismissed = null;
    if (!selection && !this.reported) return;
    this.reported = selection !== null;
    this.source.onSelection(selection);
  }

  /** The selection's real endpoints, even inside the shadow root. */
  private currentRange(): AbstractRange | null {
    const selection = document.getSelection() as ComposedSelection | null;
    if (!selection || selection.rangeCount === 0) return null;
    const shadowRoot = this.source.shadowRoot();
    if (typeof selection.getComposedRanges === 'function' && shadowRoot) {
      let ranges: StaticRange[];
      try {
        ranges = selection.getComposedRanges({ shadowRoots: [shadowRoot] });
      } catch {
        // Chromium before 137 took the shadow roots as plain arguments.
        ranges = selection.getComposedRanges(shadowRoot);
      }
      if (ranges[0]) return ranges[0];
    }
    const shadowSelection = (
      shadowRoot as (ShadowRoot & { getSelection?: () => Selection | null }) | null
    )?.getSelection?.();
    if (shadowSelection && shadowSelection.rangeCount > 0) return shadowSelection.getRangeAt(0);
    return selection.getRangeAt(0);
  }
}

function readUnitTexts(article: Element): Unit[] {
  const units: Unit[] = [];
  for (const element of article.querySelectorAll('[data-start]')) {
    const start = unitStart(element);
    if (start === null) continue;
    const text = element.textContent ?? '';
    units.push({ element, start, length: text.length, text });
  }
  return units.sort((a, b) => a.start - b.start);
}

/**
 * The canonical offset of a DOM point. Inside a unit: its start plus the text before the point.
 * Between units: the next unit's start for a range start, the previous unit's end for a range end.
 */
function canonicalOffset(units: Unit[], node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const holder = units.find((unit) => unit.element === node || unit.element.contains(node));
  if (holder) {
    const before = new Range();
    before.setStart(holder.element, 0);
    before.setEnd(node, offset);
    return holder.start + before.toString().length;
  }
  const point = new Range();
  point.setStart(node, offset);
  // The first unit after the point, by document order.
  const next = units.findIndex((unit) => point.comparePoint(unit.element, 0) > 0);
  if (edge === 'start') return next >= 0 ? units[next].start : null;
  const previous = next < 0 ? units[units.length - 1] : units[next - 1];
  return previous ? previous.start + previous.length : null;
}

/** The selected text exactly as the canonical text has it. */
function quoteOf(units: Unit[], start: number, end: number): string {
  const parts: string[] = [];
  for (const unit of units) {
    if (unit.start + unit.length <= start || unit.start >= end) continue;
    parts.push(unit.text.slice(Math.max(0, start - unit.start), Math.min(unit.length, end - unit.start)));
  }
  return parts.join('\n\n');
}

function boundsOf(range: AbstractRange): DOMRect {
  if (range instanceof Range) return range.getBoundingClientRect();
  const live = new Range();
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live.getBoundingClientRect();
  } catch {
    return new DOMRect();
  }
}

/** The document selection's range object, which stays the same object until the selection changes. */
function selectionRange(): Range | null {
  const selection = document.getSelection();
  return selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
}
