import type { ImportProgress, StagedImportResult, StagingTarget } from './import-types';

/**
 * Messages between the import runner and its worker thread. Bytes travel as a transferred buffer; the
 * parsed document never travels: the worker writes it to `target` and answers with its metadata.
 */
export type ImportRequest =
  | { type: 'import'; id: number; bytes: Uint8Array; fileName: string; target: StagingTarget }
  /** The reader is choosing files: load pdf.js now, so the first file imports as fast as the next. */
  | { type: 'warm' };

export type ImportReply =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'result'; id: number; result: StagedImportResult };
