/**
 * The sandboxed preload: exposes exactly MarginApi as `window.margin`, never ipcRenderer. Every method
 * is built from the contract's method list (`apiFromCall`), so a new method needs nothing here.
 *
 * Main answers every call with an envelope `{ ok, value | error }`; a failure is rejected here as an
 * Error carrying the service's one-line message, the part the page shows. An Error crossing the
 * context bridge keeps only its message, so the code does not reach the page in Electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { MarginApi, MarginErrorShape } from './api';
import { apiFromCall, CHANNELS } from './shared/api-channels';

type Envelope = { ok: true; value: unknown } | { ok: false; error: MarginErrorShape };

const api: MarginApi = apiFromCall(async (method, args) => {
  const envelope = (await ipcRenderer.invoke(CHANNELS[method], ...args)) as Envelope;
  if (envelope.ok) return envelope.value;
  throw new Error(envelope.error.message);
});

contextBridge.exposeInMainWorld('margin', api);
