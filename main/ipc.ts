/**
 * Binds every contract method to `ipcMain.handle`. Each call must come from the top frame of Margin's
 * own window at app://margin/; then `dispatch` validates the arguments and calls the service. Replies
 * are envelopes, so the error code survives IPC (a thrown Error would arrive as text only).
 *
 * One method is answered here rather than by the service: `printPage` prints the window that asked
 * (the system print dialog, or Save as PDF), which only this glue can reach.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, type MarginApi, type MarginMethod, type PrintMode, type PrintOutcome } from './api';
import { dispatch, toErrorShape, validateCall } from './api-dispatch';
import { choosePdfFile } from './dialogs';
import { errorDetail, MarginError, printableLine } from './errors';
import { isTrustedSender } from './security';
import { writeFileDurably } from './storage/durable-files';

export function setupIpc(api: MarginApi, isOwnWindow: (contents: WebContents) => boolean): void {
  for (const method of Object.keys(CHANNELS) as MarginMethod[]) {
    ipcMain.handle(CHANNELS[method], async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isAllowed(event, isOwnWindow)) {
        console.warn(`margin: refused ${method} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return { ok: false, error: { code: 'invalid-argument', message: 'This page may not use Margin.' } };
      }
      try {
        if (method === 'printPage') {
          const [mode] = validateCall(method, args).args as [PrintMode];
          return { ok: true, value: await printPage(event.sender, mode) };
        }
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

/**
 * The page has already laid itself out for print (its print stylesheet, page numbers from `@page`
 * margin boxes); this hands it to the system dialog, or renders it to a PDF the reader places.
 */
async function printPage(contents: WebContents, mode: PrintMode): Promise<PrintOutcome> {
  if (mode === 'dialog') {
    return new Promise((resolve, reject) => {
      contents.print({ printBackground: true }, (success, failureReason) => {
        if (success) resolve('printed');
        // A dialog the reader closed is "Print job canceled"; anything else is a failure worth saying.
        else if (/cancel/i.test(failureReason)) resolve('cancelled');
        else
          reject(
            new MarginError(
              'unavailable',
              `The page could not be printed (${printableLine(failureReason)}).`,
            ),
          );
      });
    });
  }
  const file = await choosePdfFile(BrowserWindow.fromWebContents(contents), contents.getTitle());
  if (file === null) return 'cancelled';
  try {
    const pdf = await contents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    writeFileDurably(file, pdf);
  } catch (error) {
    throw new MarginError('unavailable', `The PDF could not be saved (${errorDetail(error)}).`);
  }
  return 'saved';
}
