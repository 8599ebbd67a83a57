import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../../bench/bench-results';
import type { RebuildResult } from '../../bench/rebuild-bench';
import { archiveGoals } from '../../bench/report-archive';
import { rebuildSection } from '../../bench/report-rebuild';

function rebuilt(size: number, oneChangedMs: number[]): RebuildResult {
  const median = [...oneChangedMs].sort((a, b) => a - b)[Math.floor(oneChangedMs.length / 2)] as number;
  return {
    size,
    measuredAt: '2026-12-02T04:43:59.000Z',
    fullBuildMs: { runs: [600_000], median: 600_000 },
    fullBuildFrom: 'this part',
    noChangeMs: { runs: [900, 1100, 1000], median: 1000 },
    oneChangedMs: { runs: oneChangedMs, median },
    outcomes: oneChangedMs.map(() => ({ kind: 'rebuilt', changed: 1 })),
  };
}

function results(rebuild: RebuildResult[]): BenchResults {
  return {
    machine: { cpu: 'test', cores: 2, memoryGb: 8, platform: 'linux', node: '24', date: '2026-12-02' },
    command: 'npm run bench -- --parts rebuild',
    loadAverages: [1],
    sizes: [],
    store: null,
    anchoring: null,
    renderer: null,
    rebuild,
  };
}

const rebuildRow = (checks: ReturnType<typeof archiveGoals>) =>
  checks.find((check) => check.goal.includes('rebuild after one article changes'));

describe('rebuild report', () => {
  it('checks the archive goal against the one-changed median at 100,000 articles, met or missed by how much', () => {
    expect(rebuildRow(archiveGoals(results([rebuilt(100_000, [8000, 9500, 7000])])))).toMatchObject({
      margin: '8.0 s',
      target: '≤ 10 s',
      status: { met: true, text: 'met' },
    });
    expect(rebuildRow(archiveGoals(results([rebuilt(100_000, [30_000, 25_000, 40_000])])))).toMatchObject({
      margin: '30.0 s',
      status: { met: false, text: 'missed by 20 s (3.00× the target)' },
    });
  });

  it('leaves the archive goal unmeasured when only smaller sizes ran, and tables every size with its ratio', () => {
    const only = results([rebuilt(10_000, [2000, 3000, 2500]), rebuilt(1_000, [500, 400, 600])]);
    expect(rebuildRow(archiveGoals(only))?.status).toEqual({ met: null, text: 'not yet measured' });
    const table = rebuildSection(only).filter((line) => /^\| [\d,]+ \|/.test(line));
    expect(table).toEqual([
      '| 1,000 | 600.0 s | 1.00 s | 0.50 s | 1200.00× | 3 |',
      '| 10,000 | 600.0 s | 1.00 s | 2.50 s | 240.00× | 3 |',
    ]);
  });
});
