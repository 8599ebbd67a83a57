/**
 * Paints the reader's highlights with the CSS Custom Highlight API: one `Highlight` per colour in
 * `CSS.highlights`, styled by `::highlight(mg-hl-<colour>)` rules in the reader's shadow root
 * (`highlightStyles`). Nothing is wrapped in `<mark>`, so the article's DOM, its text and the selection
 * stay exactly as rendered.
 *
 * Positions are canonical-text offsets. The painter finds each unit through its `data-start`
 * attribute; a range over several units becomes one DOM `Range` per unit. Painting happens once per
 * change of the annotations or the article, in two parts: the highlights on screen (and a screen
 * either side) in the same task, the rest in idle time (`IdleHighlightQueue`); a scroll or resize
 * that reaches text still waiting paints it before that frame is drawn.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Annotation, HighlightColor } from '../../main/api';
import { HIGHLIGHT_COLORS } from '../annotations/highlight-colors';
import { segmentsOf, textNodeAt, unionOf } from '../anchoring/block-spans';
import { isAnchored } from '../annotations/annotation-order';
import { IdleHighlightQueue, type DeferredInterval } from '../highlighting/idle-highlight-queue';
import { readUnits, type RenderedUnit } from '../highlighting/rendered-units';
import { spanNearViewport } from '../highlighting/viewport-span';

/** The registry name of a colour's highlight; a highlight without a colour is a note, underlined. */
export function highlightName(color: HighlightColor | null): string {
  return `mg-hl-${color ?? 'note'}`;
}

/** The short-lived highlight that shows where the reader just jumped to. */
export const FLASH_HIGHLIGHT = 'mg-hl-flash';

const PAINTED_NAMES = [...HIGHLIGHT_COLORS.map((color) => highlightName(color)), highlightName(null)];
const FLASH_MS = 1600;

interface PaintedAnnotation {
  id: string;
  start: number;
  end: number;
  name: string;
}

/** What the painter reads from its host on each update. */
export interface HighlightSource {
  /** The element holding the article's units, or null while nothing is rendered. */
  article(): Element | null;
  /** The document's annotations (orphaned and document notes are skipped). */
  annotations(): readonly Annotation[];
  /**
   * What is rendered (the document object): when it changes, so may every text node, even where the
   * template reused an element, so the painter paints again.
   */
  rendered(): unknown;
}

type PointHits = { highlight: Highlight; ranges: AbstractRange[] }[];
type RegistryWithHitTest = HighlightRegistry & {
  highlightsFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => PointHits;
};

export class HighlightPainter implements ReactiveController {
  private painted = new Map<string, PaintedAnnotation>();
  private highlightNames = new Map<Highlight, string>();
  private units: RenderedUnit[] = [];
  private lastAnnotations: readonly Annotation[] | null = null;
  private lastArticle: Element | null = null;
  private lastFirstUnit: Element | null = null;
  private lastRendered: unknown = undefined;
  private flashTimer: number | undefined;
  /** The animation frame that will register the ranges of the latest paint. */
  private frame: number | undefined;
  private readonly waiting = new IdleHighlightQueue((start, end) => this.rangesFor(start, end));

  constructor(
    host: ReactiveControllerHost,
    private readonly source: HighlightSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('scroll', this.onViewportChange, { passive: true });
    window.addEventListener('resize', this.onViewportChange, { passive: true });
    window.addEventListener('beforeprint', this.onBeforePrint);
  }

