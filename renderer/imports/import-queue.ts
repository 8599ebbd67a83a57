/**
 * The reader's own documents on their way in: one row per file, imported one after another (main has
 * one import worker), each with its progress while its call runs, a way to cancel it, and the
 * outcome. No DOM here: `ImportsController` hands it files and renders its rows, and the tests drive
 * it in Node with an in-memory MarginApi.
 */
import type { ImportOutcome, ImportProgressReport, MarginApi } from '../../main/api';

/** Where a row is: waiting its turn, importing, asking about a file of the same name, or settled. */
export type ImportRowStatus =
  'waiting' | 'importing' | 'same-name' | 'imported' | 'already-in-library' | 'refused' | 'cancelled';

/** The statuses a row ends in; anything else may still change. */
const SETTLED: readonly ImportRowStatus[] = ['imported', 'already-in-library', 'refused', 'cancelled'];

export interface ImportRow {
  /** Names the row for its whole life (each call to the API gets its own import id). */
  readonly key: string;
  /** The file name as the reader's system gave it. */
  readonly name: string;
  readonly status: ImportRowStatus;
  /** What main last said about the running call; null before its first answer. */
  readonly progress: ImportProgressReport | null;
  /** The outcome's one line (empty while nothing is settled). */
  readonly message: string;
  /** The document the outcome names (imported, already there, or the one of the same name). */
  readonly docId: string | null;
  readonly title: string | null;
  /** True when the file came on its own (not one of several dropped or picked together). */
  readonly alone: boolean;
}

/** A file to import: its name, and its bytes read only when its turn comes. */
export interface ImportSource {
  name: string;
  read(): Promise<Uint8Array>;
}

export interface ImportQueueOptions {
  /** The client, read at each call. */
  api: () => MarginApi;
  /** Called after every change, so the view can render again. */
  changed: () => void;
  /** Called once when a row settles (imported, already there, refused or cancelled). */
  settled?: (row: ImportRow) => void;
  /** Called when a row waits for the reader's answer about a file of the same name. */
  asking?: (row: ImportRow) => void;
  /** Makes an import id (a UUID in the app). */
  newId?: () => string;
  /** How often the progress of the running call is asked for, in milliseconds. */
  pollMs?: number;
}

/** What the queue keeps beside each row and never shows. */
interface RowWork {
  source: ImportSource;
  /** What to do about a file of the same name on the next call. */
  sameName: 'ask' | 'replace' | 'keep-both';
  /** The import id of the call in progress, null between calls. */
  importId: string | null;
  cancelRequested: boolean;
}

export class ImportQueue {
  rows: readonly ImportRow[] = [];

  private readonly work = new Map<string, RowWork>();
  private running = false;
  /** The loop now running the waiting rows, for a second caller to wait on. */
  private pumping: Promise<void> | null = null;
  private readonly newId: () => string;
  private readonly pollMs: number;

  constructor(private readonly options: ImportQueueOptions) {
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.pollMs = options.pollMs ?? 200;
  }

  /** True while a row is waiting or importing. */
  get busy(): boolean {
    return this.rows.some((row) => row.status === 'waiting' || row.status === 'importing');
  }

  /** Adds files as rows and starts importing them in order; returns when every waiting row is done. */
  add(sources: readonly ImportSource[]): Promise<void> {
    if (sources.length === 0) return Promise.resolve();
    const alone = sources.length === 1;
    const added = sources.map((source): ImportRow => {
      const key = this.newId();
      this.work.set(key, { source, sameName: 'ask', importId: null, cancelRequested: false });
      return {
        key,
        name: source.name,
        status: 'waiting',
        progress: null,
        message: '',
        docId: null,
        title: null,
        alone,
      };
    });
    this.rows = [...this.rows, ...added];
    this.options.changed();
    return this.pump();
  }

  /**
   * Stops a row: one still waiting (or asking) is dropped at once; for one importing, main is asked
   * to stop, and its call answers "cancelled" unless it had already finished.
   */
  async cancel(key: string): Promise<void> {
    const row = this.row(key);
    const work = this.work.get(key);
    if (!row || !work) return;
    if (row.status === 'waiting' || row.status === 'same-name') {
      this.settle(key, { status: 'cancelled', message: `Cancelled: ${row.name} was not imported.` });
      return;
    }
    if (row.status !== 'importing') return;
    work.cancelRequested = true;
    if (work.importId)
      await this.options
        .api()
        .cancelImport(work.importId)
        .catch(() => false);
  }

