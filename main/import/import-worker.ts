import { parentPort } from 'node:worker_threads';
import { loadPdfJs } from './pdf-text-layer';
import type { ImportReply, ImportRequest } from './import-worker-protocol';
import { importAndStage } from './stage-document';

/**
 * The import worker (built to dist/main/import-worker.js): imports one file at a time for the runner,
 * writes its Document to the staging file the runner names, and answers with the metadata only.
 * A file that crashes or hangs this thread takes only this thread down; the runner reports it and
 * starts a fresh worker for the next file.
 */
const port = parentPort;
if (port === null) throw new Error('import-worker.js runs only as a worker thread');

port.on('message', (request: ImportRequest) => {
  if (request.type === 'warm') {
    // A failure to load shows at the first PDF, as one line for that file.
    loadPdfJs().catch(() => undefined);
    return;
  }
  void importAndStage(request.bytes, request.fileName, request.target, {
    onProgress: (progress) =>
      port.postMessage({ type: 'progress', id: request.id, progress } satisfies ImportReply),
  }).then((result) => port.postMessage({ type: 'result', id: request.id, result } satisfies ImportReply));
});
