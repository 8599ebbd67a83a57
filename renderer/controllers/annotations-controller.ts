/**
 * The mediator's hands for highlights and notes: `mg-app` owns one of these. It turns the events that
 * bubble up from every component into calls on `AnnotationsState` (which holds the records and talks
 * to the API), and does what needs the page: the text selection and its menu, the editor beside its
 * highlight while the page scrolls, focus, keys, scrolling to an annotation, the clipboard and files.
 */
import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Annotation, CitationStyleId, MarginApi } from '../../main/api';
import { AnnotationsState } from '../annotations/annotations-state';
import { quoteOnly } from '../annotations/citation';
import { saveFile } from '../browser/file-download';
import { writeRichText } from '../browser/rich-clipboard';
import { annotationsContext } from '../contexts';
import {
  AnnotationDeleteEvent,
  AnnotationEditEvent,
  AnnotationEditorCloseEvent,
  AnnotationRevealEvent,
  AnnotationsExportEvent,
  AnnotationsImportEvent,
  AnnotationUpdateEvent,
  AnnotationVersionRestoreEvent,
  BibliographyExportEvent,
  CopyCitationEvent,
  CopyQuoteEvent,
  DocumentNoteCreateEvent,
  HighlightCreateEvent,
  NotesPanelToggleEvent,
  NotesSyncedEvent,
  OpenAnnotationEvent,
  SearchLibraryEvent,
  SelectionDismissEvent,
  SelectionMenuOpenEvent,
  TextSelectionEvent,
  ToastActionEvent,
  ToastDismissEvent,
} from '../events';
import { shortcutFor } from '../../main/shared/shortcuts';
import { currentPlatform } from './keyboard-shortcut-controller';
import type { TextSelection } from './selection-controller';

/** What the reader view offers: jump to a painted annotation, where it is, drop the text selection. */
export interface ReaderAnnotations {
  revealAnnotation(annotationId: string): boolean;
  isPainted(annotationId: string): boolean;
  annotationBox(annotationId: string): DOMRect | null;
  clearSelection(): void;
  /** Closes the selection's menu for good; the text stays selected (a new selection opens it again). */
  dismissSelection(): void;
}

/** The annotation in the editor; `follow` keeps the editor beside its highlight while the page scrolls. */
export interface Editing {
  id: string;
  anchor: DOMRect | null;
  focusNote: boolean;
  follow: boolean;
}

const PANEL_KEY = 'margin-notes-panel-open';

export class AnnotationsController implements ReactiveController {
  readonly state: AnnotationsState;
  selection: TextSelection | null = null;
  editing: Editing | null = null;
  panelOpen = localStorage.getItem(PANEL_KEY) === 'true';

