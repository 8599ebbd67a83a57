/**
 * The contract's method list as a value: IPC channel names, and one way to build a MarginApi from a
 * single `call`. The preload bridge, the renderer's HTTP client and the deferred API are all built
 * here, so adding a method means editing the contract (`main/api.ts` and this table), the dispatch
 * table and the service, and no client. Like `main/api.ts`, this module imports nothing (types aside),
 * so the renderer and the sandboxed preload may import it.
 */
import type { MarginApi, MarginMethod } from '../api';

/** IPC channel names, `domain:verb`. The compiler checks that every method has one, and only those. */
export const CHANNELS = {
  getStatus: 'app:status',
  listDocuments: 'library:list',
  listDocumentPage: 'library:page',
  listAnnotatedDocuments: 'library:list-annotated',
  getDocument: 'library:get',
  search: 'search:query',
  listAnnotations: 'annotations:list',
  listAllAnnotations: 'annotations:list-all',
  createAnnotation: 'annotations:create',
  updateAnnotation: 'annotations:update',
  deleteAnnotation: 'annotations:delete',
  restoreAnnotation: 'annotations:restore',
  exportAnnotations: 'annotations:export',
  importAnnotations: 'annotations:import',
  getPreferences: 'prefs:get',
  setPreferences: 'prefs:set',
  getReadingPosition: 'reading:get',
  setReadingPosition: 'reading:set',
  openExternal: 'shell:open-external',
  getSyncStatus: 'sync:status',
  chooseSyncFolder: 'sync:choose-folder',
  setUpSync: 'sync:set-up',
  syncNow: 'sync:now',
  turnOffSync: 'sync:turn-off',
  getAnnotationVersions: 'annotations:versions',
  restoreAnnotationVersion: 'annotations:restore-version',
  citeDocument: 'citations:cite',
  exportBibliography: 'citations:export-bibliography',
  getLicences: 'app:licences',
  prepareImport: 'library:prepare-import',
  printPage: 'print:page',
  importDocument: 'library:import',
  getImportProgress: 'library:import-progress',
  cancelImport: 'library:import-cancel',
  removeDocument: 'library:remove',
  restoreDocument: 'library:restore',
  getDocumentSummary: 'library:summary',
  getDocumentSummaries: 'library:summaries',
} as const satisfies Record<MarginMethod, string>;

/** Every method of the contract, in the order of CHANNELS. */
export const API_METHODS = Object.keys(CHANNELS) as MarginMethod[];

/** Carries one call of `method` somewhere (IPC, HTTP, a service that is still starting). */
export type ApiCall = (method: MarginMethod, args: unknown[]) => Promise<unknown>;

/**
 * A MarginApi whose every method hands its name and arguments to `call`. Trailing undefined arguments
 * (optional parameters left out) are dropped first: JSON would turn them into null.
 */
export function apiFromCall(call: ApiCall): MarginApi {
  const api: Partial<Record<MarginMethod, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    api[method] = (...args) => {
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      return call(method, args);
    };
  }
  return api as MarginApi;
}
