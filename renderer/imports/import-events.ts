/**
 * The events of importing and removing the reader's own documents. Re-exported by `renderer/events.ts`
 * with every other event; like them they bubble and are composed, up to the mediator (`mg-app`).
 */
const BUBBLES: EventInit = { bubbles: true, composed: true };

/** Open the system's file picker to add documents ("Add documents…", Ctrl/Cmd+O). */
export class AddDocumentsEvent extends Event {
  static readonly eventName = 'mg-add-documents';
  constructor() {
    super(AddDocumentsEvent.eventName, BUBBLES);
  }
}

/** Files were picked or dropped: import them, one after another. */
export class ImportFilesEvent extends Event {
  static readonly eventName = 'mg-import-files';
  constructor(readonly files: readonly File[]) {
    super(ImportFilesEvent.eventName, BUBBLES);
  }
}

/** Stop importing one file (a row of the import list). */
export class ImportCancelEvent extends Event {
  static readonly eventName = 'mg-import-cancel';
  constructor(readonly key: string) {
    super(ImportCancelEvent.eventName, BUBBLES);
  }
}

/** The reader's answer for a file whose name is already in the library. */
export class ImportSameNameEvent extends Event {
  static readonly eventName = 'mg-import-same-name';
  constructor(
    readonly key: string,
    readonly choice: 'replace' | 'keep-both',
  ) {
    super(ImportSameNameEvent.eventName, BUBBLES);
  }
}

/** Clear the finished rows of the import list. */
export class ImportDismissEvent extends Event {
  static readonly eventName = 'mg-import-dismiss';
  constructor() {
    super(ImportDismissEvent.eventName, BUBBLES);
  }
}

/** Remove one of the reader's own documents from the library (its notes are kept). */
export class DocumentRemoveEvent extends Event {
  static readonly eventName = 'mg-document-remove';
  constructor(
    readonly docId: string,
    readonly title: string,
  ) {
    super(DocumentRemoveEvent.eventName, BUBBLES);
  }
}

/** Undo the last removal (the removal toast's Undo). */
export class DocumentRestoreEvent extends Event {
  static readonly eventName = 'mg-document-restore';
  constructor() {
    super(DocumentRestoreEvent.eventName, BUBBLES);
  }
}

/** Which documents the library lists: every one, the publisher's, or the reader's own. */
export type OriginFilter = 'all' | 'publisher' | 'yours';

/** The library's origin filter changed (it stays the library's own state). */
export class OriginFilterEvent extends Event {
  static readonly eventName = 'mg-origin-filter';
  constructor(readonly filter: OriginFilter) {
    super(OriginFilterEvent.eventName, BUBBLES);
  }
}

declare global {
  interface HTMLElementEventMap {
    [AddDocumentsEvent.eventName]: AddDocumentsEvent;
    [ImportFilesEvent.eventName]: ImportFilesEvent;
    [ImportCancelEvent.eventName]: ImportCancelEvent;
    [ImportSameNameEvent.eventName]: ImportSameNameEvent;
    [ImportDismissEvent.eventName]: ImportDismissEvent;
    [DocumentRemoveEvent.eventName]: DocumentRemoveEvent;
    [DocumentRestoreEvent.eventName]: DocumentRestoreEvent;
    [OriginFilterEvent.eventName]: OriginFilterEvent;
  }
}
