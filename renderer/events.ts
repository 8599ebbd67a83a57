/**
 * Every event the renderer's elements fire. Properties go down, these events come up to the mediator
 * (`mg-app`), which alone changes app state and calls the API for writes. All bubble and are composed,
 * so they cross shadow roots.
 */
import type {
  Annotation,
  AnnotationPatch,
  BibliographyFormat,
  CitationStyleId,
  ExportFormat,
  HighlightColor,
  Preferences,
  PrintMode,
  ReadingPosition,
} from '../main/api';
import type { ReaderTarget } from './app/app-view';
import type { TextSelection } from './controllers/selection-controller';

export type { ReaderTarget };
export * from './imports/import-events';

const BUBBLES: EventInit = { bubbles: true, composed: true };

/** Open a document, optionally at a passage. */
export class OpenDocumentEvent extends Event {
  static readonly eventName = 'mg-open-document';
  constructor(
    readonly docId: string,
    readonly passage: ReaderTarget | null = null,
  ) {
    super(OpenDocumentEvent.eventName, BUBBLES);
  }
}

/** Open a document at one of the reader's own annotations (a "yours" search hit). */
export class OpenAnnotationEvent extends Event {
  static readonly eventName = 'mg-open-annotation';
  constructor(
    readonly docId: string,
    readonly annotationId: string,
  ) {
    super(OpenAnnotationEvent.eventName, BUBBLES);
  }
}

/** Go back to the library. */
export class ShowLibraryEvent extends Event {
  static readonly eventName = 'mg-show-library';
  constructor() {
    super(ShowLibraryEvent.eventName, BUBBLES);
  }
}

/** Change some preferences (theme, font size, line width, library sort). */
export class PreferencesChangeEvent extends Event {
  static readonly eventName = 'mg-preferences-change';
  constructor(readonly patch: Partial<Preferences>) {
    super(PreferencesChangeEvent.eventName, BUBBLES);
  }
}

/** The reader scrolled: remember where (already debounced by the reader). */
export class ReadingPositionEvent extends Event {
  static readonly eventName = 'mg-reading-position';
  constructor(
    readonly docId: string,
    readonly position: ReadingPosition,
  ) {
    super(ReadingPositionEvent.eventName, BUBBLES);
  }
}

/** Open a link outside Margin (after the user confirms). */
export class OpenExternalEvent extends Event {
  static readonly eventName = 'mg-open-external';
  constructor(readonly url: string) {
    super(OpenExternalEvent.eventName, BUBBLES);
  }
}

/** The search passage marks in the reader should go (a new search started, or Escape). */
export class ClearSearchMarksEvent extends Event {
  static readonly eventName = 'mg-clear-search-marks';
  constructor() {
    super(ClearSearchMarksEvent.eventName, BUBBLES);
  }
}

/** The find bar's query changed. */
export class FindQueryEvent extends Event {
  static readonly eventName = 'mg-find-query';
  constructor(readonly query: string) {
    super(FindQueryEvent.eventName, BUBBLES);
  }
}

/** Move to the next (1) or previous (-1) find match. */
export class FindStepEvent extends Event {
  static readonly eventName = 'mg-find-step';
  constructor(readonly direction: 1 | -1) {
    super(FindStepEvent.eventName, BUBBLES);
  }
}

/** Close the find bar. */
export class FindCloseEvent extends Event {
  static readonly eventName = 'mg-find-close';
  constructor() {
    super(FindCloseEvent.eventName, BUBBLES);
  }
}

/** Jump to a section (or `null` for the top of the document) from the table of contents. */
export class TocNavigateEvent extends Event {
  static readonly eventName = 'mg-toc-navigate';
  constructor(readonly targetId: string | null) {
    super(TocNavigateEvent.eventName, BUBBLES);
  }
}

// ---------------------------------------------------------------------------------------------------
// Highlights and notes (annotations)
// ---------------------------------------------------------------------------------------------------

