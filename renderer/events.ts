/**
 * Every event the renderer's elements fire. Properties go down, these events come up to the mediator
 * (`mg-app`), which alone changes app state and calls the API for writes. All bubble and are composed,
 * so they cross shadow roots.
 */
import type { Preferences, ReadingPosition } from '../main/api';

const BUBBLES: EventInit = { bubbles: true, composed: true };

/** Where to land when a document opens: a block to scroll to and the words to mark in it. */
export interface ReaderTarget {
  blockId: string;
  /** Surface forms to mark with the `search-match` highlight inside that block. */
  terms: string[];
}

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
  }
}
