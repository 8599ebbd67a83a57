/**
 * Binds every contract method to `ipcMain.handle`. Each call must come from the top frame of Margin's
 * own window at app://margin/; then `dispatch` validates the arguments and calls the service. Replies
 * are envelopes, so the error code survives IPC (a thrown Error would arrive as text only).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, type MarginApi, type MarginMethod } from './api';
import { dispatch, toErrorShape } from './api-dispatch';
import { isTrustedSender } from './security';

export function setupIpc(api: MarginApi, isOwnWindow: (contents: WebContents) => boolean): void {
  for (const method of Object.keys(CHANNELS) as MarginMethod[]) {
    ipcMain.handle(CHANNELS[method], async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isAllowed(event, isOwnWindow)) {
        console.warn(`margin: refused ${method} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return { ok: false, error: { code: 'invalid-argument', message: 'This page may not use Margin.' } };
      }
      try {
        return { ok: true, value: await dispatch(api, method, args) };
      } catch (error) {
        return { ok: false, error: toErrorShape(error) };
      }
    });
  }
}

function isAllowed(event: IpcMainInvokeEvent, isOwnWindow: (contents: WebContents) => boolean): boolean {
  const frame = event.senderFrame;
  if (frame === null || !isOwnWindow(event.sender)) return false;
  return isTrustedSender(frame.url, frame.parent === null);
}