/** The reader finished (or cleared, with null) a text selection over the article. */
export class TextSelectionEvent extends Event {
  static readonly eventName = 'mg-text-selection';
  constructor(readonly selection: TextSelection | null) {
    super(TextSelectionEvent.eventName, BUBBLES);
  }
}

/** Highlight a canonical-text range; `withNote` opens the new highlight's editor on its note. */
export class HighlightCreateEvent extends Event {
  static readonly eventName = 'mg-highlight-create';
  constructor(
    readonly range: { start: number; end: number },
    readonly color: HighlightColor | null,
    readonly withNote: boolean,
  ) {
    super(HighlightCreateEvent.eventName, BUBBLES);
  }
}

/** Copy a quote with its citation to the clipboard. */
export class CopyCitationEvent extends Event {
  static readonly eventName = 'mg-copy-citation';
  constructor(
    readonly quote: string,
    readonly start: number,
    readonly style: CitationStyleId,
  ) {
    super(CopyCitationEvent.eventName, BUBBLES);
  }
}

/** Copy the selected words as they are, without a citation. */
export class CopyQuoteEvent extends Event {
  static readonly eventName = 'mg-copy-quote';
  constructor(readonly quote: string) {
    super(CopyQuoteEvent.eventName, BUBBLES);
  }
}

/** Search the whole library for these words (the selection menu's Search). */
export class SearchLibraryEvent extends Event {
  static readonly eventName = 'mg-search-library';
  constructor(readonly query: string) {
    super(SearchLibraryEvent.eventName, BUBBLES);
  }
}

/** The reader asked for the selection's menu as a context menu (right-click on the selection). */
export class SelectionMenuOpenEvent extends Event {
  static readonly eventName = 'mg-selection-menu-open';
  constructor(readonly selection: TextSelection) {
    super(SelectionMenuOpenEvent.eventName, BUBBLES);
  }
}

/** The selection menu was dismissed (Escape, or a click elsewhere). */
export class SelectionDismissEvent extends Event {
  static readonly eventName = 'mg-selection-dismiss';
  constructor() {
    super(SelectionDismissEvent.eventName, BUBBLES);
  }
}

/** Open the editor of an annotation, near `anchor` (viewport rect) when given. */
export class AnnotationEditEvent extends Event {
  static readonly eventName = 'mg-annotation-edit';
  constructor(
    readonly annotationId: string,
    readonly anchor: DOMRect | null = null,
  ) {
    super(AnnotationEditEvent.eventName, BUBBLES);
  }
}

/** Change an annotation's colour, note or tags. */
export class AnnotationUpdateEvent extends Event {
  static readonly eventName = 'mg-annotation-update';
  constructor(
    readonly annotationId: string,
    readonly patch: AnnotationPatch,
  ) {
    super(AnnotationUpdateEvent.eventName, BUBBLES);
  }
}

/** Delete an annotation (the app offers undo). */
export class AnnotationDeleteEvent extends Event {
  static readonly eventName = 'mg-annotation-delete';
  constructor(readonly annotationId: string) {
    super(AnnotationDeleteEvent.eventName, BUBBLES);
  }
}

/** Close the annotation editor. */
export class AnnotationEditorCloseEvent extends Event {
  static readonly eventName = 'mg-annotation-editor-close';
  constructor() {
    super(AnnotationEditorCloseEvent.eventName, BUBBLES);
  }
}

/** Scroll the reader to an annotation and flash it. */
export class AnnotationRevealEvent extends Event {
  static readonly eventName = 'mg-annotation-reveal';
  constructor(readonly annotationId: string) {
    super(AnnotationRevealEvent.eventName, BUBBLES);
  }
}

/** Add a note on the whole open document. */
export class DocumentNoteCreateEvent extends Event {
  static readonly eventName = 'mg-document-note-create';
  constructor(readonly note: string) {
    super(DocumentNoteCreateEvent.eventName, BUBBLES);
  }
}

