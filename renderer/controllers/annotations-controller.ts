/**
 * The mediator's share of highlights and notes: `mg-app` owns one of these, and it holds the open
 * document's annotations, the selection menu, the editor, the notes panel and the undo toast. It
 * listens on the app element for the pen's events (they bubble up from every component), calls the
 * API, and asks the app to render again. Components never call the API themselves.
 */
import { ContextProvider } from '@lit/context';
import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Annotation, Document, DocumentSummary, ImportReport, MarginApi } from '../../main/api';
import { formatCitation, sectionAt } from '../annotations/citation';
import { annotationsContext } from '../contexts';
import { saveFile } from './file-download';
import { notebookView, notesPanel, penOverlays, penToolbar } from './pen-templates';
import type { TextSelection } from './selection-controller';
import {
  AnnotationDeleteEvent,
  AnnotationEditEvent,
  AnnotationEditorCloseEvent,
  AnnotationRevealEvent,
  AnnotationsExportEvent,
  AnnotationsImportEvent,
  AnnotationUpdateEvent,
  CopyCitationEvent,
  DocumentNoteCreateEvent,
  HighlightCreateEvent,
  NotesPanelToggleEvent,
  OpenAnnotationEvent,
  SelectionDismissEvent,
  TextSelectionEvent,
  ToastActionEvent,
  ToastDismissEvent,
} from '../events';

/** What the reader view offers the pen: jump to a painted annotation, drop the text selection. */
export interface ReaderPen {
  revealAnnotation(annotationId: string): boolean;
  isPainted(annotationId: string): boolean;
  annotationBox(annotationId: string): DOMRect | null;
  clearSelection(): void;
}

export interface Toast {
  message: string;
  /** A deleted record the toast's Undo puts back. */
  undo: Annotation | null;
}

const PANEL_KEY = 'margin-notes-panel-open';

export class AnnotationsController implements ReactiveController {
  selection: TextSelection | null = null;
  /** The annotation in the editor; `follow` keeps the editor beside its highlight while the page scrolls. */
  editing: { id: string; anchor: DOMRect | null; focusNote: boolean; follow: boolean } | null = null;
  panelOpen = localStorage.getItem(PANEL_KEY) === 'true';
  toast: Toast | null = null;
  importReport: ImportReport | null = null;
  /** Every annotation of every document, loaded for the notebook (null until asked for). */
  all: Annotation[] | null = null;
  /** The library, for the notebook's document titles. */
  documents: DocumentSummary[] = [];

