/**
 * A MarginApi kept in memory, for renderer tests in Node: a test double for the API (the thing the
 * renderer talks to), with real documents, real canonical text and the shared reading order. A test
 * can make the next call of a method fail with the error the service would give, or answer late.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type {
  Annotation,
  BibliographyFormat,
  Citation,
  CitationStyleId,
  AnnotationInput,
  AnnotationPatch,
  AppStatus,
  Document,
  DocumentPage,
  DocumentPageQuery,
  DocumentSummary,
  ExportedFile,
  ExportFormat,
  AnnotationVersion,
  ImportKind,
  ImportOutcome,
  ImportProgressReport,
  ImportReport,
  ImportRequest,
  Licences,
  RemovedDocument,
  MarginApi,
  MarginMethod,
  Preferences,
  PrintOutcome,
  ReadingPosition,
  SearchResults,
  SyncStatus,
} from '../../../main/api';
import { styleLicences } from '../../../build/licence-list';
import { bibliographyFile } from '../../../main/citations/bibliography-export';
import { createCitationFormatter } from '../../../main/citations/cite';
import { MarginError } from '../../../main/errors';
import { canonicalText } from '../../../main/library/canonical-text';
import { createLibraryPages } from '../../../main/library/library-page';
import {
  checkDocumentPageQuery,
  checkDocumentSummaryIds,
} from '../../../main/annotations/annotation-validation';
import { readingOrder } from '../../../main/shared/annotation-reading-order';
import { DEFAULT_PREFERENCES } from '../../../main/shared/preference-defaults';
import { userDocumentId } from '../../../main/library/user-library/user-document-id';

/** A document of the reader's, as the in-memory library keeps it. */
interface YourDocument {
  doc: Document;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  removed: boolean;
}

export class InMemoryApi implements MarginApi {
  readonly records = new Map<string, Annotation>();
  /** Every call, in order, as `method` names. */
  readonly calls: MarginMethod[] = [];
  private preferences: Preferences = { ...DEFAULT_PREFERENCES };
  private readonly positions = new Map<string, ReadingPosition>();
  private readonly failures = new Map<MarginMethod, MarginError>();
  private readonly holds = new Map<MarginMethod, Promise<void>>();
  private clock = 0;
  private readonly citations = createCitationFormatter(path.resolve('content/csl'));
  /** The reader's own documents, in the order imported. */
  readonly yours = new Map<string, YourDocument>();
  private readonly imports = new Map<string, { progress: ImportProgressReport; cancel: AbortController }>();
  private readonly finishedImports = new Map<string, ImportProgressReport>();

  constructor(private readonly documents: Document[]) {}

  /** The next call of `method` fails with `error`, and changes nothing. */
  failNext(method: MarginMethod, error: MarginError): void {
    this.failures.set(method, error);
  }

  /** The next call of `method` answers only once the returned function is called (a slow service). */
  holdNext(method: MarginMethod): () => void {
    let release!: () => void;
    this.holds.set(method, new Promise<void>((resolve) => (release = resolve)));
    return release;
  }

  async getStatus(): Promise<AppStatus> {
    this.enter('getStatus');
    return { version: '0.0.0-test', documents: this.documents.length, searchReady: true, notices: [] };
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    this.enter('listDocuments');
    return this.rows();
  }

  /** The service's own paging over this library's rows, made again on every call (the rows are few). */
  async listDocumentPage(query: DocumentPageQuery): Promise<DocumentPage> {
    this.enter('listDocumentPage');
    const rows = this.rows();
    const counts = new Map(rows.map((row) => [row.id, row.annotationCount]));
    return createLibraryPages(rows).page(checkDocumentPageQuery(query), (id) => counts.get(id) ?? 0);
  }

  /** The service's answer: the rows with notes in library order, removed ones of yours included. */
  async listAnnotatedDocuments(): Promise<DocumentSummary[]> {
    this.enter('listAnnotatedDocuments');
    return [
      ...this.documents.map((doc) => this.summary(doc, null)),
      ...[...this.yours.values()].map((own) => this.summary(own.doc, own)),
    ].filter((row) => row.annotationCount > 0);
  }

  async getDocument(id: string): Promise<Document> {
    this.enter('getDocument');
    return this.document(id);
  }

  async search(query: string): Promise<SearchResults> {
    this.enter('search');
    return { status: 'ok', query, total: 0, groups: [], annotations: [], complete: true, tookMs: 0 };
  }

