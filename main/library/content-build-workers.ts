import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  receivedError,
  type BuiltDocument,
  type ContentReaderName,
  type ContentWorkerData,
  type ReadBatchReply,
  type ReadBatchRequest,
} from './content-build-worker-protocol';
import type { ContentReader } from './content-build';
import { documentMeta } from './assemble-document';
import { writeBundledDocument } from './bundle-document-file';
import { sourceStamp } from './build-state';
import { indexedDocument } from '../search/index/indexed-document';

/**
 * The content build's parsing on every core: one worker thread per core (not per file), each handed the
 * next batch of files in sorted order as it finishes one, so a slow file holds up only its own worker.
 * Every batch before a failing one is finished before the build answers, so the error it reports is the
 * one the one-thread build would report: the first bad file in sorted order.
 */

/** Files per message: enough that posting costs nothing beside parsing, few enough to share evenly. */
const BATCH_FILES = 16;

/**
 * Below this many files the build reads them on its own thread: starting a worker costs about as much
 * as reading a few hundred articles (at 300 the build was a second slower with two workers than with
 * none), more from TypeScript, where each worker compiles the parsers again.
 */
export const MIN_FILES_FOR_WORKERS = 1000;

/** One worker per core the process may use, at least one. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** A built worker's file, or the code that starts the worker from its TypeScript source. */
type WorkerScript = { file: string } | { code: string };

/**
 * The worker's code: the bundled `content-build-worker.js` beside the bundle that holds this code (the
 * app build writes it beside host/serve.js; the bench beside its build child), or, when Margin runs
 * from source (tsx, vitest), its TypeScript source beside this file, loaded through tsx's require hook
 * registered in the worker itself (a loader registered in the parent does not reach a worker on every
 * Node). Null when a bundle was made without the worker.
 */
export function contentWorkerScript(): WorkerScript | null {
  if (!__filename.endsWith('.ts')) {
    const file = join(__dirname, 'content-build-worker.js');
    return existsSync(file) ? { file } : null;
  }
  const tsx = createRequire(__filename).resolve('tsx/cjs/api');
  const source = join(__dirname, 'content-build-worker.ts');
  return { code: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});` };
}

/** Takes each document, in the files' order; an error it throws stops the build. */
export type TakeDocument = (built: BuiltDocument, file: string) => Promise<void> | void;

export interface WorkerReadOptions {
  files: string[];
  reader: ContentReaderName;
  /** The staging bundle, whose docs/ folder exists. */
  bundleDir: string;
  workers: number;
  script: WorkerScript;
  take: TakeDocument;
}

/**
 * Reads `files` in worker threads, which write each document's file into `bundleDir` as they go, and
 * hands each document to `take` in the files' order as soon as every one before it has been taken.
 * Throws the first problem in that order: a file that could not be read, or what `take` threw.
 */
export async function readInWorkers(options: WorkerReadOptions): Promise<void> {
  const { files, script, take } = options;
  const batchCount = Math.ceil(files.length / BATCH_FILES);
  const workerData: ContentWorkerData = { reader: options.reader, bundleDir: options.bundleDir };
  const workers = Array.from({ length: Math.max(1, Math.min(options.workers, batchCount)) }, () =>
    'file' in script
      ? new Worker(script.file, { workerData })
      : new Worker(script.code, { workerData, eval: true }),
  );
  // Answers that came before an earlier batch's, until it comes (a batch is only held while waiting).
  const waiting = new Map<number, ReadBatchReply>();
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let inFlight = 0;
      let stopped = false;
      let taken = 0;
      let taking = Promise.resolve();
      const stop = (error: Error): void => {
        if (stopped) return;
        stopped = true;
        reject(error);
      };
      const takeBatch = async (reply: ReadBatchReply): Promise<void> => {
        for (const [i, built] of reply.documents.entries())
          await take(built, files[reply.batch * BATCH_FILES + i] as string);
        if (reply.error) throw receivedError(reply.error);
      };
      // Batches are taken strictly in order, one after another.
      const takeReady = (): void => {
        for (let reply = waiting.get(taken); reply !== undefined; reply = waiting.get(taken)) {
          waiting.delete(taken++);
          const batch = reply;
          taking = taking.then(() => (stopped ? undefined : takeBatch(batch)));
        }
        taking.then(() => {
          if (!stopped && taken === batchCount && inFlight === 0) resolve();
        }, stop);
      };
      const give = (worker: Worker): void => {
        if (stopped || next >= batchCount) return;
        const batch = next++;
        inFlight++;
        const request: ReadBatchRequest = {
          batch,
          files: files.slice(batch * BATCH_FILES, (batch + 1) * BATCH_FILES),
        };
        worker.postMessage(request);
      };
      const crashed = (why: string) => stop(new Error(`the content build's worker ${why}`));
      for (const worker of workers) {
        worker.on('message', (reply: ReadBatchReply) => {
          inFlight--;
          waiting.set(reply.batch, reply);
          // No batch after a failed one is asked for: the failure is the last thing taken.
          if (reply.error) next = Math.max(next, batchCount);
          give(worker);
          takeReady();
        });
        worker.on('error', (error) => crashed(`failed: ${error.message}`));
        worker.on('exit', (code) => crashed(`stopped unexpectedly (exit code ${code})`));
        give(worker);
      }
      if (batchCount === 0) resolve();
    });
  } finally {
    // Stopped before the caller goes on, so that no worker still writes into a folder being removed.
    await Promise.all(workers.map((worker) => worker.removeAllListeners('exit').terminate()));
  }
}

/**
 * Every document read and its file written into `dir`'s docs/ folder (in workers where it can be),
 * each handed to `take` in the files' order: the first problem in that order (a file that could not
 * be read, or what `take` threw) stops the build, as reading them one after another would meet it.
 */
export async function readAndWriteDocuments(
  files: string[],
  reader: ContentReader,
  dir: string,
  workers: number,
  take: TakeDocument,
): Promise<void> {
  const script = workers > 0 && reader.workerName ? contentWorkerScript() : null;
  if (script && reader.workerName) {
    await readInWorkers({ files, reader: reader.workerName, bundleDir: dir, workers, script, take });
    return;
  }
  for (const file of files) {
    // Stamped before it is read (build-state.ts says why).
    const source = await sourceStamp(file);
    const doc = await reader.read(file);
    await writeBundledDocument(dir, doc);
    await take({ meta: documentMeta(doc), indexed: indexedDocument(doc), source }, file);
  }
}
