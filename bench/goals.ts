/**
 * The issue's goals at 10,000 articles, checked against a run: met, or missed by how much. When the run
 * did not include 10,000 articles the checklist says which size it used instead.
 */
import { QUERY_KINDS } from './bench-queries';
import { mb, ms } from './format';
import type { BenchResults } from './bench-results';
import { atMostGoal, type GoalCheck, type Status } from './goal-check';
import { syncGoals } from './report-sync';
import { archiveGoals } from './report-archive';
import { typingAndLibraryGoals } from './report-typing-library';

/** The main thread counts as usable while no stall is longer than this (RAIL: answer input within 50 ms). */
export const USABLE_STALL_MS = 50;

function compare(value: number | null | undefined, limit: number | null | undefined, unit: string): Status {
  if (value == null || limit == null || !Number.isFinite(value) || !Number.isFinite(limit)) {
    return { met: null, text: 'not yet measured' };
  }
  if (value <= limit) return { met: true, text: 'met' };
  const over = value - limit;
  return {
    met: false,
    text: `missed by ${ms(over)} ${unit} (${(value / limit).toFixed(2)}× the target)`,
  };
}

function fmt(value: number | null | undefined, unit: string): string {
  return value == null || !Number.isFinite(value) ? '—' : `${ms(value)} ${unit}`;
}