  async listAnnotations(docId: string): Promise<Annotation[]> {
    this.enter('listAnnotations');
    const hold = this.holds.get('listAnnotations');
    this.holds.delete('listAnnotations');
    await hold;
    this.document(docId);
    return [...this.records.values()].filter((a) => a.docId === docId).sort(readingOrder);
  }

  async listAllAnnotations(): Promise<Annotation[]> {
    this.enter('listAllAnnotations');
    return [...this.records.values()].sort(readingOrder);
  }

  async createAnnotation(input: AnnotationInput): Promise<Annotation> {
    this.enter('createAnnotation');
    const doc = this.document(input.docId);
    const created = this.now();
    const range = input.range ?? null;
    const record: Annotation = {
      id: `urn:uuid:${randomUUID()}`,
      docId: doc.id,
      docTextHash: doc.textHash,
      motivation: input.note ? 'commenting' : 'highlighting',
      color: range ? (input.color ?? 'yellow') : null,
      note: input.note ?? '',
      tags: input.tags ?? [],
      selectors: range
        ? [
            {
              type: 'TextQuoteSelector',
              exact: canonicalText(doc).slice(range.start, range.end),
              prefix: '',
              suffix: '',
            },
            { type: 'TextPositionSelector', start: range.start, end: range.end },
          ]
        : [],
      anchorStatus: range ? 'exact' : 'document',
      created,
      modified: created,
    };
    this.records.set(record.id, record);
    return record;
  }

  async updateAnnotation(id: string, patch: AnnotationPatch): Promise<Annotation> {
    this.enter('updateAnnotation');
    const updated = { ...this.record(id), ...patch, modified: this.now() };
    this.records.set(id, updated);
    return updated;
  }

  async deleteAnnotation(id: string): Promise<Annotation> {
    this.enter('deleteAnnotation');
    const deleted = this.record(id);
    this.records.delete(id);
    return deleted;
  }

  async restoreAnnotation(record: Annotation): Promise<Annotation> {
    this.enter('restoreAnnotation');
    this.records.set(record.id, record);
    return record;
  }

  /** One JSON file of the records asked for, or none when there are none. */
  async exportAnnotations(format: ExportFormat, docId?: string): Promise<ExportedFile[]> {
    this.enter('exportAnnotations');
    const records = [...this.records.values()].filter((a) => !docId || a.docId === docId);
    if (records.length === 0) return [];
    const name = `${docId ?? 'margin'}-notes.${format === 'jsonld' ? 'jsonld' : 'json'}`;
    return [{ name, mediaType: 'application/json', content: JSON.stringify(records) }];
  }

  /** Takes what `exportAnnotations` wrote, merging by id: the newer edit wins, nothing is deleted. */
  async importAnnotations(text: string): Promise<ImportReport> {
    this.enter('importAnnotations');
    let records: Annotation[];
    try {
      records = JSON.parse(text) as Annotation[];
    } catch {
      throw new MarginError('invalid-argument', 'The file is neither Margin Markdown nor JSON-LD.');
    }
    const report: ImportReport = { added: 0, updated: 0, skipped: 0, problems: [] };
    for (const record of records) {
      const existing = this.records.get(record.id);
      if (existing && existing.modified >= record.modified) report.skipped++;
      else {
        report[existing ? 'updated' : 'added']++;
        this.records.set(record.id, record);
      }
    }
    return report;
  }

  async getPreferences(): Promise<Preferences> {
    this.enter('getPreferences');
    return { ...this.preferences };
  }

  async setPreferences(patch: Partial<Preferences>): Promise<Preferences> {
    this.enter('setPreferences');
    this.preferences = { ...this.preferences, ...patch };
    return { ...this.preferences };
  }

  async getReadingPosition(docId: string): Promise<ReadingPosition | null> {
    this.enter('getReadingPosition');
    return this.positions.get(docId) ?? null;
  }

  async setReadingPosition(docId: string, position: ReadingPosition): Promise<void> {
    this.enter('setReadingPosition');
    this.positions.set(docId, position);
  }

  /** Nothing opens a browser from a test: the link is never opened. */
  async openExternal(): Promise<boolean> {
    this.enter('openExternal');
    return false;
  }

  /** Sync is off in this double: no folder, no versions. Setting it up is the real service's test. */
  async getSyncStatus(): Promise<SyncStatus> {
    this.enter('getSyncStatus');
    return {
      enabled: false,
      folder: null,
      canChooseFolder: false,
      deviceName: 'This device',
      lastSync: null,
      devices: [],
      problems: [],
      notesUpdated: null,
    };
  }

