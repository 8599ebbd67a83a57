/**
 * The reading cursor: keyboard reading and selecting inside the article. With a block of the article
 * focused, Up/Down move the focus through paragraphs, headings and figure captions; Right/Left move
 * by sentence; Ctrl+Right/Left (Option on macOS, the platform's own word keys) by word; Shift with
 * any of them grows a real text selection by the same unit, which the highlight menu then acts on.
 * `]` and `[` jump between highlights, Enter opens the one under the cursor.
 *
 * Why these keys: screen readers in browse mode keep the arrows for their own virtual cursor, so these
 * reach Margin only in focus mode, where nothing else uses them on a non-editable page; Alt+Left/Right
 * would be the browser's Back and Forward. The arithmetic lives in `reading/reading-units.ts`; this
 * controller moves focus, paints the cursor's span, sets the selection and announces.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Annotation } from '../../main/api';
import { shortcutFor, type ShortcutId } from '../../main/shared/shortcuts';
import { announce } from '../announce';
import { describeHighlights, highlightSpans, highlightsIn } from '../annotations/highlight-description';
import { AnnotationEditEvent } from '../events';
import { clearLayer, paintLayer } from '../highlighting/highlight-layers';
import { unitStart } from '../anchoring/block-spans';
import { preferredScrollBehavior } from '../browser/scroll-behavior';
import {
  blockIndexOf,
  extend,
  extensionSpan,
  nextUnit,
  previousUnit,
  textOf,
  unitsOf,
  type BlockText,
  type Cursor,
  type Extension,
  type Span,
  type UnitKind,
} from '../reading/reading-units';
import { currentPlatform, isTyping } from './keyboard-shortcut-controller';

/** The highlight layer that shows the cursor's sentence or word. */
export const CURSOR_LAYER = 'mg-cursor';

export interface ReadingCursorSource {
  /** The elements holding the article's units (`data-start`), in reading order. */
  blocks(): HTMLElement[];
  annotations(): readonly Annotation[];
  /** DOM ranges over a canonical span. */
  rangesFor(start: number, end: number): Range[];
  /** Where a highlight is on screen, to place its editor. */
  annotationBox(annotationId: string): DOMRect | null;
}

const MOVES: Record<string, { kind: UnitKind; direction: 1 | -1 }> = {
  'cursor-next-block': { kind: 'block', direction: 1 },
  'cursor-previous-block': { kind: 'block', direction: -1 },
  'cursor-next-sentence': { kind: 'sentence', direction: 1 },
  'cursor-previous-sentence': { kind: 'sentence', direction: -1 },
  'cursor-next-word': { kind: 'word', direction: 1 },
  'cursor-previous-word': { kind: 'word', direction: -1 },
};
const MOVE_IDS = Object.keys(MOVES) as ShortcutId[];

