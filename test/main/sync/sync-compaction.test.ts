import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnnotationStore } from '../../../main/annotations/store/annotation-store';
import { compactOwnSegments, COMPACT_AFTER } from '../../../main/sync/sync-compaction';
import { createSyncService } from '../../../main/sync/sync-service';
import { sampleRecord } from '../annotations/sample-records';
import { createSyncFolder } from '../../../main/sync/sync-key';
import type { FolderKey } from '../../../main/sync/sync-key';
import { SimulatedDevice } from './simulated-device';

/**
 * A device replaces its own old segments by one snapshot. A device that had read the old ones and one
 * that reads only the snapshot end with the same state; another device's files are never touched.
 */
const DESK = 'aaaaaaaaaaaaaaaa';
const LAPTOP = 'bbbbbbbbbbbbbbbb';
const NEWCOMER = 'cccccccccccccccc';
const DOC = 'gwadar-port';

let root: string;
let key: FolderKey;
let now = Date.UTC(2026, 11, 1, 10);
const tick = (): number => (now += 1000);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'margin-sync-compaction-'));
  mkdirSync(join(root, 'folder'));
  key = await createSyncFolder(join(root, 'folder'), 'compaction passphrase', { N: 2 ** 10, r: 8, p: 1 });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function files(device: string): string[] {
  return readdirSync(join(root, 'folder', 'margin', 'devices', device)).sort();
}

describe('sync-compaction', () => {
  it('replaces a device’s own segments by one snapshot that every reader merges to the same state', () => {
    const folder = join(root, 'folder');
    const desk = new SimulatedDevice(DESK, folder, key, tick);
    const laptop = new SimulatedDevice(LAPTOP, folder, key, tick);
    desk.nameDevice('Desk');
    for (let round = 0; round < 6; round += 1) {
      for (const n of [1, 2, 3]) {
        desk.writeNote(`urn:uuid:${n}`, DOC, `desk text ${n} round ${round}`);
        desk.change(`urn:uuid:${n}`, DOC, 'color', round % 2 === 0 ? 'yellow' : 'green');
      }
      desk.position(DOC, { blockId: `p${round}`, fraction: 0.5 });
      if (round === 3) desk.change('urn:uuid:3', DOC, 'deleted', true);
      desk.publish();
      // The laptop edits the same note concurrently now and then: its text must stay a version.
      if (round % 2 === 1) {
        laptop.sync();
        laptop.writeNote('urn:uuid:1', DOC, `laptop text round ${round}`);
        laptop.publish();
        desk.sync();
      }
    }
    laptop.sync(); // has read every old segment of the desk
    const laptopFiles = files(LAPTOP);
    expect(files(DESK)).toHaveLength(6);

    const result = compactOwnSegments(
      folder,
      key,
      DESK,
      desk.ownSegments,
      (segment, firstHlc) => desk.ownSegments.push({ ...segment, firstHlc }),
      null,
    );
    expect(result).toMatchObject({ ok: true, removed: 6 });
    expect(files(DESK)).toEqual(['0000000007.mseg']);
    expect(files(LAPTOP)).toEqual(laptopFiles);

    const newcomer = new SimulatedDevice(NEWCOMER, folder, key, tick);
    newcomer.sync(); // reads only the snapshot and the laptop's files
    laptop.sync(); // reads the snapshot on top of what it had
    desk.sync(); // its own snapshot is recognised as its own: no clone
    // The same state whatever order the annotations were first met in.
    const sorted = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sorted)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.keys(value)
                .sort()
                .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
            )
          : value;
    const mergedOf = (device: SimulatedDevice) => JSON.stringify(sorted(device.state));
    expect(mergedOf(newcomer)).toBe(mergedOf(laptop));
    expect(mergedOf(laptop)).toBe(mergedOf(desk));
    expect(newcomer.state.annotations['urn:uuid:1'].note.current?.text).toBe('laptop text round 5');
    expect(newcomer.state.annotations['urn:uuid:3'].fields.deleted?.value).toBe(true);
  });

  it('compacts by itself once a device has written many segments, and every device keeps every note', async () => {
    const folder = join(root, 'shared-by-service');
    mkdirSync(folder);
    const open = (name: string) => {
      const dataDir = join(root, name);
      const store = openAnnotationStore({ dataDir });
      const sync = createSyncService({
        dataDir,
        store,
        folder,
        onStoreChanged: () => undefined,
        intervalMs: 0,
      });
      return { store, sync };
    };
    const desk = open('desk-data');
    const laptop = open('laptop-data');
    await desk.sync.setUp({ passphrase: 'compaction passphrase', deviceName: 'Desk' });
    await laptop.sync.setUp({ passphrase: 'compaction passphrase', deviceName: 'Laptop' });
    for (let n = 1; n <= COMPACT_AFTER + 2; n += 1) {
      desk.store.put(sampleRecord(n % 20, { note: `edit ${n}` }));
      await desk.sync.syncNow();
      if (n === 10) await laptop.sync.syncNow(); // has read some of the old segments
    }
    // The desk wrote more than COMPACT_AFTER segments; its folder holds the snapshot and those since.
    const counts = readdirSync(join(folder, 'margin', 'devices')).map(
      (id) => readdirSync(join(folder, 'margin', 'devices', id)).length,
    );
    expect(Math.max(...counts)).toBeLessThan(5);
    const newcomer = open('newcomer-data');
    await newcomer.sync.setUp({ passphrase: 'compaction passphrase', deviceName: 'Newcomer' });
    await laptop.sync.syncNow();
    await desk.sync.syncNow();
    const notes = (device: { store: typeof desk.store }) =>
      device.store
        .list()
        .map((record) => `${record.id} ${record.note}`)
        .sort();
    expect(notes(desk)).toHaveLength(20);
    expect(notes(newcomer)).toEqual(notes(desk));
    expect(notes(laptop)).toEqual(notes(desk));
    expect(desk.sync.status().problems).toEqual([]);
    for (const device of [desk, laptop, newcomer]) {
      await device.sync.close();
      device.store.close();
    }
  }, 120_000);
});
