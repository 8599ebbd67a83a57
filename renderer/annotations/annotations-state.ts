/**
 * The app's highlights and notes as plain state: the open document's annotations, the notebook's copy
 * of every annotation, the undo toast and the last import report, changed only through the API. No
 * DOM here: `AnnotationsController` turns events, focus and scrolling into calls on this class, and
 * the tests drive it in Node with an in-memory MarginApi.
 */
import type {
  Annotation,
  AnnotationPatch,
  BibliographyFormat,
  CitationStyleId,
  FormattedText,
  DocumentSummary,
  ExportedFile,
  ExportFormat,
  HighlightColor,
  ImportReport,
  MarginApi,
} from '../../main/api';
import { citedQuote } from './citation';

export interface Toast {
  message: string;
  /** A deleted record the toast's Undo puts back. */
  undo: Annotation | null;
}

/** Where a revealed annotation is shown: in the text, or in the notes panel when it has no place there. */
export type RevealPlace = 'text' | 'panel' | 'panel-orphaned';

export class AnnotationsState {
  /** The open document (null in the library or notebook). */
  docId: string | null = null;
  /** The open document's annotations, as the API last returned them plus the changes made since. */
  annotations: readonly Annotation[] = [];
  /** Every annotation of every document, loaded for the notebook (null until asked for). */
  all: readonly Annotation[] | null = null;
  /** The documents with notes, for the notebook's titles. */
  documents: readonly DocumentSummary[] = [];
  toast: Toast | null = null;
  importReport: ImportReport | null = null;

  private loading = 0;

  /**
   * @param api the client, read at each call (the app may be handed its client after construction)
   * @param changed called after every change, so the view can render again
   */
  constructor(
    private readonly api: () => MarginApi,
    private readonly changed: () => void,
  ) {}

  /** Opens a document (or none) and loads its annotations; a load overtaken by another is dropped. */
  async open(docId: string | null): Promise<void> {
    if (docId === this.docId) return;
    this.docId = docId;
    this.annotations = [];
    this.importReport = null;
    this.changed();
    if (!docId) return;
    const ticket = ++this.loading;
    try {
      const annotations = await this.api().listAnnotations(docId);
      if (ticket !== this.loading || this.docId !== docId) return;
      this.annotations = annotations;
    } catch (error) {
      if (ticket !== this.loading) return;
      this.fail('Your notes on this document could not be loaded', error);
    }
    this.changed();
  }

  /**
   * Loads every annotation and the rows of the documents they are on, for the notebook: removed ones
   * of the reader's included (their notes are kept and shown under their titles), the library's other
   * documents never (at 100,000 articles they would be most of what crosses).
   */
  async loadAll(): Promise<void> {
    try {
      const [all, annotated] = await Promise.all([
        this.api().listAllAnnotations(),
        this.api().listAnnotatedDocuments(),
      ]);
      this.all = all;
      this.documents = annotated;
    } catch (error) {
      this.fail('Your notes could not be loaded', error);
    }
    this.changed();
  }

  /** Highlights a range of the open document; the new record, or null when it could not be saved. */
  async highlight(
    range: { start: number; end: number },
    color: HighlightColor | null,
  ): Promise<Annotation | null> {
    const docId = this.docId;
    if (!docId) return null;
    return this.save('The highlight could not be saved', async () => {
      const created = await this.api().createAnnotation({ docId, range, color });
      this.put(created);
      return created;
    });
  }

  /** Adds a note on the whole open document. */
  async addDocumentNote(note: string): Promise<Annotation | null> {
    const docId = this.docId;
    if (!docId) return null;
    return this.save('The note could not be saved', async () => {
      const created = await this.api().createAnnotation({ docId, range: null, note });
      this.put(created);
      return created;
    });
  }

  async update(id: string, patch: AnnotationPatch): Promise<Annotation | null> {
    return this.save('The change could not be saved', async () => {
      const updated = await this.api().updateAnnotation(id, patch);
      this.put(updated);
      return updated;
    });
  }

  /** Deletes an annotation and offers to undo it. */
  async remove(id: string): Promise<Annotation | null> {
    return this.save('It could not be deleted', async () => {
      const deleted = await this.api().deleteAnnotation(id);
      this.annotations = this.annotations.filter((a) => a.id !== id);
      if (this.all) this.all = this.all.filter((a) => a.id !== id);
      this.toast = {
        message: deleted.selectors.length ? 'Highlight deleted' : 'Note deleted',
        undo: deleted,
      };
      return deleted;
    });
  }

  /** Puts back what the toast's Undo refers to. */
  async undo(): Promise<void> {
    const record = this.toast?.undo;
    if (!record) return;
    this.toast = null;
    this.changed();
    await this.save('It could not be restored', async () => {
      const restored = await this.api().restoreAnnotation(record);
      this.put(restored);
      this.toast = { message: 'Restored', undo: null };
      return restored;
    });
  }

