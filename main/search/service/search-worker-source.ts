/**
 * Where the search worker's code and the files it reads come from.
 *
 * A worker thread cannot load its script from inside app.asar, nor read files there: Electron patches
 * `fs` for asar only on the main thread (electron/electron#22446). So the packaged app keeps the worker's
 * code inside the asar, where its integrity is checked, reads it on the main thread and starts the worker
 * from that source; the index and the documents the worker reads are unpacked next to the asar
 * (`asarUnpack` in electron-builder.yml): data, parsed as untrusted like any content. Unpacked (`npm
 * start`, the browser host), the worker runs from its file and reads the bundle in place.
 */
import path from 'node:path';

export type WorkerCode = { script: string } | { source: string };

export interface SearchWorkerPlan {
  code: WorkerCode;
  /** The content bundle as the worker reads it. */
  bundleDir: string;
  /**
   * The importer's worker of the same build, run the same way (from its file, or its source read when
   * the first file is imported).
   */
  importWorker?: () => WorkerCode;
}

const IN_ASAR = /\.asar([\\/]|$)/;

/** True when `dir` lies inside an asar archive. */
export function insideAsar(dir: string): boolean {
  return IN_ASAR.test(dir);
}

/** The same path in the folder electron-builder unpacks beside the archive (`app.asar.unpacked`). */
export function unpackedPath(file: string): string {
  return file.replace(/\.asar(?=[\\/]|$)/, '.asar.unpacked');
}

/**
 * How to run the search worker of the app built in `distDir` (dist/: main/search-worker.js and
 * content/). `readSource` reads a file from inside the asar (the main thread's patched fs).
 */
export function searchWorkerPlan(distDir: string, readSource: (file: string) => string): SearchWorkerPlan {
  const script = path.join(distDir, 'main', 'search-worker.js');
  const importScript = path.join(distDir, 'main', 'import-worker.js');
  const bundleDir = path.join(distDir, 'content');
  if (!insideAsar(distDir))
    return { code: { script }, bundleDir, importWorker: () => ({ script: importScript }) };
  return {
    code: { source: readSource(script) },
    bundleDir: unpackedPath(bundleDir),
    importWorker: () => ({ source: readSource(importScript) }),
  };
}
