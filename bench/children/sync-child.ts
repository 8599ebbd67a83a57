/**
 * Child process for the sync benchmark: two devices, each a note store and a sync service on real disk
 * (under bench/.work), one sync folder between them. Measures, per repeat on fresh folders:
 * - baseline: the plain store writing the same records in one transaction (no sync at all);
 * - publish: device A's pass that takes 10,000 new notes and writes them as segments;
 * - merge: device B's pass that reads them and merges them into its empty store;
 * - incremental: 10 notes edited on A, A's background pass, then B's;
 * - crypto: sealing and opening the same lines alone, to give encryption's share of the sync time;
 * - and how long each pass held the event loop (loop-hold-probe.ts).
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Annotation } from '../../main/api';
import { openAnnotationStore } from '../../main/annotations/store/annotation-store';
import type { AnnotationStore } from '../../main/annotations/store/annotation-store';
import { createClock, newDeviceId } from '../../main/sync/hlc';
import { changesForEdit } from '../../main/sync/sync-annotation';
import type { Change } from '../../main/sync/sync-changes';
import { openSealed, sealText } from '../../main/sync/sync-key';
import type { FolderKey } from '../../main/sync/sync-key';
import { CHANGES_PER_LINE } from '../../main/sync/sync-segment';
import { createSyncService } from '../../main/sync/sync-service';
import type { SyncService } from '../../main/sync/sync-service';
import { makeHighlights } from '../annotation-fixtures';
import { withLoopHoldProbe } from '../loop-hold-probe';
import type { LoopHold } from '../loop-hold-probe';
import { Random } from '../prng';
import { runJob } from './child-job';

export interface SyncJob {
  workDir: string;
  records: number;
  incremental: number;
  repeats: number;
  seed: string;
}

export interface SyncRun {
  baselineMs: number;
  /** A's pass: 10,000 new notes taken in and written as segments. */
  publishMs: number;
  /** B's pass: the same read and merged into an empty store. */
  mergeMs: number;
  /** The longest the event loop was held during B's merge: the timer's gap (waiting for a core included). */
  mergeStallMs: number;
  incrementalPublishMs: number;
  incrementalMergeMs: number;
  incrementalStallMs: number;
  /** How A's publish, B's merge and the two incremental passes held the loop (loop-hold-probe.ts). */
  publishHold: LoopHold;
  mergeHold: LoopHold;
  incrementalHold: LoopHold;
  /** Sealing and opening the lines of the 10,000 notes' changes, alone. */
  cryptoMs: number;
  incrementalCryptoMs: number;
}

const PASSPHRASE = 'bench passphrase for sync';

/** A prose-like text to place highlights on (only its word boundaries matter). */
function sampleText(seed: string): string {
  const random = new Random(`${seed}:sync-text`);
  const words = 'the corridor security investment port provinces trade agreement talks army'.split(' ');
  const paragraphs = Array.from({ length: 400 }, () =>
    Array.from({ length: 80 }, () => random.pick(words)).join(' '),
  );
  return paragraphs.join('\n\n');
}

/** Seals and opens `changes` as a segment's lines would be: encryption's own cost, nothing else. */
function cryptoCost(key: FolderKey, changes: readonly Change[]): number {
  const lines: string[] = [];
  for (let start = 0; start < changes.length; start += CHANGES_PER_LINE)
    lines.push(JSON.stringify(changes.slice(start, start + CHANGES_PER_LINE)));
  const began = performance.now();
  lines.forEach((line, index) => {
    const place = `margin-sync/1/0123456789abcdef/1/${index + 1}`;
    if (openSealed(key, place, sealText(key, place, line)) === null) throw new Error('a line did not open');
  });
  return performance.now() - began;
}

interface Device {
  store: AnnotationStore;
  sync: SyncService;
}

function openDevice(dataDir: string, folder: string): Device {
  const store = openAnnotationStore({ dataDir });
  const sync = createSyncService({
    dataDir,
    store,
    folder,
    onStoreChanged: () => undefined,
    intervalMs: 0,
    debounceMs: 0,
  });
  return { store, sync };
}

async function closeDevice(device: Device): Promise<void> {
  await device.sync.close();
  device.store.close();
}

async function oneRun(job: SyncJob, records: Annotation[], run: number): Promise<SyncRun> {
  const root = path.join(job.workDir, `run-${run}`);
  rmSync(root, { recursive: true, force: true });
  const folder = path.join(root, 'folder');
  mkdirSync(folder, { recursive: true });

  const baselineStore = openAnnotationStore({ dataDir: path.join(root, 'baseline') });
  const began = performance.now();
  baselineStore.putAll(records);
  const baselineMs = performance.now() - began;
  baselineStore.close();

  const a = openDevice(path.join(root, 'a'), folder);
  await a.sync.setUp({ passphrase: PASSPHRASE, deviceName: 'A' });
  const b = openDevice(path.join(root, 'b'), folder);
  await b.sync.setUp({ passphrase: PASSPHRASE, deviceName: 'B' });
  a.store.putAll(records);
  const publish = await withLoopHoldProbe(() => a.sync.syncNow());
  const merge = await withLoopHoldProbe(() => b.sync.syncNow());
  if (b.store.list().length !== records.length)
    throw new Error(`B holds ${b.store.list().length} notes, not ${records.length}`);

  const edited = records
    .slice(0, job.incremental)
    .map((record, n) => ({ ...record, note: `edited in run ${run}, note ${n}` }));
  // The background passes, as after an edit in the app: only the records said to have changed are
  // compared (A), and an idle device only reads what is new in the folder (B).
  a.store.putAll(edited);
  // (The probe's timer also keeps this process alive while the unref'd debounce timer waits.)
  const incrementalPublish = await withLoopHoldProbe(async () => {
    a.sync.localChange(edited.map((record) => record.id));
    await a.sync.settled();
  });
  const incremental = await withLoopHoldProbe(async () => {
    b.sync.localChange([]);
    await b.sync.settled();
  });
  if (b.store.get(edited[0].id)?.note !== edited[0].note) throw new Error('the edit did not arrive');

  // Encryption's share: the same changes as the two syncs carried, sealed and opened alone.
  const clock = createClock(newDeviceId());
  const all = records.flatMap((record) => changesForEdit(null, record, clock));
  const tens = edited.flatMap((record, n) => changesForEdit(records[n], record, clock));
  const key: FolderKey = { key: Buffer.alloc(32, 7) };
  const cryptoMs = cryptoCost(key, all);
  const incrementalCryptoMs = cryptoCost(key, tens);

  await closeDevice(a);
  await closeDevice(b);
  rmSync(root, { recursive: true, force: true });
  return {
    baselineMs,
    publishMs: publish.ms,
    mergeMs: merge.ms,
    mergeStallMs: merge.hold.gapMs,
    incrementalPublishMs: incrementalPublish.ms,
    incrementalMergeMs: incremental.ms,
    incrementalStallMs: Math.max(incremental.hold.gapMs, incrementalPublish.hold.gapMs),
    publishHold: publish.hold,
    mergeHold: merge.hold,
    incrementalHold: [incremental.hold, incrementalPublish.hold].reduce((a, b) =>
      b.ownMs > a.ownMs ? b : a,
    ),
    cryptoMs,
    incrementalCryptoMs,
  };
}

runJob<SyncJob>(async (job) => {
  const records = makeHighlights('sync-bench-doc', sampleText(job.seed), job.records, job.seed);
  const runs: SyncRun[] = [];
  for (let run = 0; run < job.repeats; run += 1) runs.push(await oneRun(job, records, run));
  return runs;
});
