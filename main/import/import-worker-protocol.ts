import type { ImportProgress, ImportResult } from './import-types';

/** Messages between the import runner and its worker thread. Bytes travel as a transferred buffer. */
export type ImportRequest = { type: 'import'; id: number; bytes: Uint8Array; fileName: string };

export type ImportReply =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'result'; id: number; result: ImportResult };