  async chooseSyncFolder(): Promise<SyncStatus> {
    this.enter('chooseSyncFolder');
    throw new MarginError('unavailable', 'Sync is not part of the in-memory API.');
  }

  async setUpSync(): Promise<SyncStatus> {
    this.enter('setUpSync');
    throw new MarginError('unavailable', 'Sync is not part of the in-memory API.');
  }

  async syncNow(): Promise<SyncStatus> {
    this.enter('syncNow');
    throw new MarginError('unavailable', 'Sync is not part of the in-memory API.');
  }

  async turnOffSync(): Promise<SyncStatus> {
    this.enter('turnOffSync');
    return this.getSyncStatus();
  }

  async getAnnotationVersions(id: string): Promise<AnnotationVersion[]> {
    this.enter('getAnnotationVersions');
    this.record(id);
    return [];
  }

  async restoreAnnotationVersion(id: string): Promise<Annotation> {
    this.enter('restoreAnnotationVersion');
    this.record(id);
    throw new MarginError('not-found', 'That earlier text of the note is no longer kept.');
  }

  /** Citations from the real formatter and the vendored styles: they are plain Node code. */
  async citeDocument(docId: string, style: CitationStyleId, at?: number): Promise<Citation> {
    this.enter('citeDocument');
    return this.citations.cite(this.document(docId), style, at);
  }

  async exportBibliography(format: BibliographyFormat, docIds: string[]): Promise<ExportedFile> {
    this.enter('exportBibliography');
    return bibliographyFile(
      format,
      docIds.map((id) => this.document(id)),
    );
  }

  /** The vendored styles only: a test has no build, so no bundled libraries to list. */
  async getLicences(): Promise<Licences> {
    this.enter('getLicences');
    return { libraries: [], styles: styleLicences(path.resolve('content/csl')) };
  }

  /** The in-memory importer runs in this thread: there is nothing to get ready. */
  async prepareImport(): Promise<void> {
    this.enter('prepareImport');
  }

  /** No window to print here, as in the browser host: the page prints itself. */
  async printPage(): Promise<PrintOutcome> {
    this.enter('printPage');
    return 'unavailable';
  }

  /**
   * The real importer, run in this thread (no worker): same-bytes and same-name checks as the service,
   * progress by phase, and cancel by importId before the document is kept.
   */
  async importDocument(request: ImportRequest): Promise<ImportOutcome> {
    this.enter('importDocument');
    this.finishedImports.delete(request.importId);
    const outcome = await this.runImport(request);
    // As the service: the last report stays after the end (not a cancelled import's: nothing is kept).
    if (outcome.status !== 'cancelled')
      this.finishedImports.set(request.importId, { phase: 'done', done: 1, total: 1 });
    return outcome;
  }

  private async runImport(request: ImportRequest): Promise<ImportOutcome> {
    const cancel = new AbortController();
    const progress: ImportProgressReport = { phase: 'reading', done: 0, total: 1 };
    this.imports.set(request.importId, { progress, cancel });
    try {
      const hold = this.holds.get('importDocument');
      this.holds.delete('importDocument');
      await hold;
      const { createHash } = await import('node:crypto');
      const sha256 = createHash('sha256').update(request.bytes).digest('hex');
      const same = [...this.yours.entries()].find(([, own]) => own.sha256 === sha256);
      if (same && !same[1].removed) {
        const title = same[1].doc.title;
        return {
          status: 'already-in-library',
          docId: same[0],
          title,
          message: `“${title}” is already in your library.`,
        };
      }
      const named = [...this.yours.entries()].find(
        ([, own]) => !own.removed && own.fileName === request.name,
      );
      const sameName = request.sameName ?? 'ask';
      if (named && sameName === 'ask') {
        const title = named[1].doc.title;
        return {
          status: 'same-name',
          docId: named[0],
          title,
          message: `A different “${request.name}” is already in your library.`,
        };
      }
      if (cancel.signal.aborted)
        return { status: 'cancelled', message: `${request.name}: the import was cancelled` };
      Object.assign(progress, { phase: 'parsing' });
      const { importFile } = await import('../../../main/import/import-file');
      const result = await importFile(request.bytes, request.name, { signal: cancel.signal });
      if (cancel.signal.aborted)
        return { status: 'cancelled', message: `${request.name}: the import was cancelled` };
      if (!result.ok) return { status: 'refused', message: result.message };
      const docId =
        same?.[0] ??
        (named && sameName === 'replace'
          ? named[0]
          : userDocumentId(request.name, sha256, (id) => this.has(id)));
      const doc = { ...result.document, id: docId };
      this.yours.set(docId, {
        doc,
        kind: result.source.kind,
        fileName: request.name,
        sha256,
        removed: false,
      });
      return { status: 'imported', docId, title: doc.title, message: `Imported “${doc.title}”.` };
    } finally {
      this.imports.delete(request.importId);
    }
  }

