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
