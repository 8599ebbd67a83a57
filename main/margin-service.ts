/**
 * MarginApi, implemented once: the library, search, annotations and preferences composed into the one
 * service that Electron IPC, the browser host and the tests all reach (through `dispatch`).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  AppStatus,
  DocumentMeta,
  DocumentSummary,
  Licences,
  MarginApi,
  ReadingPosition,
  SearchResults,
} from './api';
import { createAnnotationService } from './annotations/annotation-service';
import {
  checkDocumentPageQuery,
  checkDocumentSummaryIds,
  checkImportId,
  checkImportRequest,
} from './annotations/annotation-validation';
import { openAnnotationStore } from './annotations/store/annotation-store';
import { openPreferencesStore } from './preferences/preferences-store';
import { PRIVATE_DIR_MODE } from './data-dir';
import { errorDetail, MarginError, printableLine } from './errors';
import { PRINT_MODES } from './annotations/annotation-validation';
import { loadLibrary } from './library/library';
import {
  bothLibraries,
  citable,
  documentSummary,
  libraryPagesOf,
  libraryRowsOf,
} from './library/user-library/both-libraries';
import { createDocumentImporter } from './library/user-library/document-importer';
import { openUserLibrary, type UserLibrary } from './library/user-library/user-library';
import { ImportRunner, type ImportRunnerOptions } from './import/import-runner';
import { createSearchService } from './search/service/search-service';
import type { SearchWorkerPlan } from './search/service/search-worker-source';
import { createSyncService } from './sync/sync-service';
import { syncedDocuments } from './sync/synced-documents';
import { checkExternalLink } from './security';
import { bibliographyFile, checkBibliographyDocIds } from './citations/bibliography-export';
import { createCitationFormatter } from './citations/cite';
import { canonicalTextEnd } from './citations/passage-locator';
import { templatedMarkdown } from './annotations/formats/annotation-markdown-template';
import { version } from '../package.json';

export interface MarginServiceOptions {
  /** The built content bundle (library.json, docs/, search/). */
  bundleDir: string;
  /** The reader's own data: annotation store, preferences, reading positions. */
  dataDir: string;
  /** The built search worker; without it (and without `searchWorker`) the index loads in-process (tests). */
  workerScript?: string;
  /** The search worker's plan, where it is not simply a script beside the bundle (the packaged app). */
  searchWorker?: SearchWorkerPlan;
  /**
   * How a checked https link reaches the system browser; the transport decides. Electron asks the user
   * and opens it; the browser host lets the browser open it (the default: resolves false).
   */
  openExternal?: (url: string) => Promise<boolean>;
  /** The sync folder given on the command line (browser host). */
  syncFolder?: string | null;
  /** A folder dialog for choosing the sync folder (Electron); without one, the host says how instead. */
  chooseSyncFolder?: () => Promise<string | null>;
  /** Time between background syncs in ms (default 30 s; 0 for none). */
  syncIntervalMs?: number;
  /**
   * The vendored CSL styles and locale (content/csl in the sources, dist/main/csl when built); without
   * it, citations answer 'unavailable'.
   */
  citationStylesDir?: string;
  /** The licence list the build writes (dist/main/licences.json); without it, About says it is missing. */
  licencesFile?: string;
  /**
   * The built import worker (or its source, packaged). By default the one beside the search worker;
   * without one, importDocument answers 'unavailable' (files are never parsed on the main thread).
   */
  importWorker?: string | { source: string };
}

export type MarginService = MarginApi & { close(): Promise<void> };

/** The build's licence list; a missing or damaged one is an 'unavailable' error, not a crash. */
function readLicences(file: string | undefined): Licences {
  try {
    if (!file) throw new Error('no licence list given');
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Licences;
    if (!Array.isArray(parsed.libraries) || !Array.isArray(parsed.styles))
      throw new Error('not a licence list');
    return parsed;
  } catch (error) {
    throw new MarginError(
      'unavailable',
      `The licence list is missing from this build (${errorDetail(error)}).`,
    );
  }
}

/** The import worker given, or the one the search worker's build has beside it. */
function importWorkerOf(options: MarginServiceOptions): ImportRunnerOptions['workerScript'] | null {
  if (options.importWorker) return options.importWorker;
  const planned = options.searchWorker?.importWorker;
  if (planned) {
    return () => {
      const code = planned();
      return 'script' in code ? code.script : code;
    };
  }
  return options.workerScript ? path.join(path.dirname(options.workerScript), 'import-worker.js') : null;
}

