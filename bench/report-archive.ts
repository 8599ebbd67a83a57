/**
 * Issue 11's goals at archive scale (100,000 articles), checked on the largest search size of the run
 * that reaches it, and the goal that holds at every size: the work of `search()` beyond the index.
 */
import { QUERY_KINDS, type QueryKind } from './bench-queries';
import type { BenchResults } from './bench-results';
import { ms } from './format';
import { atMostGoal, type GoalCheck } from './goal-check';
import type { SizeResult } from './search-bench';

export const ARCHIVE_SIZE = 100_000;
export const ARCHIVE_FIRST_ANSWER_MS = 500;
export const ARCHIVE_READY_MS = 1_500;
export const ARCHIVE_MEMORY_MB = 250;
export const ARCHIVE_QUERY_P95_MS = 16;
export const ARCHIVE_QUERY_P99_MS = 50;
export const ARCHIVE_CONTENT_BUILD_MS = 10 * 60_000;
/** A rebuild of the bundle after one article changes. */
export const ARCHIVE_REBUILD_S = 10;
/** 1,000 highlights painted (issue 11 halves issue 6's one frame). */
export const HIGHLIGHTS_PAINT_MS = 8;
/** Passages and snippets (the work beyond the index), p95, every kind, every size. */
export const BEYOND_INDEX_P95_MS = 1;

/** The kind with the highest value of `pick`, and that value. */
function worst(
  report: Partial<Record<QueryKind, { p95: number; p99: number }>> | undefined,
  pick: 'p95' | 'p99',
): { kind: QueryKind; value: number } | undefined {
  if (!report) return undefined;
  let found: { kind: QueryKind; value: number } | undefined;
  for (const kind of QUERY_KINDS) {
    const value = report[kind]?.[pick];
    if (value !== undefined && (found === undefined || value > found.value)) found = { kind, value };
  }
  return found;
}

function archiveSize(results: BenchResults): SizeResult | undefined {
  return results.sizes.filter((size) => size.size >= ARCHIVE_SIZE).sort((a, b) => b.size - a.size)[0];
}

/** The rebuild after one changed article, from the rebuild part at the archive size. */
function rebuildGoal(results: BenchResults, at: string): GoalCheck {
  const entry = (results.rebuild ?? []).find((rebuild) => rebuild.size >= ARCHIVE_SIZE);
  const seconds = entry === undefined ? undefined : entry.oneChangedMs.median / 1000;
  return atMostGoal(
    `Archive ${at}: rebuild after one article changes`,
    seconds,
    ARCHIVE_REBUILD_S,
    seconds === undefined ? '—' : `${seconds.toFixed(1)} s`,
    `≤ ${ARCHIVE_REBUILD_S} s`,
    's',
  );
}

export function archiveGoals(results: BenchResults): GoalCheck[] {
  const size = archiveSize(results);
  const at = `(${(size?.size ?? ARCHIVE_SIZE).toLocaleString('en')} articles)`;
  const start = size?.startup.margin;
  const worker = size?.queries.marginWorker;
  const p95 = worst(worker, 'p95');
  const p99 = worst(worker, 'p99');
  const memory = size?.load.margin?.memoryMb.median;
  const build = size?.contentBuildMs?.median;
  const renderer = results.renderer?.measured ? results.renderer : null;
  const paint = renderer?.paintMs ?? null;
  // The goal is held against the highlights on screen; every one painted is shown beside it.
  const allPainted =
    renderer?.allPaintedMs === undefined ? '' : ` (all ${ms(renderer.allPaintedMs)} ms, idle waits included)`;
  const checks: GoalCheck[] = [
    atMostGoal(
      `Archive ${at}: first answer (titles, authors, headings) after process start`,
      start?.firstAnswerMs.median,
      ARCHIVE_FIRST_ANSWER_MS,
      `${ms(start?.firstAnswerMs.median)} ms`,
      `≤ ${ms(ARCHIVE_FIRST_ANSWER_MS)} ms`,
      'ms',
    ),
    atMostGoal(
      `Archive ${at}: full search ready after process start`,
      start?.readyMs.median,
      ARCHIVE_READY_MS,
      `${ms(start?.readyMs.median)} ms`,
      `≤ ${ms(ARCHIVE_READY_MS)} ms`,
      'ms',
    ),
    atMostGoal(
      `Archive ${at}: window usable at once (longest main-thread stall while loading)`,
      start?.maxStallMs.median,
      50,
      `${ms(start?.maxStallMs.median)} ms`,
      '≤ 50 ms',
      'ms',
    ),
    atMostGoal(
      `Archive ${at}: memory after load (V8 heap + ArrayBuffers)`,
      memory,
      ARCHIVE_MEMORY_MB,
      `${ms(memory)} MB`,
      `≤ ${ARCHIVE_MEMORY_MB} MB`,
      'MB',
    ),
    atMostGoal(
      `Archive ${at}: query p95 through the worker, every kind`,
      p95?.value,
      ARCHIVE_QUERY_P95_MS,
      p95 ? `worst ${ms(p95.value)} ms (${p95.kind})` : '—',
      `≤ ${ARCHIVE_QUERY_P95_MS} ms`,
      'ms',
    ),
    atMostGoal(
      `Archive ${at}: query p99 through the worker, every kind`,
      p99?.value,
      ARCHIVE_QUERY_P99_MS,
      p99 ? `worst ${ms(p99.value)} ms (${p99.kind})` : '—',
      `≤ ${ARCHIVE_QUERY_P99_MS} ms`,
      'ms',
    ),
    atMostGoal(
      `Archive ${at}: content build (parse, documents, index)`,
      build === undefined ? undefined : build / 60_000,
      ARCHIVE_CONTENT_BUILD_MS / 60_000,
      build === undefined ? '—' : `${(build / 60_000).toFixed(1)} min`,
      '≤ 10 min',
      'min',
    ),
    rebuildGoal(results, at),
    atMostGoal(
      '1,000 highlights painted (issue 11: on-screen ranges first, the rest when idle): those on screen',
      paint ?? undefined,
      HIGHLIGHTS_PAINT_MS,
      `${ms(paint ?? undefined)} ms${allPainted}`,
      `≤ ${HIGHLIGHTS_PAINT_MS} ms`,
      'ms',
    ),
  ];
  // Passages and snippets: the work of search() beyond the index, at every size measured.
  for (const result of [...results.sizes].sort((a, b) => a.size - b.size)) {
    if (!result.stages) continue;
    const stages = result.stages;
    const beyond = worst(
      Object.fromEntries(
        QUERY_KINDS.map((kind) => [kind, { p95: stages[kind].passages.p95, p99: stages[kind].passages.p99 }]),
      ),
      'p95',
    );
    checks.push(
      atMostGoal(
        `search() beyond the index (${result.size.toLocaleString('en')} articles): passages and snippets p95, every kind`,
        beyond?.value,
        BEYOND_INDEX_P95_MS,
        beyond ? `worst ${ms(beyond.value)} ms (${beyond.kind})` : '—',
        `≤ ${BEYOND_INDEX_P95_MS} ms`,
        'ms',
      ),
    );
  }
  return checks;
}
