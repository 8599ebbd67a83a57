/**
 * importDocument and its progress and cancel, removeDocument and restoreDocument: the reader's own
 * library as the API sees it. A file is parsed in the importer's worker (ImportRunner: time and memory
 * limits), which writes the parsed Document to a staging folder of the user library and answers with
 * its metadata only; the library moves it into place, then search indexes it (in the search worker,
 * from the stored file). The main thread never holds the whole Document of an import. Until the
 * library has written its manifest nothing is changed, so a refused, cancelled or crashed import
 * leaves library, search and notes as they were.
 */
import { webcrypto } from 'node:crypto';
import type { ImportOutcome, ImportProgressReport, ImportRequest, RemovedDocument } from '../../api';
import { errorDetail, MarginError, printableLine } from '../../errors';
import type { ImportOptions, StagedImportResult, StagingTarget } from '../../import/import-types';
import { documentIdFromFileName } from '../assemble-document';
import { userDocumentId } from './user-document-id';
import type { UserDocumentEntry, UserLibrary } from './user-library';

export interface DocumentImporterOptions {
  library: UserLibrary;
  /** Parses one file off the main process and stages its Document at `target` (ImportRunner#importFile). */
  parse: (
    bytes: Uint8Array,
    fileName: string,
    target: StagingTarget,
    options: ImportOptions,
  ) => Promise<StagedImportResult>;
  /** True for an id of the bundled library (never given to a document of yours). */
  isBundled: (id: string) => boolean;
  /** The title of a bundled document, for saying why it cannot be removed. */
  bundledTitle: (id: string) => string | null;
  /** Tells search which documents of yours are in the library and which to index afresh. */
  reindex: (live: string[], fresh: string[]) => Promise<string[]>;
  log?: (line: string) => void;
  now?: () => Date;
}

export interface DocumentImporter {
  importDocument(request: ImportRequest): Promise<ImportOutcome>;
  getImportProgress(importId: string): ImportProgressReport | null;
  cancelImport(importId: string): boolean;
  removeDocument(docId: string): Promise<RemovedDocument>;
  restoreDocument(docId: string): Promise<UserDocumentEntry>;
}

interface Running {
  progress: ImportProgressReport;
  cancel: AbortController;
  /** Pages (PDF) or steps the parse counted, for the report that the import is done. */
  steps: number;
}

/**
 * How long getImportProgress answers 'done' for an import that ended (the renderer's last poll may
 * come after the outcome), and for how many at most.
 */
export const FINISHED_REPORT_MS = 60_000;
const FINISHED_REPORTS = 100;

/** The file's sha256, computed in the thread pool (WebCrypto): a 100 MB file must not stall the window. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await webcrypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Buffer.from(digest).toString('hex');
}

/**
 * The parsers name a document after its file and refuse a name with no letter or digit they can use
 * (a bundled file must have one); a file of yours is named by its id here, so such a name (“حالات.pdf”)
 * is handed over as “document.pdf”.
 */
function parserFileName(fileName: string): string {
  try {
    documentIdFromFileName(fileName);
    return fileName;
  } catch {
    return `document${/\.[A-Za-z0-9]{1,10}$/.exec(fileName)?.[0] ?? ''}`;
  }
}

