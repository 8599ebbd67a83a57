/**
 * The sandboxed preload: exposes exactly MarginApi as `window.margin`, never ipcRenderer. Every method
 * is built from the contract's method list (`apiFromCall`), so a new method needs nothing here.
 *
 * Main answers every call with an envelope `{ ok, value | error }`; a failure is rejected here as an
 * Error carrying the service's one-line message, the part the page shows. An Error crossing the
 * context bridge keeps only its message, so the code does not reach the page in Electron.
 *
 * Beside it, `window.marginShell` carries the desktop shell's one-way messages (menu commands and
 * links in, the page's state out), each checked here too.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { MarginApi, MarginErrorShape } from './api';
import { apiFromCall, CHANNELS } from './shared/api-channels';
import { parseAppCommand, SHELL_CHANNELS, type AppCommand, type MarginShell } from './shared/app-commands';

type Envelope = { ok: true; value: unknown } | { ok: false; error: MarginErrorShape };

const api: MarginApi = apiFromCall(async (method, args) => {
  const envelope = (await ipcRenderer.invoke(CHANNELS[method], ...args)) as Envelope;
  if (envelope.ok) return envelope.value;
  throw new Error(envelope.error.message);
});

const shell: MarginShell = {
  onCommand(callback: (command: AppCommand) => void) {
    const listener = (_event: IpcRendererEvent, value: unknown): void => {
      const command = parseAppCommand(value);
      if (command) callback(command);
    };
    ipcRenderer.on(SHELL_CHANNELS.command, listener);
    return () => {
      ipcRenderer.off(SHELL_CHANNELS.command, listener);
    };
  },
  reportState(state) {
    ipcRenderer.send(SHELL_CHANNELS.state, { documentOpen: state.documentOpen === true });
  },
};

contextBridge.exposeInMainWorld('margin', api);
contextBridge.exposeInMainWorld('marginShell', shell);
