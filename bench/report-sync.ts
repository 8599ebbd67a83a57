/** RESULTS.md's sync section and issue 12's sync goals, from the sync bench (bench/sync-bench.ts). */
import type { BenchResults } from './bench-results';
import { ms } from './format';
import { atMostGoal, type GoalCheck } from './goal-check';

const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;

export function syncGoals(results: BenchResults): GoalCheck[] {
  const sync = results.sync ?? undefined;
  const incremental = sync && Math.max(sync.incrementalPublishMs, sync.incrementalMergeMs);
  const stall = sync && Math.max(sync.mergeStallMs, sync.incrementalStallMs);
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
      'Sync: longest hold of the main process’s event loop',
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
      `(${percent(sync.incrementalCryptoShare)}). Longest hold of the event loop (a 1 ms timer's longest gap): ` +
      `${ms(sync.mergeStallMs)} ms during the merge, ${ms(sync.incrementalStallMs)} ms during the incremental one. ` +
      'Sync runs in the main process, never on the window’s thread; the merge goes in slices of about 20 ms of work, each one transaction.',
    '',
  ];
}