export class ReadingCursorController implements ReactiveController {
  cursor: Cursor | null = null;
  private extension: Extension | null = null;
  private readonly platform = currentPlatform();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: ReadingCursorSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onArticleKey);
    this.host.addEventListener('focusin', this.onFocusIn);
    window.addEventListener('keydown', this.onWindowKey);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onArticleKey);
    this.host.removeEventListener('focusin', this.onFocusIn);
    window.removeEventListener('keydown', this.onWindowKey);
    clearLayer(CURSOR_LAYER);
  }

  private blockTexts(): Array<BlockText & { element: HTMLElement }> {
    const texts: Array<BlockText & { element: HTMLElement }> = [];
    for (const element of this.source.blocks()) {
      const start = unitStart(element);
      if (start !== null) texts.push({ start, text: element.textContent ?? '', element });
    }
    return texts.sort((a, b) => a.start - b.start);
  }

  /** A block took focus some other way (landing, the table of contents): the cursor starts there. */
  private readonly onFocusIn = (event: FocusEvent): void => {
    const element = event.composedPath()[0];
    if (!(element instanceof HTMLElement)) return;
    const start = unitStart(element);
    if (start === null) return;
    const end = start + (element.textContent ?? '').length;
    if (this.cursor && this.cursor.start >= start && this.cursor.start < end) return;
    this.cursor = { start, end, kind: 'block' };
    clearLayer(CURSOR_LAYER);
  };

  /** Keys that act on the text: only while focus is on a block of the article. */
  private readonly onArticleKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing || isTyping(event)) return;
    // On a block, or on the title where the reader lands; links keep their own keys.
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLElement) || target.closest('a')) return;
    if (unitStart(target) === null && target.localName !== 'h1') return;
    const move = shortcutFor(event, this.platform, MOVE_IDS, true);
    if (move) {
      event.preventDefault();
      const { kind, direction } = MOVES[move];
      if (event.shiftKey) this.grow(kind, direction);
      else this.move(kind, direction);
      return;
    }
    const open = shortcutFor(event, this.platform, ['open-highlight', 'selection-menu']);
    // The context-menu keys open the highlight the cursor is on (`]`, `[`); on a selection they open
    // the selection's menu instead (the annotations controller's).
    if (open === 'selection-menu' && this.cursor?.kind !== 'highlight') return;
    if (open && this.openHighlight()) event.preventDefault();
  };

  /** `]` and `[` work wherever focus is in the reader, except while typing. */
  private readonly onWindowKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing || isTyping(event)) return;
    const id = shortcutFor(event, this.platform, ['next-highlight', 'previous-highlight']);
    if (!id) return;
    event.preventDefault();
    this.jumpToHighlight(id === 'next-highlight' ? 1 : -1);
  };

  move(kind: UnitKind, direction: 1 | -1): void {
    const blocks = this.blockTexts();
    if (blocks.length === 0) return;
    const units = unitsOf(blocks, kind);
    const from = this.cursor ?? { start: -1, end: -1, kind: 'block' as const };
    const next = direction === 1 ? nextUnit(units, from) : previousUnit(units, from);
    this.extension = null;
    document.getSelection()?.removeAllRanges();
    if (!next) {
      announce(this.host, direction === 1 ? 'End of the article' : 'Start of the article');
      return;
    }
    this.place({ ...next, kind }, blocks);
    const heard = highlightsIn(this.source.annotations(), next);
    const text = kind === 'block' ? '' : textOf(blocks, next);
    announce(this.host, [describeHighlights(heard), text].filter(Boolean).join('. '));
  }

  /** Grows the selection by one unit from the cursor, and makes it the page's real selection. */
  grow(kind: UnitKind, direction: 1 | -1): void {
    const blocks = this.blockTexts();
    const units = unitsOf(blocks, kind);
    const cursor = this.cursor ?? units[0];
    if (!cursor) return;
    const base = this.extension ?? { anchor: cursor.start, focus: cursor.start };
    const grown = extend(units, base, direction);
    if (!grown) return;
    this.extension = grown;
    const span = extensionSpan(grown);
    if (span.start === span.end) {
      document.getSelection()?.removeAllRanges();
      return;
    }
    const ranges = this.source.rangesFor(span.start, span.end);
    const first = ranges[0];
    const last = ranges[ranges.length - 1];
    if (!first || !last) return;
    blocks[blockIndexOf(blocks, grown.focus === span.end ? span.end - 1 : span.start)]?.element.focus({
      preventScroll: true,
    });
    document
      .getSelection()
      ?.setBaseAndExtent(first.startContainer, first.startOffset, last.endContainer, last.endOffset);
    announce(this.host, `Selected: ${textOf(blocks, span)}`);
  }

  /** Moves the cursor to the next or previous highlight in reading order and says what it is. */
  jumpToHighlight(direction: 1 | -1): void {
    const highlights = highlightSpans(this.source.annotations());
    const from = this.cursor ?? { start: -1, end: -1 };
    const target =
      direction === 1
        ? highlights.find((highlight) => highlight.start > from.start)
        : highlights.filter((highlight) => highlight.start < from.start).pop();
    if (!target) {
      announce(this.host, direction === 1 ? 'No more highlights after this' : 'No highlights before this');
      return;
    }
    const blocks = this.blockTexts();
    this.extension = null;
    document.getSelection()?.removeAllRanges();
    this.place({ start: target.start, end: target.end, kind: 'highlight' }, blocks);
    announce(
      this.host,
      `${describeHighlights([target.annotation])}. ${textOf(blocks, target)}. Press Enter to open it.`,
    );
  }

  /** Opens the editor of the highlight under the cursor; false when there is none. */
  openHighlight(): boolean {
    if (!this.cursor || this.cursor.kind === 'block') return false;
    const [annotation] = highlightsIn(this.source.annotations(), this.cursor);
    if (!annotation) return false;
    this.host.dispatchEvent(new AnnotationEditEvent(annotation.id, this.source.annotationBox(annotation.id)));
    return true;
  }

  /** Puts the cursor on a span: focus on its block, the span painted and kept in view. */
  private place(cursor: Cursor, blocks: Array<BlockText & { element: HTMLElement }>): void {
    this.cursor = cursor;
    const block = blocks[blockIndexOf(blocks, cursor.start)];
    if (!block) return;
    block.element.focus({ preventScroll: true });
    const ranges = cursor.kind === 'block' ? [] : this.source.rangesFor(cursor.start, cursor.end);
    paintLayer(CURSOR_LAYER, ranges);
    const box = (ranges[0] ?? block.element).getBoundingClientRect();
    if (box.top < 80 || box.bottom > window.innerHeight - 40)
      block.element.scrollIntoView({ block: 'center', behavior: preferredScrollBehavior() });
  }

  /** The span under the cursor, for reading aloud from it. */
  span(): Span | null {
    return this.cursor;
  }
}
