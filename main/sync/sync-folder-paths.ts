/**
 * Where devices' files are in the sync folder, and the plain words for what goes wrong with a folder on
 * a stick or a network share: shared by the folder's reading (sync-folder.ts) and writing
 * (sync-own-segment.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MARGIN_DIR } from './sync-key';

export const DEVICES_DIR = 'devices';

export function devicesDir(folder: string): string {
  return join(folder, MARGIN_DIR, DEVICES_DIR);
}

/** Plain words for the file-system errors a folder on a stick or a network share gives. */
const FOLDER_ERRORS: Record<string, string> = {
  ENOENT: 'it is not there (unplugged or moved?)',
  EACCES: 'Margin may not write there (read-only or no permission)',
  EPERM: 'Margin may not write there (read-only or no permission)',
  EROFS: 'it is on a read-only disk',
  ENOSPC: 'its disk is full',
  ENOTDIR: 'part of it is a file where a folder belongs',
  EIO: 'the disk could not be read (unplugged while in use?)',
};

export function unavailable(folder: string, error?: unknown): { ok: false; message: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'ENOENT';
  const detail = FOLDER_ERRORS[code] ?? (error as Error).message;
  return {
    ok: false,
    message: `The sync folder ${folder} cannot be used: ${detail}. Your notes on this device are untouched; sync resumes when the folder is back.`,
  };
}

export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}
