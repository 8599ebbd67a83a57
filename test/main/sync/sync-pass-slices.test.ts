import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAnnotationStore } from '../../../main/annotations/store/annotation-store';
import type { AnnotationStore } from '../../../main/annotations/store/annotation-store';
import { MARGIN_DIR } from '../../../main/sync/sync-key';
import { DEVICES_DIR } from '../../../main/sync/sync-folder';
import { segmentSeq } from '../../../main/sync/sync-segment';
import { createSyncService } from '../../../main/sync/sync-service';
import type { SyncService } from '../../../main/sync/sync-service';
import { sampleId, sampleRecord } from '../annotations/sample-records';

/**
 * A pass over thousands of notes runs in slices (sync-pass.ts): the main process keeps answering the
 * window meanwhile. Two devices on real disk, one sync folder between them.
 */
const NOTES = 3000;
const scratch = mkdtempSync(join(tmpdir(), 'margin-sync-slices-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Device {
  store: AnnotationStore;
  sync: SyncService;
}

async function openDevice(name: string, folder: string): Promise<Device> {
  const dataDir = join(scratch, name);
  const store = openAnnotationStore({ dataDir });
  const sync = createSyncService({ dataDir, store, folder, onStoreChanged: () => undefined, intervalMs: 0 });
  await sync.setUp({ passphrase: 'slices passphrase', deviceName: name });
  return { store, sync };
}

/** Runs `work` under a 1 ms timer: how often it ticked, and the most CPU this thread spent between two ticks. */
async function underTimer(work: () => Promise<unknown>): Promise<{ ticks: number; longestCpuMs: number }> {
  let ticks = 0;
  let longest = 0;
  let last = process.threadCpuUsage();
  const tick = (): void => {
    const now = process.threadCpuUsage();
    longest = Math.max(longest, (now.user - last.user + now.system - last.system) / 1000);
    last = now;
    ticks += 1;
  };
  const timer = setInterval(tick, 1);
  try {
    await work();
    tick();
  } finally {
    clearInterval(timer);
  }
  return { ticks, longestCpuMs: longest };
}

describe('sync pass slices', () => {
  it('publishes and merges thousands of notes while a timer keeps running, no stretch of its work holding the loop for 50 ms', async () => {
    const folder = join(scratch, 'folder');
    mkdirSync(folder);
    const desk = await openDevice('Desk', folder);
    const [deskId] = readdirSync(join(folder, MARGIN_DIR, DEVICES_DIR));
    const laptop = await openDevice('Laptop', folder);
    desk.store.putAll(Array.from({ length: NOTES }, (_, n) => sampleRecord(n)));

    const publish = await underTimer(() => desk.sync.syncNow());
    const merge = await underTimer(() => laptop.sync.syncNow());

    // More changes than one segment holds: published as several segments, and none left behind in the
    // outbox once the pass is over (each segment's part leaves it as the next one is written).
    const deskFiles = readdirSync(join(folder, MARGIN_DIR, DEVICES_DIR, deskId));
    expect(deskFiles.filter((file) => segmentSeq(file) !== null).length).toBeGreaterThan(1);
    expect(desk.store.sync.outbox(10)).toEqual([]);
    expect(laptop.store.list()).toHaveLength(NOTES);
    expect(laptop.store.get(sampleId(NOTES - 1))?.note).toBe(sampleRecord(NOTES - 1).note);

    for (const pass of [publish, merge]) {
      expect(pass.ticks).toBeGreaterThan(10);
      expect(pass.longestCpuMs).toBeLessThan(50);
    }
    await Promise.all([desk.sync.close(), laptop.sync.close()]);
    desk.store.close();
    laptop.store.close();
  }, 60_000);
});
