import type { DocumentMeta, MarginErrorCode } from '../api';
import type { IndexedDocument } from '../search/index/indexed-document';
import type { SourceStamp } from './build-state';
import { ContentError, MarginError } from '../errors';

/**
 * Messages between the content build and its worker threads (content-build-worker.ts). A worker reads a
 * batch of files in the order given, writes each document's file into the staging bundle and answers
 * with what the manifest and the search index need of each (never the document itself: the worker
 * analyses its text for the index); it stops its batch at the first file that fails and answers with
 * the documents before it and that file's error.
 */

/** The readers a worker knows by name: a reader is code, and code cannot be posted to a thread. */
export type ContentReaderName = 'text' | 'importing';

export interface ContentWorkerData {
  reader: ContentReaderName;
  /** The staging bundle: documents go to its docs/ folder. */
  bundleDir: string;
}

export interface ReadBatchRequest {
  batch: number;
  files: string[];
}

/** An error as it crosses the thread boundary (a posted Error loses its class and its fields). */
export type PostedError =
  | { kind: 'content'; file: string; line: number | null; message: string }
  | { kind: 'margin'; code: MarginErrorCode; message: string }
  | { kind: 'other'; message: string };

/**
 * A document as the build's own thread gets it: its manifest row, its part of the search index and its
 * file's stamp for the build state (build-state.ts).
 */
export interface BuiltDocument {
  meta: DocumentMeta;
  indexed: IndexedDocument;
  source: SourceStamp;
}

export interface ReadBatchReply {
  batch: number;
  documents: BuiltDocument[];
  error: PostedError | null;
}

export function postedError(error: unknown): PostedError {
  if (error instanceof ContentError)
    return { kind: 'content', file: error.file, line: error.line, message: error.message };
  if (error instanceof MarginError) return { kind: 'margin', code: error.code, message: error.message };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

/** The error the worker caught, as the one-thread build would have thrown it. */
export function receivedError(posted: PostedError): Error {
  if (posted.kind === 'content') {
    // The message is "<file>[:<line>]: <detail>"; ContentError builds it again from its parts.
    const prefix = `${posted.file}${posted.line === null ? '' : `:${posted.line}`}: `;
    const detail = posted.message.startsWith(prefix) ? posted.message.slice(prefix.length) : posted.message;
    return new ContentError(posted.file, posted.line, detail);
  }
  if (posted.kind === 'margin') return new MarginError(posted.code, posted.message);
  return new Error(posted.message);
}
