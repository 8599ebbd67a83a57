import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAnnotationStore } from '../../../main/annotations/store/annotation-store';
import type { AnnotationStore } from '../../../main/annotations/store/annotation-store';
import { createSyncService } from '../../../main/sync/sync-service';
import type { SyncService } from '../../../main/sync/sync-service';
import { sampleId, sampleRecord } from '../annotations/sample-records';

/**
 * Kill -9 at any moment of a sync: while a note is saved, while the outbox is written, while a segment
 * is published, while merged notes from another device go into the store (in several transactions, with
 * the sync state beside them in the same store). After each kill the store is sound, every
 * acknowledged note is there, and once the device syncs again, another device gets every
 * acknowledged text: no edit misses the folder, no note from the folder is lost.
 */
const ROUNDS = 12;
const DESK_BATCH = 500;
const PASSPHRASE = 'durable passphrase';
const repoRoot = join(__dirname, '../../..');
const writerScript = join(__dirname, 'sync-service-writer-child.ts');
const scratch = mkdtempSync(join(tmpdir(), 'margin-sync-durability-'));
const folder = join(scratch, 'folder');
mkdirSync(folder);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The step a note was saved at ("saved as step 12" → 12); a save may have landed without its ack. */
function stepOf(note: string | undefined): number {
  return note === undefined ? -1 : Number(note.split(' ').pop());
}

interface Device {
  store: AnnotationStore;
  sync: SyncService;
}

function openDevice(name: string): Device {
  const dataDir = join(scratch, name);
  const store = openAnnotationStore({ dataDir });
  const sync = createSyncService({ dataDir, store, folder, onStoreChanged: () => undefined, intervalMs: 0 });
  return { store, sync };
}

async function closeDevice(device: Device): Promise<void> {
  await device.sync.close();
  device.store.close();
}

/** Runs the writer until SIGKILL; only whole "ack" lines count. */
function runWriter(first: number, killAfterMs: number): Promise<Array<[number, number]>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', writerScript, join(scratch, 'laptop'), folder, String(first)],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        const quoted = errors.replace(/^/gm, 'writer stderr | ');
        reject(new Error(`the writer stopped by itself (exit code ${code}, signal ${signal}):\n${quoted}`));
        return;
      }
      const complete = output.slice(0, output.lastIndexOf('\n') + 1);
      resolve(
        complete
          .split('\n')
          .filter((line) => line.startsWith('ack '))
          .map((line) => line.split(' ').slice(1).map(Number) as [number, number]),
      );
    });
  });
}

describe('sync service durability', () => {
  it('loses no acknowledged note and damages no store when killed with SIGKILL mid-sync', async () => {
    let desk = openDevice('desk');
    await desk.sync.setUp({ passphrase: PASSPHRASE, deviceName: 'Desk' });
    const laptop = openDevice('laptop');
    await laptop.sync.setUp({ passphrase: PASSPHRASE, deviceName: 'Laptop' });
    await closeDevice(laptop);

    const acknowledged = new Map<number, number>();
    let next = 1;
    let deskNext = 100_000;
    let acks = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      // The desk publishes a batch each round, so the laptop is often killed while merging it in: a
      // batch larger than a slice (sync-pass.ts), so kills land between the merge's transactions too.
      desk.store.putAll(Array.from({ length: DESK_BATCH }, (_, i) => sampleRecord(deskNext + i)));
      deskNext += DESK_BATCH;
      await desk.sync.syncNow();
      for (const [id, step] of await runWriter(next, 40 + ((round * 97) % 600))) {
        acknowledged.set(id, Math.max(step, acknowledged.get(id) ?? 0));
        acks += 1;
        next = Math.max(next, step + 1);
      }
      next += 5;

      const store = openAnnotationStore({ dataDir: join(scratch, 'laptop') });
      try {
        expect(store.quickCheck()).toEqual(['ok']);
        for (const [id, step] of acknowledged)
          expect(stepOf(store.get(sampleId(id))?.note), `round ${round}: note ${id}`).toBeGreaterThanOrEqual(
            step,
          );
      } finally {
        store.close();
      }
    }

    // The laptop syncs once more, undisturbed; then the desk must hold every acknowledged text, and the
    // laptop every note of the desk.
    const again = openDevice('laptop');
    expect(again.sync.status().problems).toEqual([]);
    await again.sync.syncNow();
    await desk.sync.syncNow();
    for (const [id, step] of acknowledged) {
      const note = again.store.get(sampleId(id))?.note;
      expect(stepOf(note), `laptop: note ${id}`).toBeGreaterThanOrEqual(step);
      expect(desk.store.get(sampleId(id))?.note, `desk: note ${id}`).toBe(note);
    }
    for (let n = 100_000; n < deskNext; n += 1)
      expect(again.store.get(sampleId(n)), `laptop: desk note ${n}`).not.toBeNull();
    await closeDevice(again);
    await closeDevice(desk);
    desk = openDevice('desk');
    await closeDevice(desk);
    expect(acks).toBeGreaterThanOrEqual(ROUNDS);
  }, 180_000);
});
