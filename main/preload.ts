/**
 * The sandboxed preload: exposes exactly MarginApi as `window.margin`, never ipcRenderer. Each method
 * is written out so that the compiler checks this object against the contract.
 *
 * Main answers every call with an envelope `{ ok, value | error }`; a failure is rejected here as an
 * Error carrying the service's one-line message, the part the page shows. An Error crossing the
 * context bridge keeps only its message, so the code does not reach the page in Electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type MarginApi, type MarginErrorShape, type MarginMethod } from './api';

type Envelope = { ok: true; value: unknown } | { ok: false; error: MarginErrorShape };

async function call<T>(method: MarginMethod, ...args: unknown[]): Promise<T> {
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  const envelope = (await ipcRenderer.invoke(CHANNELS[method], ...args)) as Envelope;
  if (envelope.ok) return envelope.value as T;
  throw new Error(envelope.error.message);
}

const api: MarginApi = {
  getStatus: () => call('getStatus'),
  listDocuments: () => call('listDocuments'),
  getDocument: (id) => call('getDocument', id),
  search: (query, options) => call('search', query, options),
  listAnnotations: (docId) => call('listAnnotations', docId),
  listAllAnnotations: () => call('listAllAnnotations'),
  createAnnotation: (input) => call('createAnnotation', input),
  updateAnnotation: (id, patch) => call('updateAnnotation', id, patch),
  deleteAnnotation: (id) => call('deleteAnnotation', id),
  restoreAnnotation: (record) => call('restoreAnnotation', record),
  exportAnnotations: (format, docId) => call('exportAnnotations', format, docId),
  importAnnotations: (text) => call('importAnnotations', text),
  getPreferences: () => call('getPreferences'),
  setPreferences: (patch) => call('setPreferences', patch),
  getReadingPosition: (docId) => call('getReadingPosition', docId),
  setReadingPosition: (docId, position) => call('setReadingPosition', docId, position),
  openExternal: (url) => call('openExternal', url),
};

contextBridge.exposeInMainWorld('margin', api);
