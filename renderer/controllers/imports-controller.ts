/**
 * The mediator's hands for the reader's own documents: `mg-app` owns one of these. It feeds picked and
 * dropped files to the `ImportQueue`, keeps the window from navigating to a dropped file, shows the
 * drop target while files are dragged over, says each outcome through the one live region, opens a
 * document imported on its own, and removes and restores documents with an undo.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MarginApi, RemovedDocument } from '../../main/api';
import { announce } from '../announce';
import {
  AddDocumentsEvent,
  DocumentRemoveEvent,
  DocumentRestoreEvent,
  ImportCancelEvent,
  ImportDismissEvent,
  ImportFilesEvent,
  ImportSameNameEvent,
  OpenDocumentEvent,
} from '../events';
import { ImportQueue, type ImportRow, type ImportSource } from '../imports/import-queue';

/** The file kinds the picker offers; a dropped file of another kind is still tried (and refused if need be). */
export const IMPORT_ACCEPT = '.pdf,.html,.htm,.md,.markdown,.txt';

/** The removal toast: what it says, and whether its Undo puts a document back. */
export interface RemovalToast {
  message: string;
  undo: RemovedDocument | null;
}

export class ImportsController implements ReactiveController {
  readonly queue: ImportQueue;
  /** True while files are dragged over the window. */
  dragging = false;
  /** Goes up whenever the library changed (a document imported, removed or restored). */
  libraryRevision = 0;
  toast: RemovalToast | null = null;

  /** dragenter and dragleave fire for every element crossed; the window is left when they even out. */
  private dragDepth = 0;
  private prepared = false;

  /**
   * @param api the client, read at each call
   * @param libraryChanged called after a document came in, left or came back (the notebook reloads)
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly api: () => MarginApi,
    private readonly libraryChanged: () => void = () => {},
  ) {
    host.addController(this);
    this.queue = new ImportQueue({
      api,
      changed: () => host.requestUpdate(),
      settled: (row) => this.settled(row),
      asking: (row) => announce(host, `${row.message} Replace it, or keep both?`),
    });
    this.listen();
  }

  hostConnected(): void {
    window.addEventListener('dragenter', this.onDragEnter);
    window.addEventListener('dragover', this.onDragOver);
    window.addEventListener('dragleave', this.onDragLeave);
    window.addEventListener('drop', this.onDrop);
    window.addEventListener('dragend', this.onDragEnd);
  }

  hostDisconnected(): void {
    window.removeEventListener('dragenter', this.onDragEnter);
    window.removeEventListener('dragover', this.onDragOver);
    window.removeEventListener('dragleave', this.onDragLeave);
    window.removeEventListener('drop', this.onDrop);
    window.removeEventListener('dragend', this.onDragEnd);
  }

  /** Opens the system's file picker (the app's one hidden file input). */
  pickFiles(): void {
    this.prepare();
    (this.host.shadowRoot ?? this.host).querySelector<HTMLInputElement>('#add-documents-input')?.click();
  }