  private doc: Document | null = null;
  private docId: string | null = null;
  private pendingReveal: string | null = null;
  private loading = 0;
  private list: Annotation[] = [];
  private readonly provider: ContextProvider<typeof annotationsContext>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly api: () => MarginApi,
    private readonly reader: () => ReaderPen | null,
  ) {
    host.addController(this);
    // The article reads the open document's annotations from here, through the element tree.
    this.provider = new ContextProvider(host, { context: annotationsContext, initialValue: [] });
    this.listen();
  }

  /** The pen's events bubble up to the app element from every component (once, for its lifetime). */
  private listen(): void {
    const on = <E extends Event>(name: string, handler: (event: E) => void) =>
      this.host.addEventListener(name, handler as EventListener);
    on(TextSelectionEvent.eventName, (event: TextSelectionEvent) => this.setSelection(event.selection));
    on(SelectionDismissEvent.eventName, () => this.setSelection(null));
    on(HighlightCreateEvent.eventName, (event: HighlightCreateEvent) => void this.create(event));
    on(
      CopyCitationEvent.eventName,
      (event: CopyCitationEvent) => void this.copyCitation(event.quote, event.start),
    );
    on(AnnotationEditEvent.eventName, (event: AnnotationEditEvent) => {
      // Opened from the article (a click on the highlight): the editor stays beside it while scrolling.
      const fromArticle = event
        .composedPath()
        .some((node) => node instanceof Element && node.localName === 'mg-article');
      this.edit(event.annotationId, event.anchor, false, fromArticle);
    });
    on(AnnotationEditorCloseEvent.eventName, () => this.closeEditor());
    on(AnnotationUpdateEvent.eventName, (event: AnnotationUpdateEvent) => void this.update(event));
    on(
      AnnotationDeleteEvent.eventName,
      (event: AnnotationDeleteEvent) => void this.remove(event.annotationId),
    );
    on(AnnotationRevealEvent.eventName, (event: AnnotationRevealEvent) => this.reveal(event.annotationId));
    on(
      DocumentNoteCreateEvent.eventName,
      (event: DocumentNoteCreateEvent) => void this.createDocumentNote(event.note),
    );
    on(NotesPanelToggleEvent.eventName, (event: NotesPanelToggleEvent) => void this.togglePanel(event.open));
    on(AnnotationsExportEvent.eventName, (event: AnnotationsExportEvent) => void this.export(event));
    on(AnnotationsImportEvent.eventName, (event: AnnotationsImportEvent) => void this.import(event.text));
    on(OpenAnnotationEvent.eventName, (event: OpenAnnotationEvent) =>
      this.openAnnotation(event.docId, event.annotationId),
    );
    on(ToastActionEvent.eventName, () => void this.undo());
    on(ToastDismissEvent.eventName, () => this.setToast(null));
  }

  /** The open document's annotations, as the API last returned them. */
  get annotations(): Annotation[] {
    return this.list;
  }

  set annotations(list: Annotation[]) {
    this.list = list;
    this.provider.setValue(list);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown);
    window.addEventListener('scroll', this.onScroll, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('scroll', this.onScroll);
  }

  /** The mediator tells the pen which document is open (null in the library or notebook). */
  setDocument(docId: string | null): void {
    if (docId === this.docId) return;
    this.docId = docId;
    this.doc = null;
    this.annotations = [];
    this.selection = null;
    this.editing = null;
    this.importReport = null;
    if (docId) void this.load(docId);
    this.host.requestUpdate();
  }

  /** Loads every annotation for the notebook. */
  async loadAll(): Promise<void> {
    try {
      [this.all, this.documents] = await Promise.all([
        this.api().listAllAnnotations(),
        this.api().listDocuments(),
      ]);
    } catch (error) {
      this.fail('Your notes could not be loaded', error);
    }
    this.host.requestUpdate();
  }

  get openDocId(): string | null {
    return this.docId;
  }

  /** The selection menu, the editor and the toast, wherever the app puts its overlays. */
  renderOverlays() {
    const editing = this.editing ? this.findAnnotation(this.editing.id) : null;
    return penOverlays(this, editing);
  }

  /** The header's pen buttons: the notes panel toggle in the reader, the notebook in the library. */
  renderToolbar(view: 'library' | 'reader' | 'notebook') {
    return penToolbar(this, view);
  }

  /** The notebook view, with everything loaded by `loadAll`. */
  renderNotebook() {
    return notebookView(this);
  }

  /** The notes panel for the open document, for the reader's side column while `panelOpen`. */
  renderPanel() {
    return this.docId && this.panelOpen ? notesPanel(this, this.docId) : nothing;
  }

  private async load(docId: string): Promise<void> {
    const ticket = ++this.loading;
    try {
      // The document itself is for citations (title, authors, sections); the reader loads its own copy.
      const [annotations, doc] = await Promise.all([
        this.api().listAnnotations(docId),
        // Without it only citations suffer; the reader shows its own message about the document.
        this.api()
          .getDocument(docId)
          .catch(() => null),
      ]);
      if (ticket !== this.loading || this.docId !== docId) return;
      this.annotations = annotations;
      this.doc = doc;
    } catch (error) {
      this.fail('Your notes on this document could not be loaded', error);
    }
    this.host.requestUpdate();
    if (this.pendingReveal) {
      const id = this.pendingReveal;
      this.pendingReveal = null;
      this.reveal(id);
    }
  }

  private setSelection(selection: TextSelection | null) {
    this.selection = selection;
    this.host.requestUpdate();
  }

  private async create(event: HighlightCreateEvent): Promise<void> {
    const docId = this.docId;
    if (!docId) return;
    const anchor = this.selection?.rect ?? null;
    try {
      const created = await this.api().createAnnotation({
        docId,
        range: event.range,
        color: event.color,
      });
      this.annotations = [...this.annotations, created];
      this.selection = null;
      this.reader()?.clearSelection();
      if (event.withNote) this.editing = { id: created.id, anchor, focusNote: true, follow: true };
      this.touchAll(created);
    } catch (error) {
      this.fail('The highlight could not be saved', error);
    }
    this.host.requestUpdate();
  }

  private async createDocumentNote(note: string): Promise<void> {
    const docId = this.docId;
    if (!docId) return;
    try {
      const created = await this.api().createAnnotation({ docId, range: null, note });
      this.annotations = [...this.annotations, created];
      this.touchAll(created);
    } catch (error) {
      this.fail('The note could not be saved', error);
    }
    this.host.requestUpdate();
  }

  /** Where focus was before the editor opened, to put it back when the editor closes. */
  private returnFocus: HTMLElement | null = null;

  private edit(id: string, anchor: DOMRect | null, focusNote: boolean, follow: boolean) {
    this.returnFocus = deepActiveElement();
    this.selection = null;
    this.editing = { id, anchor: anchor ?? this.reader()?.annotationBox(id) ?? null, focusNote, follow };
    this.host.requestUpdate();
  }

  private closeEditor() {
    this.editing = null;
    this.host.requestUpdate();
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target?.isConnected) target.focus({ preventScroll: true });
  }

  private async update(event: AnnotationUpdateEvent): Promise<void> {
    try {
      const updated = await this.api().updateAnnotation(event.annotationId, event.patch);
      this.annotations = this.annotations.map((a) => (a.id === updated.id ? updated : a));
      this.touchAll(updated);
    } catch (error) {
      this.fail('The change could not be saved', error);
    }
    this.host.requestUpdate();
  }

  private async remove(id: string): Promise<void> {
    try {
      const deleted = await this.api().deleteAnnotation(id);
      this.annotations = this.annotations.filter((a) => a.id !== id);
      if (this.all) this.all = this.all.filter((a) => a.id !== id);
      if (this.editing?.id === id) this.editing = null;
      this.setToast({
        message: deleted.selectors.length ? 'Highlight deleted' : 'Note deleted',
        undo: deleted,
      });
    } catch (error) {
      this.fail('It could not be deleted', error);
    }
    this.host.requestUpdate();
  }

  private async undo(): Promise<void> {
    const record = this.toast?.undo;
    if (!record) return;
    this.setToast(null);
    try {
      const restored = await this.api().restoreAnnotation(record);
      if (restored.docId === this.docId)
        this.annotations = [...this.annotations.filter((a) => a.id !== restored.id), restored];
      this.touchAll(restored);
      this.setToast({ message: 'Restored', undo: null });
    } catch (error) {
      this.fail('It could not be restored', error);
    }
    this.host.requestUpdate();
  }

  /**
   * Scrolls to an annotation once it is painted. The article may still be rendering, and the reader
   * lands on its saved position right after the first paint, so the jump waits two frames more.
   */
  private reveal(id: string, attempt = 0, settled = 0) {
    this.editing = null;
    const record = this.list.find((a) => a.id === id);
    if (record && (record.selectors.length === 0 || record.anchorStatus === 'orphaned')) {
      // Nothing to scroll to: the notes panel is where a document note or a lost passage lives.
      void this.togglePanel(true, false);
      if (record.anchorStatus === 'orphaned')
        this.setToast({
          message: 'That passage is not in this edition; its note is kept in the notes panel.',
          undo: null,
        });
      return;
    }
    const reader = this.reader();
    if (reader?.isPainted(id)) {
      if (settled >= 2) reader.revealAnnotation(id);
      else requestAnimationFrame(() => this.reveal(id, attempt + 1, settled + 1));
      return;
    }
    if (attempt < 120) requestAnimationFrame(() => this.reveal(id, attempt + 1, 0));
  }

  /** A search hit or notebook entry asked for an annotation: jump now if its document is already open. */
  private openAnnotation(docId: string, annotationId: string) {
    if (docId === this.docId && this.list.some((a) => a.id === annotationId)) this.reveal(annotationId);
    else this.pendingReveal = annotationId;
  }

  /** Shows or hides the notes panel; one opened by the reader takes focus, so it is found at any width. */
  private async togglePanel(open?: boolean, focus = true) {
    this.panelOpen = open ?? !this.panelOpen;
    localStorage.setItem(PANEL_KEY, String(this.panelOpen));
    const focusWasInPanel = this.focusInPanel();
    this.host.requestUpdate();
    if (!focus) return;
    await this.host.updateComplete;
    const root = this.host.shadowRoot;
    if (this.panelOpen) (root?.querySelector('mg-notes-panel') as HTMLElement | null)?.focus();
    // Closed from inside the panel: focus goes back to the button that opens it.
    else if (focusWasInPanel) root?.querySelector<HTMLElement>('#notes-toggle')?.focus();
  }

  private focusInPanel(): boolean {
    const panel = this.host.shadowRoot?.querySelector('mg-notes-panel');
    return panel ? panel.matches(':focus-within') : false;
  }

  private async copyCitation(quote: string, start: number): Promise<void> {
    const doc = this.doc;
    const text = doc ? formatCitation(quote, doc, sectionAt(doc, start)) : `“${quote}”`;
    try {
      await navigator.clipboard.writeText(text);
      this.setToast({ message: 'Copied with citation', undo: null });
    } catch {
      this.setToast({ message: 'The clipboard is not available here', undo: null });
    }
    this.selection = null;
    this.host.requestUpdate();
  }

  private async export(event: AnnotationsExportEvent): Promise<void> {
    try {
      const files = await this.api().exportAnnotations(event.format, event.docId ?? undefined);
      if (files.length === 0) {
        this.setToast({ message: 'There is nothing to export yet', undo: null });
      } else {
        for (const file of files) saveFile(file);
        this.setToast({
          message: files.length === 1 ? `Saved ${files[0].name}` : `Saved ${files.length} files`,
          undo: null,
        });
      }
    } catch (error) {
      this.fail('The export failed', error);
    }
    this.host.requestUpdate();
  }

  private async import(text: string): Promise<void> {
    try {
      this.importReport = await this.api().importAnnotations(text);
      if (this.docId) this.annotations = await this.api().listAnnotations(this.docId);
      if (this.all) this.all = await this.api().listAllAnnotations();
    } catch (error) {
      this.importReport = null;
      this.fail('That file could not be imported', error);
    }
    this.host.requestUpdate();
  }

  private findAnnotation(id: string): Annotation | null {
    return this.annotations.find((a) => a.id === id) ?? this.all?.find((a) => a.id === id) ?? null;
  }

  /** Keeps the notebook's copy in step with a change made in the reader. */
  private touchAll(record: Annotation) {
    if (this.all) this.all = [...this.all.filter((a) => a.id !== record.id), record];
  }

  private setToast(toast: Toast | null) {
    this.toast = toast;
    this.host.requestUpdate();
  }

  private fail(what: string, error: unknown) {
    const reason = error instanceof Error && error.message ? `: ${error.message}` : '.';
    this.setToast({ message: `${what}${reason}`, undo: null });
  }

  private scrollFrame = 0;

  private onScroll = () => {
    if (!this.editing?.follow || this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const box = this.editing ? this.reader()?.annotationBox(this.editing.id) : null;
      if (this.editing && box) {
        this.editing = { ...this.editing, anchor: box };
        this.host.requestUpdate();
      }
    });
  };

  private onKeyDown = (event: KeyboardEvent) => {
    if (!this.docId) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.shiftKey && event.key.toLowerCase() === 'n') {
      event.preventDefault();
      void this.togglePanel();
    } else if (event.key === 'Tab' && !event.shiftKey && this.selection) {
      // Tab from a keyboard selection goes into the menu that belongs to it.
      const menu = (this.host.shadowRoot ?? this.host).querySelector('mg-selection-menu');
      if (menu && !event.composedPath().includes(menu)) {
        event.preventDefault();
        menu.focus();
      }
    } else if (event.key === 'Escape' && this.selection) {
      this.setSelection(null);
    }
  };
}

/** The element that has focus, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
