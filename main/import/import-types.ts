import type { Document, ImportKind } from '../api';

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