  /**
   * Files are on their way (a drag over the window, the picker open): main readies its importer while
   * the reader chooses, so the first file of a session is not slower than the next. Once is enough.
   */
  private prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    // Only a head start: an importer that cannot start says so for the file it was given.
    this.api()
      .prepareImport()
      .catch(() => undefined);
  }

  /** Imports files picked or dropped together, one after another. */
  add(files: readonly File[]): void {
    if (files.length === 0) return;
    announce(this.host, files.length === 1 ? `Adding ${files[0].name}` : `Adding ${files.length} documents`);
    void this.queue.add(files.map(fileSource));
  }

  private listen(): void {
    const on = <E extends Event>(name: string, handler: (event: E) => void) =>
      this.host.addEventListener(name, handler as EventListener);
    on(AddDocumentsEvent.eventName, () => this.pickFiles());
    on(ImportFilesEvent.eventName, (event: ImportFilesEvent) => this.add(event.files));
    on(ImportCancelEvent.eventName, (event: ImportCancelEvent) => void this.queue.cancel(event.key));
    on(ImportSameNameEvent.eventName, (event: ImportSameNameEvent) => {
      void this.queue.chooseSameName(event.key, event.choice);
    });
    on(ImportDismissEvent.eventName, () => this.queue.dismiss());
    on(DocumentRemoveEvent.eventName, (event: DocumentRemoveEvent) => void this.remove(event.docId));
    on(DocumentRestoreEvent.eventName, () => void this.restore());
  }

  /** A file is done: say so, show it in the library, and open it when it came on its own. */
  private settled(row: ImportRow): void {
    if (row.status === 'imported') this.changedLibrary();
    announce(this.host, row.message || `${row.name}: ${row.status}`);
    const found = row.status === 'imported' || row.status === 'already-in-library';
    if (found && row.alone && row.docId) this.host.dispatchEvent(new OpenDocumentEvent(row.docId));
    this.host.requestUpdate();
  }

  private async remove(docId: string): Promise<void> {
    try {
      const removed = await this.api().removeDocument(docId);
      this.changedLibrary();
      this.toast = { message: `Removed “${removed.title}”; your notes on it are kept`, undo: removed };
    } catch (error) {
      this.toast = { message: `It could not be removed${reason(error)}`, undo: null };
    }
    this.host.requestUpdate();
  }

  /** The toast's Undo: the removed document comes back, with its notes. */
  private async restore(): Promise<void> {
    const removed = this.toast?.undo;
    if (!removed) return;
    this.toast = null;
    this.host.requestUpdate();
    try {
      const restored = await this.api().restoreDocument(removed.docId);
      this.changedLibrary();
      this.toast = { message: `Restored “${restored.title}”`, undo: null };
    } catch (error) {
      this.toast = { message: `It could not be restored${reason(error)}`, undo: null };
    }
    this.host.requestUpdate();
  }

  private changedLibrary(): void {
    this.libraryRevision++;
    this.libraryChanged();
  }

  dismissToast(): void {
    this.toast = null;
    this.host.requestUpdate();
  }

  private setDragging(dragging: boolean): void {
    if (this.dragging === dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }

  private readonly onDragEnter = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    this.prepare();
    this.dragDepth++;
    this.setDragging(true);
  };

  /**
   * Taking dragover is what lets the page have the drop; otherwise the browser would open the dropped
   * file or link in place of Margin. Text dragged into a field is left to the field.
   */
  private readonly onDragOver = (event: DragEvent): void => {
    const files = carriesFiles(event);
    if (!files && overField(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = files ? 'copy' : 'none';
    if (files) this.setDragging(true);
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) this.setDragging(false);
  };

  private readonly onDrop = (event: DragEvent): void => {
    const files = carriesFiles(event);
    if (!files && overField(event)) return;
    event.preventDefault();
    this.onDragEnd();
    if (files) this.add([...(event.dataTransfer?.files ?? [])]);
  };

  private readonly onDragEnd = (): void => {
    this.dragDepth = 0;
    this.setDragging(false);
  };
}

/** A picked or dropped file, read only when its turn comes. */
function fileSource(file: File): ImportSource {
  return {
    name: file.name,
    read: async () => {
      try {
        return new Uint8Array(await file.arrayBuffer());
      } catch {
        // A dropped folder, or a file moved or deleted since it was picked.
        throw new Error(`${file.name} could not be read: it is a folder, or it was moved or deleted.`);
      }
    },
  };
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Whether the pointer is over a text field (which takes dropped text itself). */
function overField(event: Event): boolean {
  return event
    .composedPath()
    .some(
      (node) =>
        node instanceof HTMLElement &&
        (node.isContentEditable || node.tagName === 'INPUT' || node.tagName === 'TEXTAREA'),
    );
}

function reason(error: unknown): string {
  return error instanceof Error && error.message ? `: ${error.message}` : '.';
}