  hostUpdated(): void {
    const article = this.source.article();
    const annotations = this.source.annotations();
    const firstUnit = article?.querySelector('[data-start]') ?? null;
    const rendered = this.source.rendered();
    if (
      annotations === this.lastAnnotations &&
      article === this.lastArticle &&
      firstUnit === this.lastFirstUnit &&
      rendered === this.lastRendered
    )
      return;
    this.lastAnnotations = annotations;
    this.lastArticle = article;
    this.lastFirstUnit = firstUnit;
    this.lastRendered = rendered;
    this.paint();
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.onViewportChange);
    window.removeEventListener('resize', this.onViewportChange);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    this.clear();
    this.lastAnnotations = null;
  }

  /**
   * Repaints everything, at the next animation frame: before that frame is drawn, and after the Lit
   * updates of this change have all run, so that reading what is on screen lays out the page the frame
   * would lay out anyway, once (read any earlier, a later update would dirty it and the frame would lay
   * it out again). Until then the last paint stands. Without an article, the layers are cleared at once.
   */
  paint(): void {
    this.forget();
    // The units at once (a cheap read of their spans): read aloud and the reading cursor ask for ranges
    // right after a render.
    const article = this.source.article();
    this.units = article ? readUnits(article) : [];
    if (!article || typeof CSS === 'undefined' || !('highlights' in CSS)) {
      this.clear();
      return;
    }
    this.frame = requestAnimationFrame(() => this.register());
  }

  /**
   * Per colour, the union of its highlights (overlaps of one colour look the same merged, and cost the
   * browser less to paint), registered as one `Highlight` with the intervals near the viewport; the
   * others are queued for idle time, nearest below the screen first (readers mostly read on), then
   * above it. Without a layout to say what is on screen (the article not displayed), all at once.
   */
  private register(): void {
    this.frame = undefined;
    this.clearLayers();
    this.painted.clear();
    const byName = new Map<string, Array<[number, number]>>();
    for (const annotation of this.source.annotations()) {
      if (!isAnchored(annotation) || annotation.selectors.length !== 2) continue;
      const { start, end } = annotation.selectors[1];
      if (segmentsOf(this.units, start, end).length === 0) continue;
      const name = highlightName(annotation.color);
      const intervals = byName.get(name) ?? [];
      intervals.push([start, end]);
      byName.set(name, intervals);
      this.painted.set(annotation.id, { id: annotation.id, start, end, name });
    }
    if (byName.size === 0) return;
    const near = spanNearViewport(this.units, window.innerHeight);
    const later: DeferredInterval[] = [];
    const earlier: DeferredInterval[] = [];
    for (const [name, intervals] of byName) {
      const now: Range[] = [];
      const deferred: Array<[number, number]> = [];
      for (const [start, end] of unionOf(intervals)) {
        if (!near || (start < near.end && end > near.start)) now.push(...this.buildRanges(start, end).ranges);
        else deferred.push([start, end]);
      }
      const highlight = new Highlight(...now);
      highlight.priority = name === highlightName(null) ? 0 : 1;
      CSS.highlights.set(name, highlight);
      this.highlightNames.set(highlight, name);
      for (const [start, end] of deferred)
        (start >= near!.end ? later : earlier).push({ highlight, start, end });
    }
    later.sort((a, b) => a.start - b.start);
    earlier.sort((a, b) => b.start - a.start);
    this.waiting.start([...later, ...earlier]);
  }

  /** A scroll or resize (at most once a frame, before it is drawn): paints what waits near the viewport. */
  private onViewportChange = (): void => {
    if (this.waiting.remaining === 0) return;
    const near = spanNearViewport(this.units, window.innerHeight);
    if (near) this.waiting.paintWithin(near.start, near.end);
  };

  /** Every page of a print shows its highlights: whatever still waits is painted first. */
  private onBeforePrint = (): void => {
    this.waiting.paintWithin(0, Infinity);
  };

  /** DOM ranges over canonical [start, end), one per unit; empty when it is not rendered. */
  rangesFor(start: number, end: number): Range[] {
    return this.buildRanges(start, end).ranges;
  }

  private buildRanges(start: number, end: number): { ranges: Range[]; first: Element | null } {
    const ranges: Range[] = [];
    let first: Element | null = null;
    for (const segment of segmentsOf(this.units, start, end)) {
      const unit = this.units[segment.block];
      if (unit.nodes.length === 0) continue;
      const from = textNodeAt(unit.ends, segment.from, true);
      const to = textNodeAt(unit.ends, segment.to, false);
      const range = new Range();
      range.setStart(unit.nodes[from.node], from.offset);
      range.setEnd(unit.nodes[to.node], to.offset);
      ranges.push(range);
      first ??= unit.element;
    }
    return { ranges, first };
  }

  /** Whether an annotation is painted now. */
  isPainted(annotationId: string): boolean {
    return this.painted.has(annotationId);
  }

  /** Where a painted annotation is in the canonical text, or null. */
  spanOf(annotationId: string): { start: number; end: number } | null {
    const painted = this.painted.get(annotationId);
    return painted ? { start: painted.start, end: painted.end } : null;
  }

  /** The ranges an annotation covers (for the flash, a box, a test). */
  rangesOf(annotationId: string): Range[] {
    const painted = this.painted.get(annotationId);
    return painted ? this.rangesFor(painted.start, painted.end) : [];
  }

  /** Scrolls an annotation into the middle of the view and flashes it. False when it is not painted. */
  reveal(annotationId: string): boolean {
    const painted = this.painted.get(annotationId);
    if (!painted) return false;
    const { ranges, first } = this.buildRanges(painted.start, painted.end);
    if (!first) return false;
    this.waiting.paintWithin(painted.start, painted.end);
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    first.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    this.flash(ranges);
    return true;
  }

  /** Briefly outlines some ranges (a passage the reader jumped to). */
  flash(ranges: readonly Range[]): void {
    if (typeof CSS === 'undefined' || !('highlights' in CSS) || ranges.length === 0) return;
    window.clearTimeout(this.flashTimer);
    const highlight = new Highlight(...ranges);
    highlight.priority = 2;
    CSS.highlights.set(FLASH_HIGHLIGHT, highlight);
    this.flashTimer = window.setTimeout(() => CSS.highlights.delete(FLASH_HIGHLIGHT), FLASH_MS);
  }

  /**
   * The annotation under a point, or null. The caret position under the point gives a canonical
   * offset; `highlightsFromPoint`, where the browser has it, says which colours are really under the
   * pointer (so a click in the margin beside a highlight is not a click on it); without it, the
   * point must fall inside the annotation's own boxes. With several overlapping, the shortest wins:
   * it is the one a reader can only reach there.
   */
  hitTest(x: number, y: number, shadowRoot: ShadowRoot | null): string | null {
    const registry = CSS.highlights as RegistryWithHitTest;
    let names: Set<string> | null = null;
    if (typeof registry.highlightsFromPoint === 'function') {
      names = new Set();
      for (const hit of registry.highlightsFromPoint(
        x,
        y,
        shadowRoot ? { shadowRoots: [shadowRoot] } : undefined,
      )) {
        const name = this.highlightNames.get(hit.highlight);
        if (name) names.add(name);
      }
      if (names.size === 0) return null;
    }
    const offset = this.offsetAtPoint(x, y, shadowRoot);
    if (offset === null) return null;
    // The caret sits between characters: a click on the right half of a highlight's last character
    // gives its end, so an annotation holds the offset when start <= offset <= end.
    const candidates = [...this.painted.values()]
      .filter((p) => p.start <= offset && offset <= p.end && (!names || names.has(p.name)))
      .sort(
        (a, b) => Number(a.end === offset) - Number(b.end === offset) || a.end - a.start - (b.end - b.start),
      );
    for (const candidate of candidates) {
      if (names || this.contains(candidate, x, y)) return candidate.id;
    }
    return null;
  }

  private contains(painted: PaintedAnnotation, x: number, y: number): boolean {
    return this.rangesFor(painted.start, painted.end).some((range) =>
      [...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom),
    );
  }

  /** The canonical offset of the character under a point, through `caretPositionFromPoint`. */
  private offsetAtPoint(x: number, y: number, shadowRoot: ShadowRoot | null): number | null {
    if (typeof document.caretPositionFromPoint !== 'function') return null;
    const caret = document.caretPositionFromPoint(
      x,
      y,
      shadowRoot ? { shadowRoots: [shadowRoot] } : undefined,
    );
    if (!caret || !(caret.offsetNode instanceof Text)) return null;
    for (const unit of this.units) {
      if (!unit.element.contains(caret.offsetNode)) continue;
      const offset = unit.offsetOf(caret.offsetNode, caret.offset);
      if (offset !== null) return offset;
    }
    return null;
  }

  /** The bounding box of an annotation's first painted range (to place its editor), or null. */
  boxOf(annotationId: string): DOMRect | null {
    const range = this.rangesOf(annotationId)[0];
    return range ? range.getBoundingClientRect() : null;
  }

  /**
   * Stops whatever the last paint still had to do. What it painted stays registered, and known
   * (`hitTest`, `isPainted`), until the next frame's `register` replaces it: until then it is what the
   * reader sees, so a click in between is a click on it.
   */
  private forget(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.waiting.cancel();
  }

  private clearLayers(): void {
    this.highlightNames.clear();
    if (typeof CSS === 'undefined') return;
    for (const name of PAINTED_NAMES) CSS.highlights?.delete(name);
  }

  private clear(): void {
    this.forget();
    this.clearLayers();
    this.painted.clear();
  }
}
