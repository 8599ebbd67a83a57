/**
 * The reader's sync tool, played by a test: carries everything one copy of the sync folder has and
 * another lacks (folder.json, and every device's segments, whole). Two different files under one name
 * (only two machines sharing a device id write those) are kept side by side, as Syncthing does: the
 * one that arrives becomes `<name>.sync-conflict-<digest>.mseg`.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
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
    const source = join(from, MARGIN_DIR, 'devices', file);
    let target = join(to, MARGIN_DIR, 'devices', file);
    if (existsSync(target)) {
      const bytes = readFileSync(source);
      if (bytes.equals(readFileSync(target))) continue;
      const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
      target = target.replace(/\.mseg$/, `.sync-conflict-${digest}.mseg`);
      if (existsSync(target)) continue;
    }
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(source, target);
    carried += 1;
  }
  return carried;
}

/** Both ways, as a tool that runs on both machines would. */
export function carryBothWays(a: string, b: string): void {
  carryFolder(a, b);
  carryFolder(b, a);
}

/** A device in these tests: its service (syncNow) and the sync folder its tool carries. */
export interface SyncingDevice {
  service: { syncNow(): Promise<unknown> };
  folder: string;
}

/** Sync, carry, sync: what a minute of real life with a sync tool does. */
export async function exchange(a: SyncingDevice, b: SyncingDevice): Promise<void> {
  await a.service.syncNow();
  await b.service.syncNow();
  carryBothWays(a.folder, b.folder);
  await a.service.syncNow();
  await b.service.syncNow();
}