  async getImportProgress(importId: string): Promise<ImportProgressReport | null> {
    this.enter('getImportProgress');
    const running = this.imports.get(importId);
    const report = running?.progress ?? this.finishedImports.get(importId);
    return report ? { ...report } : null;
  }

  async cancelImport(importId: string): Promise<boolean> {
    this.enter('cancelImport');
    const running = this.imports.get(importId);
    running?.cancel.abort();
    return running !== undefined;
  }

  async removeDocument(docId: string): Promise<RemovedDocument> {
    this.enter('removeDocument');
    const own = this.own(docId);
    if (own.removed) throw new MarginError('not-found', `“${own.doc.title}” is already removed.`);
    own.removed = true;
    return { docId, title: own.doc.title };
  }

  async restoreDocument(docId: string): Promise<DocumentSummary> {
    this.enter('restoreDocument');
    const own = this.own(docId);
    own.removed = false;
    return this.summary(own.doc, own);
  }

  async getDocumentSummary(docId: string): Promise<DocumentSummary> {
    this.enter('getDocumentSummary');
    const own = this.yours.get(docId);
    return own ? this.summary(own.doc, own) : this.summary(this.document(docId), null);
  }

  /** The service's answer: the rows of the ids it has, in the order asked, removed ones included. */
  async getDocumentSummaries(docIds: string[]): Promise<DocumentSummary[]> {
    this.enter('getDocumentSummaries');
    return checkDocumentSummaryIds(docIds).flatMap((id) => {
      const own = this.yours.get(id);
      if (own) return [this.summary(own.doc, own)];
      const doc = this.documents.find((candidate) => candidate.id === id);
      return doc ? [this.summary(doc, null)] : [];
    });
  }

  private rows(): DocumentSummary[] {
    return [
      ...this.documents.map((doc) => this.summary(doc, null)),
      ...[...this.yours.values()].filter((own) => !own.removed).map((own) => this.summary(own.doc, own)),
    ];
  }

  private own(docId: string): YourDocument {
    const own = this.yours.get(docId);
    if (own) return own;
    if (this.documents.some((d) => d.id === docId))
      throw new MarginError('invalid-argument', 'Only your own documents can be removed.');
    throw new MarginError('not-found', `There is no document "${docId}".`);
  }

  private has(id: string): boolean {
    return this.yours.has(id) || this.documents.some((d) => d.id === id);
  }

  private summary(doc: Document, own: YourDocument | null): DocumentSummary {
    return {
      id: doc.id,
      title: doc.title,
      series: doc.series,
      authors: doc.authors,
      published: doc.published,
      publisherName: doc.publisher?.name ?? null,
      tags: doc.tags,
      wordCount: doc.wordCount,
      readingMinutes: doc.readingMinutes,
      annotationCount: [...this.records.values()].filter((a) => a.docId === doc.id).length,
      origin: own ? 'yours' : 'publisher',
      kind: own?.kind ?? null,
      fileName: own?.fileName ?? null,
      removed: own?.removed ?? false,
    };
  }

  private enter(method: MarginMethod): void {
    this.calls.push(method);
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      throw failure;
    }
  }

  /** Bundled or yours (a removed one of yours too: its notes may still be exported and cited). */
  private document(id: string): Document {
    const doc = this.documents.find((d) => d.id === id) ?? this.yours.get(id)?.doc;
    if (!doc) throw new MarginError('not-found', `There is no document "${id}".`);
    return doc;
  }

  private record(id: string): Annotation {
    const record = this.records.get(id);
    if (!record) throw new MarginError('not-found', 'That highlight or note no longer exists.');
    return record;
  }

  /** A clock that moves one second per change, so `modified` orders edits. */
  private now(): string {
    return new Date(Date.UTC(2026, 0, 1, 0, 0, this.clock++)).toISOString();
  }
}