  /** Exports through the API and hands each file to `save`; says what was saved, or that nothing was. */
  async export(
    format: ExportFormat,
    docId: string | null,
    save: (file: ExportedFile) => void,
  ): Promise<void> {
    await this.save('The export failed', async () => {
      const files = await this.api().exportAnnotations(format, docId ?? undefined);
      for (const file of files) save(file);
      const saved = files.length === 1 ? `Saved ${files[0].name}` : `Saved ${files.length} files`;
      this.toast = { message: files.length === 0 ? 'There is nothing to export yet' : saved, undo: null };
      return files;
    });
  }

  /** Imports a file's text, then reloads what is shown so the merged records appear. */
  async import(text: string): Promise<void> {
    try {
      this.importReport = await this.api().importAnnotations(text);
      if (this.docId) this.annotations = await this.api().listAnnotations(this.docId);
      if (this.all) this.all = await this.api().listAllAnnotations();
    } catch (error) {
      this.importReport = null;
      this.fail('That file could not be imported', error);
    }
    this.changed();
  }

  /** Makes a kept earlier text of a note current again; the text it replaces is kept in its turn. */
  async restoreVersion(id: string, versionId: string): Promise<Annotation | null> {
    return this.save('The earlier text could not be restored', async () => {
      const restored = await this.api().restoreAnnotationVersion(id, versionId);
      this.put(restored);
      return restored;
    });
  }

  /** Loads what is shown again, after a sync brought notes written on another device. */
  async reload(): Promise<void> {
    try {
      if (this.docId) this.annotations = await this.api().listAnnotations(this.docId);
      if (this.all) this.all = await this.api().listAllAnnotations();
    } catch (error) {
      this.fail('Your notes could not be loaded again after the sync', error);
    }
    this.changed();
  }

  /**
   * The quote with its citation in `style`, located at `start` in the open document; null (and a
   * toast saying why) when main cannot cite it.
   */
  async citation(quote: string, start: number, style: CitationStyleId): Promise<FormattedText | null> {
    const docId = this.docId;
    try {
      if (!docId) throw new Error('No document is open.');
      return citedQuote(quote, await this.api().citeDocument(docId, style, start));
    } catch (error) {
      this.fail('The citation could not be made, so only the quote was copied', error);
      this.changed();
      return null;
    }
  }

  /**
   * A bibliography file of one document, or of every document with notes (docId null), handed to
   * `save`; says what was saved, or that there is nothing to list yet.
   */
  async exportBibliography(
    format: BibliographyFormat,
    docId: string | null,
    save: (file: ExportedFile) => void,
    selection: readonly string[] | null = null,
  ): Promise<void> {
    await this.save('The bibliography could not be exported', async () => {
      const docIds = selection ? [...selection] : docId ? [docId] : await this.documentsWithNotes();
      if (docIds.length === 0) {
        this.toast = { message: 'There is nothing to export yet', undo: null };
        return null;
      }
      const file = await this.api().exportBibliography(format, docIds);
      save(file);
      this.toast = { message: `Saved ${file.name}`, undo: null };
      return file;
    });
  }

  /** Documents the library lists with at least one highlight or note, in library order. */
  private async documentsWithNotes(): Promise<string[]> {
    const annotated = await this.api().listAnnotatedDocuments();
    return annotated.filter((summary) => !summary.removed).map((summary) => summary.id);
  }

  /** An annotation of the open document or, failing that, of the notebook. */
  find(id: string): Annotation | null {
    return this.annotations.find((a) => a.id === id) ?? this.all?.find((a) => a.id === id) ?? null;
  }

  /** Where an annotation of the open document is shown; null when it is not (yet) in the list. */
  revealPlace(id: string): RevealPlace | null {
    const record = this.annotations.find((a) => a.id === id);
    if (!record) return null;
    if (record.anchorStatus === 'orphaned') {
      this.tell('That passage is not in this edition; its note is kept in the notes panel.');
      return 'panel-orphaned';
    }
    return record.selectors.length === 0 ? 'panel' : 'text';
  }

  /** Shows a one-line message with no action. */
  tell(message: string): void {
    this.toast = { message, undo: null };
    this.changed();
  }

  dismissToast(): void {
    this.toast = null;
    this.changed();
  }

  /** Runs one API change; a failure becomes a toast that says what was lost and why. */
  private async save<T>(what: string, change: () => Promise<T>): Promise<T | null> {
    let result: T | null = null;
    try {
      result = await change();
    } catch (error) {
      this.fail(what, error);
    }
    this.changed();
    return result;
  }

  /** Adds or replaces a record in the open document's list (if it belongs there) and the notebook's. */
  private put(record: Annotation): void {
    if (record.docId === this.docId) this.annotations = withRecord(this.annotations, record);
    if (this.all) this.all = withRecord(this.all, record);
  }

  private fail(what: string, error: unknown): void {
    const reason = error instanceof Error && error.message ? `: ${error.message}` : '.';
    this.toast = { message: `${what}${reason}`, undo: null };
  }
}

/** The list with `record` in place of the one with its id, or added at the end. */
function withRecord(list: readonly Annotation[], record: Annotation): Annotation[] {
  return list.some((a) => a.id === record.id)
    ? list.map((a) => (a.id === record.id ? record : a))
    : [...list, record];
}
