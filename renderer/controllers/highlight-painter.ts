/**
 * Paints the reader's highlights with the CSS Custom Highlight API: one `Highlight` per colour in
 * `CSS.highlights`, styled by `::highlight(mg-hl-<colour>)` rules in the reader's shadow root
 * (`highlightStyles`). Nothing is wrapped in `<mark>`, so the article's DOM, its text and the selection
 * stay exactly as rendered.
 *
 * Positions are canonical-text offsets. The painter finds each unit through its `data-start`
 * attribute and walks its text nodes once per paint; a range over several units becomes one DOM
 * `Range` per unit. Painting happens once per change of the annotations or the article, never on
 * scroll, and reads no layout.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Annotation, HighlightColor } from '../../main/api';
import { HIGHLIGHT_COLORS } from '../annotations/highlight-colors';
import { segmentsOf, textNodeAt, unionOf, unitStart, type BlockSpan } from '../anchoring/block-spans';
import { isAnchored } from '../annotations/annotation-order';

/** The registry name of a colour's highlight; a highlight without a colour is a note, underlined. */
export function highlightName(color: HighlightColor | null): string {
  return `mg-hl-${color ?? 'note'}`;
}

/** The short-lived highlight that shows where the reader just jumped to. */
export const FLASH_HIGHLIGHT = 'mg-hl-flash';

const PAINTED_NAMES = [...HIGHLIGHT_COLORS.map((color) => highlightName(color)), highlightName(null)];
const FLASH_MS = 1600;

/** A unit of the article as rendered: its element, its canonical span, its text nodes. */
interface RenderedUnit extends BlockSpan {
  element: Element;
  nodes: Text[];
  /** Cumulative end offset of each text node within the unit. */
  ends: number[];
}

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

  constructor(
    host: ReactiveControllerHost,
    private readonly source: HighlightSource,
  ) {
    host.addController(this);
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
    this.clear();
    this.lastAnnotations = null;
  }

  /**
   * Repaints everything in one pass: one walk over the article's text nodes, then per colour the
   * union of its highlights as ranges (overlaps of one colour look the same merged, and cost the
   * browser less to paint), registered once.
   */
  paint(): void {
    const article = this.source.article();
    this.clear();
    if (!article || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    this.units = readUnits(article);
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
    for (const [name, intervals] of byName) {
      const ranges = unionOf(intervals).flatMap(([start, end]) => this.buildRanges(start, end).ranges);
      const highlight = new Highlight(...ranges);
      highlight.priority = name === highlightName(null) ? 0 : 1;
      CSS.highlights.set(name, highlight);
      this.highlightNames.set(highlight, name);
    }
  }

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
      const index = unit.nodes.indexOf(caret.offsetNode);
      if (index >= 0) return unit.start + (index === 0 ? 0 : unit.ends[index - 1]) + caret.offset;
    }
    return null;
  }

  /** The bounding box of an annotation's first painted range (to place its editor), or null. */
  boxOf(annotationId: string): DOMRect | null {
    const range = this.rangesOf(annotationId)[0];
    return range ? range.getBoundingClientRect() : null;
  }

  private clear(): void {
    for (const name of PAINTED_NAMES) CSS.highlights?.delete(name);
    this.painted.clear();
    this.highlightNames.clear();
  }
}

/** Every unit under the article in reading order, with its text nodes (one walk per paint). */
export function readUnits(article: Element): RenderedUnit[] {
  const units: RenderedUnit[] = [];
  for (const element of article.querySelectorAll('[data-start]')) {
    const start = unitStart(element);
    if (start === null) continue;
    const nodes: Text[] = [];
    const ends: number[] = [];
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let length = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      if (text.length === 0) continue;
      length += text.length;
      nodes.push(text);
      ends.push(length);
    }
    units.push({ element, start, length, nodes, ends });
  }
  // Reading order is canonical order; sorting guards against a layout that renders out of order.
  return units.sort((a, b) => a.start - b.start);
}