export function createDocumentImporter(options: DocumentImporterOptions): DocumentImporter {
  const { library } = options;
  const log = options.log ?? ((line: string) => console.warn(`margin: ${line}`));
  const now = options.now ?? (() => new Date());
  const running = new Map<string, Running>();
  const finished = new Map<string, { report: ImportProgressReport; until: number }>();
  // One import at a time (the worker takes one file at a time anyway): the duplicate and same-name
  // checks then always see the library as the previous import left it.
  let queue: Promise<unknown> = Promise.resolve();

  const index = async (fresh: string[]): Promise<void> => {
    try {
      for (const problem of await options.reindex(library.liveIds(), fresh))
        log(`your documents: ${problem}`);
    } catch (error) {
      // The document is kept; search makes its segment again at the next start.
      log(`your documents could not be indexed now (${errorDetail(error)})`);
    }
  };

  async function importOne(request: ImportRequest, job: Running): Promise<ImportOutcome> {
    const name = printableLine(request.name, 120);
    const cancelled = (): ImportOutcome => ({
      status: 'cancelled',
      message: `${name}: the import was cancelled`,
    });
    if (job.cancel.signal.aborted) return cancelled();
    const sha256 = await sha256Hex(request.bytes);
    const same = library.withSameBytes(sha256);
    if (same && !same.removed) {
      const title = same.meta.title;
      return {
        status: 'already-in-library',
        docId: same.id,
        title,
        message: `“${title}” is already in your library.`,
      };
    }
    const named = library.withFileName(request.name);
    const choice = request.sameName ?? 'ask';
    if (named && choice === 'ask' && !same) {
      const title = named.meta.title;
      return {
        status: 'same-name',
        docId: named.id,
        title,
        message: `A different file named “${name}” is already in your library (“${title}”): replace it, keeping your notes, or keep both?`,
      };
    }
    if (same) {
      // The same bytes as a removed document: it comes back under its own id, with its notes.
      library.setRemoved(same.id, false);
      job.progress = { phase: 'indexing', done: 0, total: 1 };
      await index([]);
      return {
        status: 'imported',
        docId: same.id,
        title: same.meta.title,
        message: `Imported “${same.meta.title}”.`,
      };
    }
    if (request.bytes.byteLength === 0) return { status: 'refused', message: `${name}: the file is empty.` };

    // The id is chosen before parsing, so the worker stages the Document under the id it is kept as.
    const docId =
      named && choice === 'replace'
        ? named.id
        : userDocumentId(request.name, sha256, (id) => options.isBundled(id) || library.has(id));
    job.progress = { phase: 'parsing', done: 0, total: 1 };
    let staging: { folder: string; document: string };
    try {
      staging = await library.newStaging();
    } catch (error) {
      return notSaved(name, error);
    }
    let title: string;
    try {
      const result = await options.parse(
        request.bytes,
        parserFileName(request.name),
        { file: staging.document, docId },
        {
          signal: job.cancel.signal,
          onProgress: ({ done, total }) => {
            job.progress = { phase: 'parsing', done, total };
            job.steps = total;
          },
        },
      );
      if (job.cancel.signal.aborted) return cancelled();
      if (!result.ok) return { status: 'refused', message: result.message };
      const { meta, source } = result.staged;
      title = meta.title;
      job.progress = { phase: 'indexing', done: 0, total: 1 };
      const entry = {
        id: docId,
        kind: source.kind,
        fileName: request.name,
        sha256,
        importedAt: now().toISOString(),
        removed: false,
        ...(source.pages === undefined ? {} : { pages: source.pages }),
      };
      try {
        await library.keep(entry, meta, staging, request.bytes);
      } catch (error) {
        return notSaved(name, error);
      }
    } finally {
      await library
        .discardStaging(staging.folder)
        .catch((error: unknown) =>
          log(`an import's staging folder stays until the next start (${errorDetail(error)})`),
        );
    }
    await index([docId]);
    return { status: 'imported', docId, title, message: `Imported “${title}”.` };
  }

  function notSaved(name: string, error: unknown): ImportOutcome {
    log(`an import could not be saved: ${errorDetail(error)}`);
    return {
      status: 'refused',
      message: `${name}: it could not be saved in your library (${errorDetail(error)}).`,
    };
  }

  /** Keeps the last report of an import that ended (not of a cancelled one: nothing of it is kept). */
  function remember(importId: string, job: Running, outcome: ImportOutcome): void {
    const at = now().getTime();
    for (const [id, report] of finished)
      if (report.until <= at || finished.size >= FINISHED_REPORTS) finished.delete(id);
    if (outcome.status === 'cancelled') return;
    const total = job.steps;
    finished.set(importId, { report: { phase: 'done', done: total, total }, until: at + FINISHED_REPORT_MS });
  }

  return {
    importDocument(request) {
      if (running.has(request.importId)) {
        return Promise.reject(
          new MarginError('invalid-argument', 'An import with this id is already running.'),
        );
      }
      const job: Running = {
        progress: { phase: 'reading', done: 0, total: 1 },
        cancel: new AbortController(),
        steps: 1,
      };
      running.set(request.importId, job);
      finished.delete(request.importId);
      const outcome = queue.then(() => importOne(request, job));
      queue = outcome.catch(() => undefined);
      return outcome
        .then((ended) => {
          remember(request.importId, job, ended);
          return ended;
        })
        .finally(() => running.delete(request.importId));
    },
    getImportProgress(importId) {
      const job = running.get(importId);
      if (job) return { ...job.progress };
      const ended = finished.get(importId);
      return ended && ended.until > now().getTime() ? { ...ended.report } : null;
    },
    cancelImport(importId) {
      const job = running.get(importId);
      // Once the document is being kept, it is too late: the import finishes whole.
      if (!job || job.progress.phase === 'indexing') return false;
      job.cancel.abort();
      return true;
    },
    async removeDocument(docId) {
      const entry = library.entry(docId);
      if (!entry) {
        const bundled = options.bundledTitle(docId);
        if (bundled !== null)
          throw new MarginError(
            'invalid-argument',
            `“${bundled}” came with Margin; only your own documents can be removed.`,
          );
        throw new MarginError('not-found', `There is no document "${docId}".`);
      }
      if (entry.removed) throw new MarginError('not-found', `“${entry.meta.title}” is already removed.`);
      library.setRemoved(docId, true);
      await index([]);
      return { docId, title: entry.meta.title };
    },
    async restoreDocument(docId) {
      if (!library.entry(docId)) {
        const bundled = options.bundledTitle(docId);
        if (bundled !== null)
          throw new MarginError('invalid-argument', `“${bundled}” came with Margin and is never removed.`);
        throw new MarginError('not-found', `There is no document "${docId}".`);
      }
      const restored = library.setRemoved(docId, false);
      await index([]);
      return restored;
    },
  };
}
