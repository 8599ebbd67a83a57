import type { Document, DocumentMeta, ImportKind } from '../api';

export type { ImportKind } from '../api';

export interface ImportSource {
  kind: ImportKind;
  /** Pages of a PDF. */
  pages?: number;
  /** sha256 hex of the file's bytes, to tell the same file imported twice. */
  sha256: string;
}

export type ImportResult =
  { ok: true; document: Document; source: ImportSource } | { ok: false; message: string };

/** Where the import worker writes the parsed document, and the id it is kept under. */
export interface StagingTarget {
  /** A file in a private staging folder of the user library, chosen by main. */
  file: string;
  docId: string;
}

/**
 * What main hears of a file the worker parsed and staged: what the manifest and the outcome need,
 * never the text. A book's Document is megabytes; receiving it would stall the window (issue #10).
 */
export interface StagedDocument {
  meta: DocumentMeta;
  source: ImportSource;
  /** Bytes of the staged JSON. */
  size: number;
}

export type StagedImportResult = { ok: true; staged: StagedDocument } | { ok: false; message: string };

export interface ImportProgress {
  /** Pages (PDF) or steps done, out of `total`. */
  done: number;
  total: number;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** This file's time limit, where it should differ from the runner's (the worker runner only). */
  timeLimitMs?: number;
}
