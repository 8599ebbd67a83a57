/**
 * Everything highlights and notes need from the element that renders the article's text (`mg-article`), in one
 * controller so that element only has to create it: the open document's annotations arrive through
 * `annotationsContext`; the painter paints them after each render; the selection controller reports
 * finished selections (`mg-text-selection`); a click on a highlight opens its editor, a right-click its editor or the selection menu
 * (`mg-annotation-edit`); the reading cursor does the same from the keyboard. The mediator reaches it as the `ReaderAnnotations` it drives (reveal, boxes).
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Annotation } from '../../main/api';
import { annotationsContext } from '../contexts';
import { AnnotationEditEvent, SelectionMenuOpenEvent, TextSelectionEvent } from '../events';
import type { ReaderAnnotations } from './annotations-controller';
import { HighlightPainter } from './highlight-painter';
import { ReadingCursorController } from './reading-cursor-controller';
import { SelectionController } from './selection-controller';

/** The element that renders the article's text: `mg-article`, whose `doc` is what it shows. */
type ArticleHost = ReactiveControllerHost & HTMLElement & { doc: unknown };

export class ArticleAnnotationsController implements ReactiveController, ReaderAnnotations {
  readonly painter: HighlightPainter;
  readonly selection: SelectionController;
  /** Keyboard reading and selecting, highlight to highlight. */
  readonly cursor: ReadingCursorController;
  private annotations: readonly Annotation[] = [];

  constructor(private readonly host: ArticleHost) {
    host.addController(this);
    new ContextConsumer(host, {
      context: annotationsContext,
      subscribe: true,
      callback: (annotations) => {
        this.annotations = annotations;
        host.requestUpdate();
      },
    });
    const article = () => host.shadowRoot?.querySelector('article') ?? null;
    this.painter = new HighlightPainter(host, {
      article,
      annotations: () => this.annotations,
      rendered: () => host.doc,
    });
    this.selection = new SelectionController(host, {
      article,
      shadowRoot: () => host.shadowRoot,
      onSelection: (selection) => host.dispatchEvent(new TextSelectionEvent(selection)),
    });
    this.cursor = new ReadingCursorController(host, {
      blocks: () => [...(host.shadowRoot?.querySelectorAll<HTMLElement>('article [data-start]') ?? [])],
      annotations: () => this.annotations,
      rangesFor: (start, end) => this.painter.rangesFor(start, end),
      annotationBox: (id) => this.painter.boxOf(id),
    });
  }

  hostConnected(): void {
    this.host.addEventListener('click', this.onClick);
    this.host.addEventListener('contextmenu', this.onContextMenu);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('click', this.onClick);
    this.host.removeEventListener('contextmenu', this.onContextMenu);
  }

  revealAnnotation(annotationId: string): boolean {
    return this.painter.reveal(annotationId);
  }

  isPainted(annotationId: string): boolean {
    return this.painter.isPainted(annotationId);
  }

  annotationBox(annotationId: string): DOMRect | null {
    return this.painter.boxOf(annotationId);
  }

  clearSelection(): void {
    this.selection.clear();
  }
  /** The selection's menu was closed; the text stays selected (SelectionController.dismiss). */
  dismissSelection(): void {
    this.selection.dismiss();
  }

  private onClick = (event: MouseEvent) => {
    // A click that ends a drag-selection, or lands on a link, is not a click on a highlight.
    if (event.button !== 0 || !document.getSelection()?.isCollapsed) return;
    if (event.composedPath().some((node) => node instanceof HTMLAnchorElement)) return;
    const id = this.painter.hitTest(event.clientX, event.clientY, this.host.shadowRoot);
    if (id) this.host.dispatchEvent(new AnnotationEditEvent(id, this.painter.boxOf(id)));
  };

  /**
   * The reader's context menu, in the app and in a browser: on a highlight (with nothing selected
   * beyond it) its editor (colour, note, delete); on a selection the selection's own menu, focused. A
   * right-click anywhere else keeps the system's menu (spelling, Inspect in development).
   */
  private onContextMenu = (event: MouseEvent) => {
    const selected = this.selection.read();
    const id = this.painter.hitTest(event.clientX, event.clientY, this.host.shadowRoot);
    const span = id ? this.painter.spanOf(id) : null;
    const withinHighlight = span && (!selected || (selected.start >= span.start && selected.end <= span.end));
    if (id && withinHighlight) {
      event.preventDefault();
      // macOS selects the word under a right-click; the highlight, not that word, is what was meant.
      if (selected) this.selection.clear();
      this.host.dispatchEvent(new AnnotationEditEvent(id, this.painter.boxOf(id)));
    } else if (selected) {
      event.preventDefault();
      this.host.dispatchEvent(new SelectionMenuOpenEvent(selected));
    }
  };
}
