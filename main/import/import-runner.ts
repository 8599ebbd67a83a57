import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { errorDetail, printableLine } from '../errors';
import { IMPORT_TIME_LIMIT_MS, IMPORT_WORKER_MEMORY_MB } from './import-limits';
import type { ImportOptions, StagedImportResult, StagingTarget } from './import-types';
import type { ImportReply, ImportRequest } from './import-worker-protocol';

/**
 * Runs imports in a worker thread (the built import-worker.js), one file at a time, each with a time
 * limit and the worker with a memory limit. A file that crashes the worker, runs it out of memory or
 * hangs it is reported as one line for that file; the worker is replaced and the next file goes on.
 * The worker writes each parsed Document to the staging file it is given and answers with its
 * metadata: the caller's thread (Electron's main, the window's UI thread) never receives a document.
 * When the answer comes the worker is done with the staging file (it finished, or it was stopped on a
 * time limit, crash or cancel before the answer is given), so the caller may remove the folder at once.
 */

/** The worker's file, or its source and where pdf.js's character maps were unpacked (packaged app). */
export type ImportWorkerCode = string | { source: string; cMapFolder?: string };

export interface ImportRunnerOptions {
  /**
   * The built import-worker.js, or its source (read from inside app.asar, where a worker cannot load),
   * or a function giving either when the first file is imported (the app reads nothing it may not use).
   */
  workerScript: ImportWorkerCode | (() => ImportWorkerCode);
  timeLimitMs?: number;
  memoryLimitMb?: number;
}

export class ImportRunner {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 0;
  private readonly timeLimitMs: number;
  private readonly memoryLimitMb: number;

  constructor(private readonly options: ImportRunnerOptions) {
    this.timeLimitMs = options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS;
    this.memoryLimitMb = options.memoryLimitMb ?? IMPORT_WORKER_MEMORY_MB;
  }

  /** Imports `bytes` after the files queued before it, its Document written to `target`; never rejects. */
  importFile(
    bytes: Uint8Array,
    fileName: string,
    target: StagingTarget,
    options: ImportOptions = {},
  ): Promise<StagedImportResult> {
    const run = this.queue.then(() => this.runOne(bytes, fileName, target, options));
    this.queue = run;
    return run;
  }

  /**
   * Starts the worker and has it load pdf.js while the reader picks files, unless a file is being
   * imported (then the worker is warm already). Never throws: a worker that cannot start says so at
   * the first file.
   */
  warm(): void {
    if (this.worker !== null) return;
    try {
      this.startWorker().postMessage({ type: 'warm' } satisfies ImportRequest);
    } catch {
      // Reported by the import that needs the worker.
    }
  }

  async close(): Promise<void> {
    await this.queue;
    await this.stopWorker();
  }

  private startWorker(): Worker {
    if (this.worker) return this.worker;
    const given = this.options.workerScript;
    const script = typeof given === 'function' ? given() : given;
    this.worker = new Worker(typeof script === 'string' ? script : script.source, {
      eval: typeof script !== 'string',
      workerData: typeof script === 'string' ? null : { cMapFolder: script.cMapFolder ?? null },
      resourceLimits: {
        maxOldGenerationSizeMb: this.memoryLimitMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.ceil(this.memoryLimitMb / 8)),
      },
      // pdf.js prints warnings about fonts and missing canvas support; they are not the reader's business
      // and must not mix into a CLI's output, so the worker's output is read and dropped.
      stdout: true,
      stderr: true,
    });
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    // A worker that fails with no file running (warming up) must not take the app down with an
    // unheard 'error'; the next file starts a fresh one and reports what goes wrong for that file.
    const worker = this.worker;
    const forget = () => {
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', forget);
    worker.on('exit', forget);
    return worker;
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private runOne(
    bytes: Uint8Array,
    fileName: string,
    target: StagingTarget,
    options: ImportOptions,
  ): Promise<StagedImportResult> {
    const name = printableLine(basename(fileName));
    if (options.signal?.aborted) return Promise.resolve(failed(`${name}: the import was cancelled`));
    const id = this.nextId++;
    let worker: Worker;
    try {
      worker = this.startWorker();
    } catch (error) {
      return Promise.resolve(failed(`${name}: the importer could not start (${errorDetail(error)})`));
    }
    return new Promise<StagedImportResult>((resolve) => {
      let settled = false;
      const finish = (result: StagedImportResult, workerIsSpent: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        options.signal?.removeEventListener('abort', onAbort);
        if (workerIsSpent) void this.stopWorker().then(() => resolve(result));
        else resolve(result);
      };
      const onMessage = (reply: ImportReply) => {
        if (reply.id !== id) return;
        if (reply.type === 'progress') options.onProgress?.(reply.progress);
        else finish(reply.result, false);
      };
      const onError = (error: Error & { code?: string }) => {
        const why =
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `needs more memory than the importer may use (${this.memoryLimitMb} MB)`
            : `made the importer crash (${errorDetail(error)})`;
        finish(failed(`${name}: this file ${why}`), true);
      };
      const onExit = (code: number) =>
        finish(failed(`${name}: the importer stopped unexpectedly (exit code ${code})`), true);
      const onAbort = () => finish(failed(`${name}: the import was cancelled`), true);
      const limit = options.timeLimitMs ?? this.timeLimitMs;
      const timer = setTimeout(
        () => finish(failed(`${name}: the import took longer than ${seconds(limit)} and was stopped`), true),
        limit,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      // A copy in a buffer of its own (a Node Buffer may be a slice of a shared pool), handed over whole.
      const copy = new Uint8Array(bytes);
      try {
        worker.postMessage({ type: 'import', id, bytes: copy, fileName, target } satisfies ImportRequest, [
          copy.buffer,
        ]);
      } catch (error) {
        finish(
          failed(`${name}: the file could not be handed to the importer (${errorDetail(error)})`),
          false,
        );
      }
    });
  }
}

function failed(message: string): StagedImportResult {
  return { ok: false, message: printableLine(message) };
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
