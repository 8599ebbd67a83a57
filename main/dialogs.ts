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