/** Show or hide the notes panel (toggle when `open` is undefined). */
export class NotesPanelToggleEvent extends Event {
  static readonly eventName = 'mg-notes-panel-toggle';
  constructor(readonly open?: boolean) {
    super(NotesPanelToggleEvent.eventName, BUBBLES);
  }
}

/** Export annotations: of one document, or of all when `docId` is null. */
export class AnnotationsExportEvent extends Event {
  static readonly eventName = 'mg-annotations-export';
  constructor(
    readonly format: ExportFormat,
    readonly docId: string | null,
  ) {
    super(AnnotationsExportEvent.eventName, BUBBLES);
  }
}

/**
 * Export a bibliography file: of one document, of the documents picked in the library (`selection`),
 * or (docId null, no selection) of every document with notes.
 */
export class BibliographyExportEvent extends Event {
  static readonly eventName = 'mg-bibliography-export';
  constructor(
    readonly format: BibliographyFormat,
    readonly docId: string | null,
    readonly selection: readonly string[] | null = null,
  ) {
    super(BibliographyExportEvent.eventName, BUBBLES);
  }
}

/** Import annotations from a file the reader picked. */
export class AnnotationsImportEvent extends Event {
  static readonly eventName = 'mg-annotations-import';
  constructor(
    readonly text: string,
    readonly fileName: string,
  ) {
    super(AnnotationsImportEvent.eventName, BUBBLES);
  }
}

/** Open the notebook (every note of every document). */
export class ShowNotebookEvent extends Event {
  static readonly eventName = 'mg-show-notebook';
  constructor() {
    super(ShowNotebookEvent.eventName, BUBBLES);
  }
}

/** What to print: a document with its highlights and notes, or the notes the notebook shows. */
export type PrintRequest =
  | { kind: 'document'; docId: string }
  | { kind: 'notebook'; annotations: readonly Annotation[]; summary: string };

/** Print (the system dialog, or the browser's) or save as PDF. */
export class PrintEvent extends Event {
  static readonly eventName = 'mg-print';
  constructor(
    readonly request: PrintRequest,
    readonly mode: PrintMode = 'dialog',
  ) {
    super(PrintEvent.eventName, BUBBLES);
  }
}

/** The action button of a toast (e.g. Undo) was pressed. */
export class ToastActionEvent extends Event {
  static readonly eventName = 'mg-toast-action';
  constructor() {
    super(ToastActionEvent.eventName, BUBBLES);
  }
}

/** The toast went away (timed out or dismissed). */
export class ToastDismissEvent extends Event {
  static readonly eventName = 'mg-toast-dismiss';
  constructor() {
    super(ToastDismissEvent.eventName, BUBBLES);
  }
}

/** Show only the notes with this tag (a tag on an item in the notebook was chosen). */
export class AnnotationTagFilterEvent extends Event {
  static readonly eventName = 'mg-annotation-tag-filter';
  constructor(readonly tag: string) {
    super(AnnotationTagFilterEvent.eventName, BUBBLES);
  }
}

/** Make a kept earlier text of a note its text again ("also edited on Desk — restore"). */
export class AnnotationVersionRestoreEvent extends Event {
  static readonly eventName = 'mg-annotation-version-restore';
  constructor(
    readonly annotationId: string,
    readonly versionId: string,
  ) {
    super(AnnotationVersionRestoreEvent.eventName, BUBBLES);
  }
}

/** A sync brought notes from other devices: what is shown is loaded again. */
export class NotesSyncedEvent extends Event {
  static readonly eventName = 'mg-notes-synced';
  constructor() {
    super(NotesSyncedEvent.eventName, BUBBLES);
  }
}

/**
 * Something a screen reader should hear, politely and once, through the app's one live region
 * (reading-cursor moves, search results, undo toasts). Send it with `announce()` from `renderer/announce.ts`.
 */