  private pendingReveal: string | null = null;
  /** Where focus was before the editor opened, to put it back when the editor closes. */
  private returnFocus: HTMLElement | null = null;
  /** Where focus was before the selection menu took it. */
  private menuReturnFocus: HTMLElement | null = null;
  private readonly platform = currentPlatform();
  private scrollFrame = 0;
  private readonly provider: ContextProvider<typeof annotationsContext>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    api: () => MarginApi,
    private readonly reader: () => ReaderAnnotations | null,
  ) {
    host.addController(this);
    // The article reads the open document's annotations from here, through the element tree.
    this.provider = new ContextProvider(host, { context: annotationsContext, initialValue: [] });
    this.state = new AnnotationsState(api, () => {
      if (this.provider.value !== this.state.annotations) this.provider.setValue(this.state.annotations);
      host.requestUpdate();
    });
    this.listen();
  }

  /** The annotation in the editor, as the state last knows it. */
  get editingAnnotation(): Annotation | null {
    return this.editing ? this.state.find(this.editing.id) : null;
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown);
    window.addEventListener('scroll', this.onScroll, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('scroll', this.onScroll);
  }

  /** The mediator says which document is open (null in the library or notebook). */
  setDocument(docId: string | null): void {
    if (docId === this.state.docId) return;
    this.selection = null;
    this.editing = null;
    void this.state.open(docId).then(() => {
      const id = this.pendingReveal;
      if (id && this.state.docId === docId) {
        this.pendingReveal = null;
        this.reveal(id);
      }
    });
  }

  /** Loads every annotation for the notebook. */
  loadAll(): Promise<void> {
    return this.state.loadAll();
  }

  /** The events bubble up to the app element from every component (once, for its lifetime). */
  private listen(): void {
    const on = <E extends Event>(name: string, handler: (event: E) => void) =>
      this.host.addEventListener(name, handler as EventListener);
    const state = this.state;
    on(TextSelectionEvent.eventName, (event: TextSelectionEvent) => this.setSelection(event.selection));
    on(SelectionDismissEvent.eventName, () => this.dismissMenu());
    on(SelectionMenuOpenEvent.eventName, (event: SelectionMenuOpenEvent) => {
      this.setSelection(event.selection);
      void this.host.updateComplete.then(() => this.openMenu());
    });
    on(CopyQuoteEvent.eventName, (event: CopyQuoteEvent) => void this.copyQuote(event.quote));
    // The search box takes over; the selection stays in the text, its menu goes.
    on(SearchLibraryEvent.eventName, () => this.closeMenu());
    on(HighlightCreateEvent.eventName, (event: HighlightCreateEvent) => void this.highlight(event));
    on(
      CopyCitationEvent.eventName,
      (event: CopyCitationEvent) => void this.copy(event.quote, event.start, event.style),
    );
    on(BibliographyExportEvent.eventName, (event: BibliographyExportEvent) => {
      void state.exportBibliography(event.format, event.docId, saveFile, event.selection);
    });
    on(AnnotationEditEvent.eventName, (event: AnnotationEditEvent) => {
      // Opened from the article (a click on the highlight): the editor stays beside it while scrolling.
      const fromArticle = event
        .composedPath()
        .some((node) => node instanceof Element && node.localName === 'mg-article');
      this.edit(event.annotationId, event.anchor, false, fromArticle);
    });
    on(AnnotationEditorCloseEvent.eventName, () => this.closeEditor());
    on(AnnotationUpdateEvent.eventName, (event: AnnotationUpdateEvent) => {
      void state.update(event.annotationId, event.patch);
    });
    on(
      AnnotationDeleteEvent.eventName,
      (event: AnnotationDeleteEvent) => void this.remove(event.annotationId),
    );
    on(AnnotationRevealEvent.eventName, (event: AnnotationRevealEvent) => this.reveal(event.annotationId));
    on(DocumentNoteCreateEvent.eventName, (event: DocumentNoteCreateEvent) => {
      void state.addDocumentNote(event.note);
    });
    on(NotesPanelToggleEvent.eventName, (event: NotesPanelToggleEvent) => void this.togglePanel(event.open));
    on(AnnotationsExportEvent.eventName, (event: AnnotationsExportEvent) => {
      void state.export(event.format, event.docId, saveFile);
    });
    on(AnnotationsImportEvent.eventName, (event: AnnotationsImportEvent) => void state.import(event.text));
    on(OpenAnnotationEvent.eventName, (event: OpenAnnotationEvent) =>
      this.openAnnotation(event.docId, event.annotationId),
    );
    on(AnnotationVersionRestoreEvent.eventName, (event: AnnotationVersionRestoreEvent) => {
      void state.restoreVersion(event.annotationId, event.versionId);
    });
    on(NotesSyncedEvent.eventName, () => void state.reload());
    on(ToastActionEvent.eventName, () => void state.undo());
    on(ToastDismissEvent.eventName, () => state.dismissToast());
  }

  private setSelection(selection: TextSelection | null) {
    this.selection = selection;
    this.host.requestUpdate();
  }

  /** The menu goes and stays gone while the text is still selected (a scroll would bring it back). */
  private closeMenu(): void {
    this.reader()?.dismissSelection();
    this.setSelection(null);
  }

  private async highlight(event: HighlightCreateEvent): Promise<void> {
    const anchor = this.selection?.rect ?? null;
    const created = await this.state.highlight(event.range, event.color);
    if (!created) return;
    this.selection = null;
    this.reader()?.clearSelection();
    if (event.withNote) {
      // The editor gives focus back to the text the menu was opened from.
      this.returnFocus = this.menuReturnFocus ?? this.returnFocus;
      this.editing = { id: created.id, anchor, focusNote: true, follow: true };
    } else if (this.menuReturnFocus?.isConnected) {
      this.menuReturnFocus.focus({ preventScroll: true });
    }
    this.menuReturnFocus = null;
    this.host.requestUpdate();
  }

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

  private async remove(id: string): Promise<void> {
    // Deleted from its editor: focus goes back where the editor was opened from, as on close.
    if ((await this.state.remove(id)) && this.editing?.id === id) this.closeEditor();
  }

  /**
   * Scrolls to an annotation once it is painted. The article may still be rendering, and the reader
   * lands on its saved position right after the first paint, so the jump waits two frames more.
   */
  private reveal(id: string, attempt = 0, settled = 0) {
    this.editing = null;
    const place = attempt === 0 ? this.state.revealPlace(id) : 'text';
    if (place === 'panel' || place === 'panel-orphaned') {
      // Nothing to scroll to: the notes panel is where a document note or a lost passage lives.
      void this.togglePanel(true, false);
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
    if (docId === this.state.docId && this.state.annotations.some((a) => a.id === annotationId))
      this.reveal(annotationId);
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

  private async copy(quote: string, start: number, style: CitationStyleId): Promise<void> {
    const cited = await this.state.citation(quote, start, style);
    try {
      // Without a citation the quote is still copied; the toast already says why it stands alone.
      await writeRichText(cited ?? quoteOnly(quote));
      if (cited) this.state.tell('Copied with citation');
    } catch {
      this.state.tell('The clipboard is not available here');
    }
    this.closeMenu();
  }

  private async copyQuote(quote: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(quote);
      this.state.tell('Copied');
    } catch {
      this.state.tell('The clipboard is not available here');
    }
    this.closeMenu();
  }

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
    if (!this.state.docId || event.defaultPrevented) return;
    const id = shortcutFor(event, this.platform, ['notes-panel', 'selection-menu']);
    if (id === 'notes-panel') {
      event.preventDefault();
      void this.togglePanel();
    } else if (id === 'selection-menu' && this.selection) {
      event.preventDefault();
      void this.openMenu();
    } else if (event.key === 'Tab' && !event.shiftKey && this.selection) {
      // Tab from a keyboard selection goes into the menu that belongs to it.
      const menu = this.menu();
      if (menu && !event.composedPath().includes(menu)) {
        event.preventDefault();
        void this.openMenu();
      }
    } else if (event.key === 'Escape' && this.selection) {
      this.closeMenu();
    }
  };

  private menu(): HTMLElement | null {
    return (this.host.shadowRoot ?? this.host).querySelector('mg-selection-menu');
  }

  /** Moves focus into the selection's menu, remembering where it was (Escape puts it back). */
  private async openMenu(): Promise<void> {
    const menu = this.menu() as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    if (!menu || focusInside(menu)) return;
    this.menuReturnFocus = deepActiveElement();
    // Opened by a right-click, the menu may have only just been given its selection.
    await menu.updateComplete;
    menu.focus();
  }

  /** The menu closed: focus goes back to the text it was opened from. */
  private dismissMenu(): void {
    const focusWasInMenu = focusInside(this.menu());
    this.closeMenu();
    const target = this.menuReturnFocus;
    this.menuReturnFocus = null;
    if (focusWasInMenu && target?.isConnected) target.focus({ preventScroll: true });
  }
}

/** Whether focus is inside an element (through shadow roots). */
function focusInside(element: Element | null): boolean {
  return element ? element.matches(':focus-within') : false;
}

/** The element that has focus, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
