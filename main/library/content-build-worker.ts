import { parentPort, workerData } from 'node:worker_threads';
import type { Document } from '../api';
import { readDocumentFile } from '../import/read-document-file';
import { writeBundledDocumentHere } from './bundle-document-file';
import {
  postedError,
  type BuiltDocument,
  type ContentReaderName,
  type ContentWorkerData,
  type ReadBatchReply,
  type ReadBatchRequest,
} from './content-build-worker-protocol';
import { parseDocumentFile } from './load-document-file';
import { documentMeta } from './assemble-document';
import { indexedDocument } from '../search/index/indexed-document';
import { sourceStamp } from './build-state';

/**
 * A content build worker (content-build-workers.ts starts one per core): reads the files it is handed,
 * compresses and writes each document into the staging bundle, analyses it for the search index, and
 * answers with its manifest row and index part.
 */

const port = parentPort;
if (port === null) throw new Error('content-build-worker runs only as a worker thread');
const { reader, bundleDir } = workerData as ContentWorkerData;

// pdf.js itself loads only when a PDF comes (pdf-text-layer.ts); the rest of the importer loads with the
// worker, about a second from TypeScript, a fraction of that bundled.
const READERS: Record<ContentReaderName, (file: string) => Promise<Document>> = {
  text: parseDocumentFile,
  importing: readDocumentFile,
};

const read = READERS[reader];

async function readBatch({ batch, files }: ReadBatchRequest): Promise<ReadBatchReply> {
  const documents: BuiltDocument[] = [];
  try {
    for (const file of files) {
      // Stamped before it is read (build-state.ts says why).
      const source = await sourceStamp(file);
      const doc = await read(file);
      await writeBundledDocumentHere(bundleDir, doc);
      documents.push({ meta: documentMeta(doc), indexed: indexedDocument(doc), source });
    }
    return { batch, documents, error: null };
  } catch (error) {
    return { batch, documents, error: postedError(error) };
  }
}

port.on('message', (request: ReadBatchRequest) => {
  void readBatch(request).then((reply) => port.postMessage(reply));
});