  /** The reader's answer for a file whose name is already in the library: import it again that way. */
  chooseSameName(key: string, choice: 'replace' | 'keep-both'): Promise<void> {
    const work = this.work.get(key);
    if (this.row(key)?.status !== 'same-name' || !work) return Promise.resolve();
    work.sameName = choice;
    this.update(key, { status: 'waiting', message: '' });
    return this.pump();
  }

  /** Clears the settled rows (the list closes when nothing else is left). */
  dismiss(): void {
    for (const row of this.rows) if (SETTLED.includes(row.status)) this.work.delete(row.key);
    this.rows = this.rows.filter((row) => !SETTLED.includes(row.status));
    this.options.changed();
  }

  /** Runs the waiting rows one after another; a second caller waits on the same loop. */
  private pump(): Promise<void> {
    if (this.running && this.pumping) return this.pumping;
    this.running = true;
    this.pumping = (async () => {
      try {
        for (let row = this.nextWaiting(); row; row = this.nextWaiting()) await this.run(row.key);
      } finally {
        this.running = false;
      }
    })();
    return this.pumping;
  }

  private nextWaiting(): ImportRow | undefined {
    return this.rows.find((row) => row.status === 'waiting');
  }

  private async run(key: string): Promise<void> {
    const work = this.work.get(key);
    const row = this.row(key);
    if (!work || !row) return;
    const importId = this.newId();
    work.importId = importId;
    work.cancelRequested = false;
    this.update(key, { status: 'importing', progress: null });
    const stopPolling = this.poll(key, importId);
    let outcome: ImportOutcome;
    try {
      const bytes = await work.source.read();
      outcome = work.cancelRequested
        ? { status: 'cancelled', message: `Cancelled: ${row.name} was not imported.` }
        : await this.options
            .api()
            .importDocument({ importId, name: row.name, bytes, sameName: work.sameName });
    } catch (error) {
      // A file the system could not read, or a call main refused: the row says why in one line.
      const reason = error instanceof Error && error.message ? error.message : String(error);
      outcome = { status: 'refused', message: oneLine(reason) };
    } finally {
      stopPolling();
      work.importId = null;
    }
    this.apply(key, outcome);
  }

  private apply(key: string, outcome: ImportOutcome): void {
    const message = oneLine(outcome.message);
    if (outcome.status === 'same-name') {
      this.update(key, {
        status: 'same-name',
        progress: null,
        message,
        docId: outcome.docId,
        title: outcome.title,
      });
      const row = this.row(key);
      if (row) this.options.asking?.(row);
      return;
    }
    const named = outcome.status === 'imported' || outcome.status === 'already-in-library';
    this.settle(key, {
      status: outcome.status,
      message,
      docId: named ? outcome.docId : null,
      title: named ? outcome.title : null,
    });
  }

  /** Asks main how the running call is doing, every `pollMs`, until `stop` is called. */
  private poll(key: string, importId: string): () => void {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (): Promise<void> => {
      const progress = await this.options
        .api()
        .getImportProgress(importId)
        .catch(() => null);
      if (stopped) return;
      if (progress) this.update(key, { progress });
      timer = setTimeout(() => void ask(), this.pollMs);
    };
    timer = setTimeout(() => void ask(), this.pollMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  private settle(key: string, change: Partial<ImportRow>): void {
    this.update(key, { progress: null, ...change });
    this.work.delete(key);
    const row = this.row(key);
    if (row) this.options.settled?.(row);
  }

  private update(key: string, change: Partial<Omit<ImportRow, 'key' | 'name' | 'alone'>>): void {
    this.rows = this.rows.map((row) => (row.key === key ? { ...row, ...change } : row));
    this.options.changed();
  }

  private row(key: string): ImportRow | undefined {
    return this.rows.find((row) => row.key === key);
  }
}

/** Whether a row has its outcome (and can be cleared from the list). */
export function isSettled(row: ImportRow): boolean {
  return SETTLED.includes(row.status);
}

/** Any message as one printable line: line breaks and controls from a file name never reach the list. */
function oneLine(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/[\p{Cc}\p{Cf}]+/gu, '?')
    .trim();
}