export function checkGoals(results: BenchResults): { size: number | null; checks: GoalCheck[] } {
  // Issue 6's goals are set at 10,000 articles: checked there when measured (archive sizes have their own).
  const searchSizes = [...results.sizes].sort((a, b) => b.size - a.size);
  const size = searchSizes.find((entry) => entry.size <= 10_000) ?? searchSizes[0] ?? null;
  const checks: GoalCheck[] = [];
  const { startup, load, queries, disk } = size ?? { startup: {}, load: {}, queries: {}, disk: null };

  const ready = startup.margin?.readyMs.median;
  const miniReady = startup.minisearch?.readyMs.median;
  checks.push({
    goal: "Search ready ≤ MiniSearch's load time (both: process start → index answers)",
    margin: fmt(ready, 'ms'),
    target: `≤ ${fmt(miniReady, 'ms')}`,
    status: compare(ready, miniReady, 'ms'),
  });
  const stall = startup.margin?.maxStallMs.median;
  const lateStall = startup.margin?.maxStallAfterFirstSecondMs.median;
  const first = startup.margin?.firstAnswerMs.median;
  const usable = compare(lateStall, USABLE_STALL_MS, 'ms');
  checks.push({
    goal: `Window usable from the first second (no main-thread stall over ${USABLE_STALL_MS} ms after 1 s; first answer ≤ 1 s)`,
    margin: `stall after 1 s ${fmt(lateStall, 'ms')} (longest overall ${fmt(stall, 'ms')}), first answer ${fmt(first, 'ms')}`,
    target: `≤ ${USABLE_STALL_MS} ms, ≤ 1,000 ms`,
    status: usable.met === true && first != null && first > 1000 ? compare(first, 1000, 'ms') : usable,
  });

  for (const kind of QUERY_KINDS) {
    const m = queries.margin?.[kind]?.p95;
    const s = queries.minisearch?.[kind]?.p95;
    checks.push({
      goal: `Query p95 ≤ MiniSearch's: ${kind}`,
      margin: fmt(m, 'ms'),
      target: `≤ ${fmt(s, 'ms')}`,
      status: compare(m, s, 'ms'),
    });
  }
  const worstP99 = queries.margin
    ? Math.max(...QUERY_KINDS.map((kind) => queries.margin?.[kind]?.p99 ?? Number.NaN))
    : null;
  const worstKind = queries.margin
    ? QUERY_KINDS.reduce((a, b) =>
        (queries.margin?.[a]?.p99 ?? 0) >= (queries.margin?.[b]?.p99 ?? 0) ? a : b,
      )
    : '';
  checks.push({
    goal: 'Query p99 < 50 ms, every kind',
    margin: worstP99 == null ? '—' : `worst ${fmt(worstP99, 'ms')} (${worstKind})`,
    target: '< 50 ms',
    status: compare(worstP99, 50, 'ms'),
  });

  const memory = load.margin?.memoryMb.median;
  const lunrMemory = load.lunr?.memoryMb.median;
  checks.push({
    goal: "Memory after load ≤ 0.5× plain Lunr's (V8 heap + ArrayBuffers)",
    margin: fmt(memory, 'MB'),
    target: `≤ ${fmt(lunrMemory == null ? null : lunrMemory / 2, 'MB')}`,
    status: compare(memory, lunrMemory == null ? null : lunrMemory / 2, 'MB'),
  });
  const toMb = (bytes: number | null | undefined) => (bytes == null ? null : bytes / 1024 / 1024);
  const lunrHalf = toMb(disk?.lunr?.raw == null ? null : disk.lunr.raw / 2);
  const fileNames = Object.keys(disk?.marginIndexFiles ?? {}).sort();
  checks.push({
    goal: `Index on disk ≤ 0.5× plain Lunr's: every file of Margin's search folder (${fileNames.map((name) => `\`${name}\``).join(', ')})`,
    margin: fmt(toMb(disk?.marginIndex?.raw), 'MB'),
    target: `≤ ${fmt(lunrHalf, 'MB')}`,
    status: compare(toMb(disk?.marginIndex?.raw), lunrHalf, 'MB'),
  });

  const bundleBytes = disk?.marginBundle?.raw;
  const sourceBytes = size?.corpus.bytes;
  checks.push(
    atMostGoal(
      'Content bundle (library, documents and search files) ≤ the source text it is built from',
      bundleBytes === undefined || sourceBytes === undefined ? undefined : bundleBytes / 1024 / 1024,
      (sourceBytes ?? 0) / 1024 / 1024,
      bundleBytes === undefined ? '—' : `${mb(bundleBytes)} MB`,
      sourceBytes === undefined ? '—' : `≤ ${mb(sourceBytes)} MB`,
      'MB',
    ),
  );

  const paint = results.renderer?.measured ? results.renderer.paintMs : null;
  checks.push({
    // The frame that opens the document: since issue 11, the highlights on screen (the rest in idle time).
    goal: '1,000 highlights painted within one frame (the frame that shows the document: those on screen)',
    margin: fmt(paint, 'ms'),
    target: '≤ 16 ms',
    status: compare(paint, 16, 'ms'),
  });
  const anchoring = results.anchoring?.coldMs;
  checks.push({
    goal: '1,000 annotations re-anchored after an edit',
    margin: fmt(anchoring, 'ms'),
    target: '< 200 ms',
    status: compare(anchoring, 200, 'ms'),
  });
  checks.push(...archiveGoals(results));
  checks.push(...typingAndLibraryGoals(results));
  checks.push(...syncGoals(results));
  const save = results.store?.save.p95;
  checks.push({
    goal: 'Note save p95 (synchronous=FULL)',
    margin: fmt(save, 'ms'),
    target: '< 10 ms',
    status: compare(save, 10, 'ms'),
  });
  return { size: size?.size ?? null, checks };
}

export function goalRows(results: BenchResults): string[] {
  const { size, checks } = checkGoals(results);
  const where =
    size === null
      ? 'No search size was measured in this run.'
      : size >= 10_000
        ? `Search goals (issue 6) are checked at ${size.toLocaleString('en')} articles; the archive, typing and library rows (issue 11) and sync (issue 12) at the sizes they name.`
        : `This run stopped at ${size.toLocaleString('en')} articles, so the search goals below are checked there, not at 10,000.`;
  const mark = (status: Status) =>
    status.met === true ? '✅ met' : status.met === false ? `❌ ${status.text}` : '⏳ not yet measured';
  return [
    '## Goals and where Margin stands',
    '',
    where,
    '',
    '| goal | Margin | target | status |',
    '|---|---:|---:|---|',
    ...checks.map((check) => `| ${check.goal} | ${check.margin} | ${check.target} | ${mark(check.status)} |`),
  ];
}
