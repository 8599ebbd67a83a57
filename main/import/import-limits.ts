/**
 * What the importer refuses to take on, stated once. A file above a limit is refused with one line that
 * names the limit; nothing is half-imported.
 */

/** Think-tank reports and saved pages run to a few megabytes; a book with images to tens. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Longer than any report a reader annotates; a 2,000-page scan would take minutes and gigabytes. */
export const MAX_PDF_PAGES = 2000;
/** One file's whole import, in the worker. */
export const IMPORT_TIME_LIMIT_MS = 60_000;
/** The worker's heap (old generation), so a hostile file cannot take the machine's memory. */
export const IMPORT_WORKER_MEMORY_MB = 512;

export function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
