/** The reader decides: an https link opens in the system browser only after they confirm it. */
import { dialog, shell, type BrowserWindow } from 'electron';
import { checkExternalLink } from './security';

export async function confirmAndOpenExternal(parent: BrowserWindow | null, url: string): Promise<boolean> {
  const verdict = checkExternalLink(url);
  if (!verdict.ok) return false;
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    message: 'Open this link in your web browser?',
    detail: verdict.url,
  };
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  // The URL passed checkExternalLink (https, no credentials, no IP or look-alike host) and the reader confirmed it.
  await shell.openExternal(verdict.url);
  return true;
}

/** The reader picks the folder their own sync tool carries between devices; null when they cancel. */
export async function chooseSyncFolder(parent: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Choose the folder to sync your notes through',
    buttonLabel: 'Sync through this folder',
    properties: ['openDirectory' as const, 'createDirectory' as const],
  };
  const { canceled, filePaths } = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  return canceled || filePaths.length === 0 ? null : filePaths[0];
}

/** Where to save a PDF, suggested from the page's title; null when the reader cancels. */
export async function choosePdfFile(parent: BrowserWindow | null, title: string): Promise<string | null> {
  const name = `${
    title
      .replace(/ · Margin$/, '')
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .trim()
      .slice(0, 120) || 'Margin'
  }.pdf`;
  const options = {
    title: 'Save as PDF',
    defaultPath: name,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
  };
  const { canceled, filePath } = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options);
  return canceled || !filePath ? null : filePath;
}