export class AnnounceEvent extends Event {
  static readonly eventName = 'mg-announce';
  constructor(readonly message: string) {
    super(AnnounceEvent.eventName, BUBBLES);
  }
}

/** Show the Keyboard shortcuts sheet (from the reading settings). */
export class ShowShortcutsEvent extends Event {
  static readonly eventName = 'mg-show-shortcuts';
  constructor() {
    super(ShowShortcutsEvent.eventName, BUBBLES);
  }
}

export type ReadAloudCommand = 'start' | 'pause' | 'resume' | 'skip' | 'previous' | 'stop';

/** A read-aloud control was used (play, pause, skip a sentence, stop). */
export class ReadAloudCommandEvent extends Event {
  static readonly eventName = 'mg-read-aloud-command';
  constructor(readonly command: ReadAloudCommand) {
    super(ReadAloudCommandEvent.eventName, BUBBLES);
  }
}

declare global {
  interface HTMLElementEventMap {
    [OpenDocumentEvent.eventName]: OpenDocumentEvent;
    [OpenAnnotationEvent.eventName]: OpenAnnotationEvent;
    [ShowLibraryEvent.eventName]: ShowLibraryEvent;
    [PreferencesChangeEvent.eventName]: PreferencesChangeEvent;
    [ReadingPositionEvent.eventName]: ReadingPositionEvent;
    [OpenExternalEvent.eventName]: OpenExternalEvent;
    [ClearSearchMarksEvent.eventName]: ClearSearchMarksEvent;
    [FindQueryEvent.eventName]: FindQueryEvent;
    [FindStepEvent.eventName]: FindStepEvent;
    [FindCloseEvent.eventName]: FindCloseEvent;
    [TocNavigateEvent.eventName]: TocNavigateEvent;
    [TextSelectionEvent.eventName]: TextSelectionEvent;
    [HighlightCreateEvent.eventName]: HighlightCreateEvent;
    [CopyCitationEvent.eventName]: CopyCitationEvent;
    [SelectionDismissEvent.eventName]: SelectionDismissEvent;
    [CopyQuoteEvent.eventName]: CopyQuoteEvent;
    [SearchLibraryEvent.eventName]: SearchLibraryEvent;
    [SelectionMenuOpenEvent.eventName]: SelectionMenuOpenEvent;
    [AnnotationEditEvent.eventName]: AnnotationEditEvent;
    [AnnotationUpdateEvent.eventName]: AnnotationUpdateEvent;
    [AnnotationDeleteEvent.eventName]: AnnotationDeleteEvent;
    [AnnotationEditorCloseEvent.eventName]: AnnotationEditorCloseEvent;
    [AnnotationRevealEvent.eventName]: AnnotationRevealEvent;
    [DocumentNoteCreateEvent.eventName]: DocumentNoteCreateEvent;
    [NotesPanelToggleEvent.eventName]: NotesPanelToggleEvent;
    [AnnotationsExportEvent.eventName]: AnnotationsExportEvent;
    [BibliographyExportEvent.eventName]: BibliographyExportEvent;
    [AnnotationsImportEvent.eventName]: AnnotationsImportEvent;
    [ShowNotebookEvent.eventName]: ShowNotebookEvent;
    [ToastActionEvent.eventName]: ToastActionEvent;
    [ToastDismissEvent.eventName]: ToastDismissEvent;
    [AnnotationTagFilterEvent.eventName]: AnnotationTagFilterEvent;
    [AnnotationVersionRestoreEvent.eventName]: AnnotationVersionRestoreEvent;
    [NotesSyncedEvent.eventName]: NotesSyncedEvent;
    [AnnounceEvent.eventName]: AnnounceEvent;
    [ShowShortcutsEvent.eventName]: ShowShortcutsEvent;
    [ReadAloudCommandEvent.eventName]: ReadAloudCommandEvent;
    [PrintEvent.eventName]: PrintEvent;
  }
}