export async function createMarginService(options: MarginServiceOptions): Promise<MarginService> {
  // The reader's own library is a folder of small manifests: read first, so search loads it too.
  const yours: UserLibrary = openUserLibrary(options.dataDir);
  // The search index starts loading first (in its workers) while the library manifest is read.
  const search = createSearchService({
    bundleDir: options.bundleDir,
    workerScript: options.workerScript,
    worker: options.searchWorker,
    userLibrary: { dir: yours.dir, live: yours.liveIds() },
  });
  let bundled: Awaited<ReturnType<typeof loadLibrary>>;
  let store: ReturnType<typeof openAnnotationStore>;
  try {
    bundled = await loadLibrary(options.bundleDir);
    fs.mkdirSync(options.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    store = openAnnotationStore({ dataDir: options.dataDir });
    // Only now, holding the data folder's lock: another instance must not clear a running import's files.
    yours.clearStaleStaging();
  } catch (error) {
    await search.close();
    throw error;
  }
  const library = bothLibraries(bundled, yours);
  let annotations: ReturnType<typeof createAnnotationService>;
  let preferences: ReturnType<typeof openPreferencesStore>;
  let sync: ReturnType<typeof createSyncService>;
  try {
    annotations = createAnnotationService({ store, library });
    preferences = openPreferencesStore(options.dataDir);
    sync = createSyncService({
      dataDir: options.dataDir,
      store,
      onStoreChanged: () => annotations.storeChangedElsewhere(),
      // The newest reading position from another device, for a document this device has.
      applyPosition: (docId, position) => {
        if (!library.has(docId)) return null; // kept in sync's state; nothing to move here
        try {
          preferences.setReadingPosition(docId, position as ReadingPosition);
          return null;
        } catch (error) {
          return `A reading position from another device was not kept: ${errorDetail(error)}`;
        }
      },
      // `importer` is made below; sync imports only during a pass, after start-up has finished.
      documents: syncedDocuments(
        yours,
        (id) => library.has(id),
        (fileName, bytes) =>
          importer.importDocument(
            checkImportRequest({ importId: randomUUID(), name: fileName, bytes, sameName: 'keep-both' }),
          ),
      ),
      folder: options.syncFolder,
      chooseFolder: options.chooseSyncFolder,
      intervalMs: options.syncIntervalMs,
    });
  } catch (error) {
    // Release the store's lock: a failed start must not keep the next one out.
    store.close();
    await search.close();
    throw error;
  }
  let searchProblem: string | null = null;
  search.ready.catch((error: unknown) => {
    searchProblem = `Full-text search could not be loaded (${errorDetail(error)}); titles, authors and headings can still be searched.`;
  });

  const summarise = (meta: DocumentMeta, counts: Map<string, number>): DocumentSummary =>
    documentSummary(meta, counts, bundled.has(meta.id) ? null : (yours.entry(meta.id) ?? null));
  /** The entry of a document of yours; undefined for the publisher's (a bundled id always wins). */
  const ownEntry = (id: string) => (bundled.has(id) ? undefined : yours.entry(id));
  const rows = libraryRowsOf(bundled, yours, summarise);
  const pages = libraryPagesOf(rows.publisherRows, yours, summarise);
  // The library's sort orders and folded keys (half a second at 100,000 articles), and the index of
  // the publisher's rows by id, are made while the window loads, not when it first asks for them.
  const warmPages = setTimeout(() => {
    pages();
    rows.warm();
    // Made a slice at a time: a first page asked meanwhile waits for one slice at most.
    void pages().prepareFilter();
  }, 0);
  warmPages.unref();
  const workerCode = importWorkerOf(options);
  const runner = workerCode === null ? null : new ImportRunner({ workerScript: workerCode });
  const importer = createDocumentImporter({
    library: yours,
    parse: (bytes, fileName, target, importOptions) => {
      if (runner === null)
        throw new MarginError('unavailable', 'This build of Margin has no importer for your documents.');
      return runner.importFile(bytes, fileName, target, importOptions);
    },
    isBundled: (id) => bundled.has(id),
    bundledTitle: (id) => (bundled.has(id) ? bundled.get(id).title : null),
    reindex: (live, fresh) => search.updateUserLibrary(live, fresh),
  });

  const openExternal =
    options.openExternal ??
    (async () => {
      // The browser opens the link itself; the host only confirms that it passes the link policy.
      return false;
    });

  /** Every write to the notes is followed by a sync shortly after (when sync is on). */
  const thenSync = <T>(written: Promise<T>, ids: (value: T) => string[] | undefined): Promise<T> =>
    written.then((value) => {
      sync.localChange(ids(value));
      return value;
    });
  const itsId = (record: { id: string }): string[] => [record.id];
  const citations = createCitationFormatter(options.citationStylesDir ?? null);

  let closed = false;
  return {
    async getStatus(): Promise<AppStatus> {
      return {
        version,
        // The rows already made, not bundled.list(): that copies every row (25 ms at 100,000), and the
        // window asks for the status while the library's first page is on its way.
        documents: rows.publisherRows.length + yours.liveIds().length,
        searchReady: search.isReady(),
        notices: [
          ...annotations.notices(),
          ...preferences.notices(),
          ...yours.notices,
          ...(searchProblem ? [searchProblem] : []),
        ],
      };
    },
    async listDocuments() {
      const counts = annotations.countByDocument();
      return [
        ...bundled.list().map((meta) => summarise(meta, counts)),
        ...yours
          .entries()
          .filter((entry) => !entry.removed)
          .map((entry) => summarise(entry.meta, counts)),
      ];
    },
    async listDocumentPage(query) {
      const counts = annotations.countByDocument();
      return pages().page(checkDocumentPageQuery(query), (id) => counts.get(id) ?? 0);
    },
    async listAnnotatedDocuments() {
      return rows.annotated(annotations.countByDocument());
    },
    async getDocument(id) {
      return library.get(id);
    },
    async search(query, searchOptions): Promise<SearchResults> {
      const results = await search.search(query, searchOptions);
      if (results.status !== 'ok') return results;
      // Titles looked up per hit, not a map of the whole library built per keystroke.
      const titles = { get: (id: string) => rows.row(id, new Map())?.title };
      return { ...results, annotations: annotations.searchAnnotations(query, titles) };
    },
    listAnnotations: (docId) => annotations.listAnnotations(docId),
    listAllAnnotations: () => annotations.listAllAnnotations(),
    createAnnotation: (input) => thenSync(annotations.createAnnotation(input), itsId),
    updateAnnotation: (id, patch) => thenSync(annotations.updateAnnotation(id, patch), itsId),
    deleteAnnotation: (id) => thenSync(annotations.deleteAnnotation(id), itsId),
    restoreAnnotation: (record) => thenSync(annotations.restoreAnnotation(record), itsId),
    async exportAnnotations(format, docId) {
      const files = await annotations.exportAnnotations(format, docId);
      const template = preferences.getPreferences().exportTemplate;
      if (format !== 'markdown' || template === '') return files;
      return Promise.all(
        files.map(async (file) => {
          const id = file.name.replace(/\.md$/, '');
          if (!library.has(id)) return file;
          const doc = await library.get(id);
          const records = await annotations.listAnnotations(id);
          const style = preferences.getPreferences().citationStyle;
          return templatedMarkdown(file, doc, records, template, style, (chosen) =>
            citations.cite(doc, chosen),
          );
        }),
      );
    },
    // An import may touch any record: all are compared.
    importAnnotations: (text) => thenSync(annotations.importAnnotations(text), () => undefined),
    getPreferences: async () => preferences.getPreferences(),
    setPreferences: async (patch) => preferences.setPreferences(patch),
    getReadingPosition: async (docId) => preferences.getReadingPosition(docId),
    async setReadingPosition(docId, position) {
      // Never keep state for a document that is not in the library (a typo would linger forever).
      if (!library.has(docId)) throw new MarginError('not-found', `There is no document "${docId}".`);
      preferences.setReadingPosition(docId, position);
      sync.localPosition(docId, position);
    },
    async openExternal(url) {
      const verdict = checkExternalLink(url);
      if (!verdict.ok) throw new MarginError('invalid-argument', verdict.reason);
      return openExternal(verdict.url);
    },
    getSyncStatus: async () => sync.status(),
    chooseSyncFolder: () => sync.chooseFolder(),
    setUpSync: (setup) => sync.setUp(setup),
    syncNow: () => sync.syncNow(),
    turnOffSync: () => sync.turnOff(),
    getAnnotationVersions: async (id) => sync.versions(id),
    restoreAnnotationVersion: (id, versionId) => sync.restoreVersion(id, versionId),
    async citeDocument(docId, style, at) {
      const doc = library.get(docId);
      if (at !== undefined && at > canonicalTextEnd(doc))
        throw new MarginError('invalid-argument', `Offset ${at} is past the end of "${doc.title}".`);
      return citations.cite(citable(doc, ownEntry(docId)), style, at);
    },
    async exportBibliography(format, docIds) {
      const docs = checkBibliographyDocIds(docIds).map((id) => citable(library.get(id), ownEntry(id)));
      return bibliographyFile(format, docs, docs.length === 1 ? docs[0].id : 'margin-bibliography');
    },
    async getLicences() {
      return readLicences(options.licencesFile);
    },
    async prepareImport() {
      runner?.warm();
    },
    // Only Electron has a window to print: its IPC binding answers this itself for the calling page.
    async printPage(mode) {
      if (!PRINT_MODES.includes(mode))
        throw new MarginError('invalid-argument', `There is no print mode "${printableLine(mode, 40)}".`);
      return 'unavailable';
    },
    importDocument: async (request) => importer.importDocument(checkImportRequest(request)),
    getImportProgress: async (importId) => importer.getImportProgress(checkImportId(importId)),
    cancelImport: async (importId) => importer.cancelImport(checkImportId(importId)),
    removeDocument: (docId) => importer.removeDocument(docId),
    async restoreDocument(docId) {
      const entry = await importer.restoreDocument(docId);
      return summarise(entry.meta, annotations.countByDocument());
    },
    async getDocumentSummary(docId) {
      const row = rows.row(docId, annotations.countByDocument());
      if (!row) throw new MarginError('not-found', `There is no document "${docId}".`);
      return row;
    },
    async getDocumentSummaries(docIds) {
      const counts = annotations.countByDocument();
      return checkDocumentSummaryIds(docIds).flatMap((id) => rows.row(id, counts) ?? []);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(warmPages);
      await sync.close();
      await runner?.close();
      await search.close();
      annotations.close();
    },
  };
}
