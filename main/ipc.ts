/**
 * Binds every contract method to `ipcMain.handle`. Each call must come from the top frame of Margin's
 * own window at app://margin/; then `dispatch` validates the arguments and calls the service. Replies
 * are envelopes, so the error code survives IPC (a thrown Error would arrive as text only).
 *
 * One method is answered here rather than by the service: `printPage` prints the window that asked
 * (the system print dialog, or Save as PDF), which only this glue can reach.
 */
import {
  BrowserWindow,
  ipcMain,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { CHANNELS, type MarginApi, type MarginMethod, type PrintMode, type PrintOutcome } from './api';
import { dispatch, toErrorShape, validateCall } from './api-dispatch';
import { choosePdfFile } from './dialogs';
import { errorDetail, MarginError, printableLine } from './errors';
import { isTrustedSender } from './security';
import { parseShellState, SHELL_CHANNELS, type AppCommand, type ShellState } from './shared/app-commands';
import { writeFileAtomically } from './storage/durable-files';

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
 * The shell's one-way messages: the page reports its state (validated, else ignored with a warning)
 * and main sends it commands. A command waits until the page of the current window has reported once
 * (it listens by then), so a link that launched or reopened the app is not sent into a loading page.
 */
export function setupShellIpc(
  window: () => BrowserWindow | null,
  onState: (state: ShellState) => void,
): (command: AppCommand) => void {
  let listening: WebContents | null = null;
  const queued: AppCommand[] = [];
  const flush = (): void => {
    const own = window();
    if (own === null || own.webContents !== listening) return;
    for (const command of queued.splice(0)) own.webContents.send(SHELL_CHANNELS.command, command);
  };
  ipcMain.on(SHELL_CHANNELS.state, (event: IpcMainEvent, value: unknown) => {
    const own = window();
    const frame = event.senderFrame;
    if (own === null || event.sender !== own.webContents || frame === null) return;
    if (!isTrustedSender(frame.url, frame.parent === null)) return;
    const state = parseShellState(value);
    if (state === null) {
      console.warn('margin: ignored a shell state that is not one');
      return;
    }
    listening = event.sender;
    flush();
    onState(state);
  });
  return (command) => {
    queued.push(command);
    flush();
  };
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
    writeFileAtomically(file, pdf);
  } catch (error) {
    throw new MarginError('unavailable', `The PDF could not be saved (${errorDetail(error)}).`);
  }
  return 'saved';
}
