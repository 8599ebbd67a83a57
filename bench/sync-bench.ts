/**
 * The sync benchmark (issue 12's goals), in a fresh child: 10,000 notes from another device merged into
 * an empty store, an incremental sync of 10 changes, encryption's share of the sync time, and the
 * longest the event loop is held meanwhile (by the passes' own work, and as a timer sees it). Medians over the repeats; the baseline is the plain store
 * writing the same 10,000 records in one transaction in the same run, so a busy machine shows in both.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { SyncJob, SyncRun } from './children/sync-child';
import { bundleScript, runChild, WORK_ROOT } from './child-process';
import type { LoopHold } from './loop-hold-probe';
import { median } from './stats';

type HoldName = 'publishHold' | 'mergeHold' | 'incrementalHold';

/** The medians of the child's runs (SyncRun), the slowest repeat's holds of the loop, and what they are of. */
export interface SyncResult extends Omit<SyncRun, HoldName>, Partial<Pick<SyncRun, HoldName>> {
  records: number;
  incremental: number;
  repeats: number;
  /** cryptoMs / (publishMs + mergeMs). */
  cryptoShare: number;
  incrementalCryptoShare: number;
}

export async function runSyncBench(
  seed: string,
  quick: boolean,
  log: (line: string) => void,
): Promise<SyncResult> {
  const script = await bundleScript(path.join(__dirname, 'children/sync-child.ts'), 'sync-child');
  const workDir = path.join(WORK_ROOT, 'sync');
  const job: SyncJob = { workDir, records: 10_000, incremental: 10, repeats: quick ? 1 : 3, seed };
  log(
    `[sync] ${job.records.toLocaleString('en')} notes merged, then ${job.incremental} changes, ${job.repeats}×`,
  );
  const runs = await runChild<SyncRun[]>(script, job);
  await rm(workDir, { recursive: true, force: true });
  const mid = (pick: (run: SyncRun) => number): number => median(runs.map(pick));
  const longest = (pick: (run: SyncRun) => LoopHold): LoopHold =>
    runs.map(pick).reduce((a, b) => (b.ownMs > a.ownMs ? b : a));
  const publishMs = mid((run) => run.publishMs);
  const mergeMs = mid((run) => run.mergeMs);
  const incrementalPublishMs = mid((run) => run.incrementalPublishMs);
  const incrementalMergeMs = mid((run) => run.incrementalMergeMs);
  const cryptoMs = mid((run) => run.cryptoMs);
  const incrementalCryptoMs = mid((run) => run.incrementalCryptoMs);
  return {
    records: job.records,
    incremental: job.incremental,
    repeats: job.repeats,
    baselineMs: mid((run) => run.baselineMs),
    publishMs,
    mergeMs,
    mergeStallMs: Math.max(...runs.map((run) => run.mergeStallMs)),
    incrementalPublishMs,
    incrementalMergeMs,
    incrementalStallMs: Math.max(...runs.map((run) => run.incrementalStallMs)),
    publishHold: longest((run) => run.publishHold),
    mergeHold: longest((run) => run.mergeHold),
    incrementalHold: longest((run) => run.incrementalHold),
    cryptoMs,
    incrementalCryptoMs,
    cryptoShare: cryptoMs / (publishMs + mergeMs),
    incrementalCryptoShare: incrementalCryptoMs / (incrementalPublishMs + incrementalMergeMs),
  };
}
