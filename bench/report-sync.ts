/** RESULTS.md's sync section and issue 12's sync goals, from the sync bench (bench/sync-bench.ts). */
import type { BenchResults } from './bench-results';
import type { LoopHold } from './loop-hold-probe';
import type { SyncResult } from './sync-bench';
import { ms } from './format';
import { atMostGoal, type GoalCheck } from './goal-check';

const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;

/** The pass whose own work held the loop longest, and the figures of that hold. */
function longestOwnHold(sync: SyncResult): { pass: string; hold: LoopHold } | undefined {
  const holds: Array<{ pass: string; hold: LoopHold | undefined }> = [
    { pass: 'A’s publish', hold: sync.publishHold },
    { pass: 'B’s merge', hold: sync.mergeHold },
    { pass: 'an incremental pass', hold: sync.incrementalHold },
  ];
  return holds
    .flatMap(({ pass, hold }) => (hold === undefined ? [] : [{ pass, hold }]))
    .reduce<{ pass: string; hold: LoopHold } | undefined>(
      (a, b) => (a === undefined || b.hold.ownMs > a.hold.ownMs ? b : a),
      undefined,
    );
}

/** The sentence on holding the loop: own work first (the goal's figure), the timer's gaps beside it. */
function holdSentence(sync: SyncResult): string {
  const timer =
    `a 1 ms timer's longest gap, waiting for a core included: ${ms(sync.mergeStallMs)} ms during the merge, ` +
    `${ms(sync.incrementalStallMs)} ms during the incremental one`;
  const own = longestOwnHold(sync);
  if (own === undefined) return `Longest hold of the event loop (${timer}).`;
  const { hold, pass } = own;
  const publishGap =
    sync.publishHold === undefined ? '' : `, ${ms(sync.publishHold.gapMs)} ms during the publish`;
  const holds = [sync.publishHold, sync.mergeHold, sync.incrementalHold];
  const blocked = holds.reduce<LoopHold | undefined>(
    (a, b) => (b?.blockedMs == null || (a?.blockedMs ?? -1) >= b.blockedMs ? a : b),
    undefined,
  );
  const withWaits =
    blocked?.blockedMs == null
      ? ''
      : ` Counting the waits the thread chose too (a timer gap less its wait for a core, by Linux schedstat): ` +
        `${ms(blocked.blockedMs)} ms, ${ms(blocked.blockedCpuMs)} ms of it CPU and the rest blocked, mostly on ` +
        'synchronous disk writes (fsync: segment files, the store’s durable commits) on a disk the other work on this machine shares.';
  return (
    `Longest hold of the event loop by sync’s own work: ${ms(hold.ownMs)} ms of the main thread’s CPU ` +
    `(process.threadCpuUsage) within one gap of a 1 ms timer, in ${pass}, the slowest of the repeats: the goal’s figure. ` +
    `Beside it, ${timer}${publishGap}.${withWaits}`
  );
}

export function syncGoals(results: BenchResults): GoalCheck[] {
  const sync = results.sync ?? undefined;
  const incremental = sync && Math.max(sync.incrementalPublishMs, sync.incrementalMergeMs);
  // Own work where the bench measured it; the timer's gap in older results.
  const stall =
    sync && (longestOwnHold(sync)?.hold.ownMs ?? Math.max(sync.mergeStallMs, sync.incrementalStallMs));
  const share = sync && Math.max(sync.cryptoShare, sync.incrementalCryptoShare);
  return [
    atMostGoal(
      'Sync: 10,000 notes from another device merged into an empty store',
      sync?.mergeMs,
      2000,
      `${ms(sync?.mergeMs)} ms`,
      '< 2 s',
    ),
    atMostGoal(
      'Sync: incremental sync of 10 changes (each side)',
      incremental,
      50,
      `${ms(incremental)} ms`,
      '< 50 ms',
    ),
    atMostGoal(
      'Sync: encryption’s share of the sync time',
      share,
      0.2,
      share === undefined ? '—' : percent(share),
      '< 20 %',
    ),
    atMostGoal(
      'Sync: longest hold of the main process’s event loop (its own work)',
      stall,
      50,
      `${ms(stall)} ms`,
      '≤ 50 ms',
    ),
  ];
}

export function syncSection(results: BenchResults): string[] {
  const sync = results.sync;
  if (!sync) return ['## Sync', '', 'Sync: not yet measured.', ''];
  const n = sync.records.toLocaleString('en');
  return [
    '## Sync',
    '',
    `Two devices on real disk (note store and sync service each, one sync folder), medians of ${sync.repeats} runs on fresh folders. ` +
      `Baseline in the same run: the plain store writing the same ${n} records in one transaction, no sync: ${ms(sync.baselineMs)} ms.`,
    '',
    '| step | median | against the baseline |',
    '|---|---:|---:|',
    `| publish ${n} new notes (device A's pass: compare, outbox, segments) | ${ms(sync.publishMs)} ms | ${(sync.publishMs / sync.baselineMs).toFixed(2)}× |`,
    `| merge ${n} notes into an empty store (device B's pass) | ${ms(sync.mergeMs)} ms | ${(sync.mergeMs / sync.baselineMs).toFixed(2)}× |`,
    `| incremental: ${sync.incremental} edits, A's background pass | ${ms(sync.incrementalPublishMs)} ms | |`,
    `| incremental: B's background pass reads and merges them | ${ms(sync.incrementalMergeMs)} ms | |`,
    '',
    `Encryption alone (sealing and opening the same lines with AES-256-GCM): ${ms(sync.cryptoMs)} ms for the ${n} notes ` +
      `(${percent(sync.cryptoShare)} of publish + merge), ${ms(sync.incrementalCryptoMs)} ms for the ${sync.incremental} changes ` +
      `(${percent(sync.incrementalCryptoShare)}). ${holdSentence(sync)} ` +
      'Sync runs in the main process, never on the window’s thread; a pass goes in slices of about 10 ms of the thread’s CPU, each one transaction, and publishes its outbox a segment at a time.',
    '',
  ];
}
