/**
 * The reader's sync tool, played by a test: carries everything one copy of the sync folder has and
 * another lacks (folder.json, and every other device's segments, whole). A device's own files are never
 * brought back to it changed, as a real tool would not.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FOLDER_FILE, MARGIN_DIR } from '../../../main/sync/sync-key';
import { segmentFiles } from './simulated-device';

export function carryFolder(from: string, to: string): number {
  let carried = 0;
  const folderFile = join(to, MARGIN_DIR, FOLDER_FILE);
  if (!existsSync(folderFile) && existsSync(join(from, MARGIN_DIR, FOLDER_FILE))) {
    mkdirSync(join(to, MARGIN_DIR), { recursive: true });
    copyFileSync(join(from, MARGIN_DIR, FOLDER_FILE), folderFile);
    carried += 1;
  }
  for (const file of segmentFiles(from)) {
    const target = join(to, MARGIN_DIR, 'devices', file);
    if (existsSync(target)) continue;
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(join(from, MARGIN_DIR, 'devices', file), target);
    carried += 1;
  }
  return carried;
}

/** Both ways, as a tool that runs on both machines would. */
export function carryBothWays(a: string, b: string): void {
  carryFolder(a, b);
  carryFolder(b, a);
}
