import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAnnotationStore } from '../../../main/annotations/store/annotation-store';
import { createClock, newDeviceId } from '../../../main/sync/hlc';
import { changesForEdit } from '../../../main/sync/sync-annotation';
import { DEVICE_FILE, SYNC_DIR } from '../../../main/sync/sync-device-file';
import { emptyCursor, readSyncFolder, writeOwnSegment } from '../../../main/sync/sync-folder';
import { createSyncFolder } from '../../../main/sync/sync-key';
import { emptySyncState, mergeChanges } from '../../../main/sync/sync-merge';
import { decodeSegment } from '../../../main/sync/sync-segment';
import { createSyncService } from '../../../main/sync/sync-service';
import { sampleRecord } from '../annotations/sample-records';

/**
 * A device set up by the previous Margin kept its whole sync history in device.json (format 1). After
 * the upgrade that history is in the note store: nothing is republished, nothing waiting is lost, and
 * its own files (and the sync tool's cut-short copies of them) are still known as its own.
 */
const scratch = mkdtempSync(join(tmpdir(), 'margin-sync-legacy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('sync-legacy', () => {
  it('moves a format-1 device file into the store, publishing only what was waiting', async () => {
    const folder = join(scratch, 'folder');
    const dataDir = join(scratch, 'data');
    mkdirSync(folder);
    const key = await createSyncFolder(folder, 'an older passphrase');
    const deviceId = newDeviceId();
    const clock = createClock(deviceId);
    const store = openAnnotationStore({ dataDir });
    const record = sampleRecord(1);
    store.put(record);
    const published = changesForEdit(null, record, clock);
    let state = mergeChanges(emptySyncState(), published).state;
    const ownSegments: Record<string, string> = {};
    const first = writeOwnSegment(folder, key, deviceId, published, (segment) => {
      ownSegments[segment.name] = segment.digest;
    });
    if (!first.ok) throw new Error(first.message);
    const deviceDir = join(folder, 'margin', 'devices', deviceId);
    const bytes = readFileSync(join(deviceDir, first.name));
    writeFileSync(join(deviceDir, '0000000001 (conflicted copy).mseg'), bytes.subarray(0, bytes.length - 40));

    const edited = { ...record, note: 'Edited just before the upgrade' };
    store.put(edited);
    const waiting = changesForEdit(record, edited, clock, state.annotations[record.id]);
    state = mergeChanges(state, waiting).state;
    mkdirSync(join(dataDir, SYNC_DIR), { recursive: true });
    const legacy = {
      format: 1,
      deviceId,
      deviceName: 'Old desk',
      folder,
      stateFolder: folder,
      key: key.key.toString('base64'),
      clockLast: clock.last(),
      state,
      cursor: emptyCursor(),
      ownSegments,
      outbox: waiting,
      applying: [],
      unstored: [],
      lastSync: null,
      seen: {},
    };
    writeFileSync(join(dataDir, SYNC_DIR, DEVICE_FILE), JSON.stringify(legacy));

    const sync = createSyncService({
      dataDir,
      store,
      folder,
      onStoreChanged: () => undefined,
      intervalMs: 0,
    });
    await sync.syncNow();
    expect(sync.status().problems).toEqual([]);
    const rewritten = JSON.parse(readFileSync(join(dataDir, SYNC_DIR, DEVICE_FILE), 'utf8'));
    expect(rewritten).toMatchObject({ format: 2, deviceId, deviceName: 'Old desk', folder });
    expect(rewritten.state).toBeUndefined();

    // One new segment, holding only the waiting edit: the notes already published are not sent again.
    const segments = readdirSync(deviceDir).filter((name) => /^\d{10}\.mseg$/.test(name));
    expect(segments).toEqual(['0000000001.mseg', '0000000002.mseg']);
    const second = decodeSegment(key, readFileSync(join(deviceDir, segments[1]), 'utf8'), deviceId, 2);
    expect(second.changes).toEqual(waiting);

    const elsewhere = readSyncFolder(folder, key, {
      device: newDeviceId(),
      cursor: emptyCursor(),
      ownSegments: [],
    });
    expect(elsewhere.ok && elsewhere.changes.filter((change) => change.type === 'annotation')).toEqual(
      expect.arrayContaining([...published, ...waiting]),
    );
    await sync.close();
    store.close();
  });
});
