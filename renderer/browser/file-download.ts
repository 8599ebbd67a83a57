/** Saving what the API produced (an export) as a file the reader downloads. */
import type { ExportedFile } from '../../main/api';

/**
 * Saves a file through a Blob link with `download`: the browser's download in a browser, Electron's
 * save handling in the app. Nothing is written anywhere the reader did not choose.
 */
export function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by the next task; the object URL is only kept a while for safety.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
