/**
 * What every bench child shares: read the job from argv, send one result back over IPC, and the
 * measurements made the same way for every engine (heap after gc, query latency, event-loop stalls).
 */
import { readFileSync } from 'node:fs';
import { QUERY_KINDS, type BenchQuery, type QueryKind } from '../bench-queries';
import { summarise, type LatencySummary } from '../stats';

export function runJob<Job>(handler: (job: Job) => Promise<unknown>): void {
  const job = JSON.parse(process.argv[2] ?? '{}') as Job;
  handler(job).then(
    (value) => process.send?.({ ok: true, value }, () => process.exit(0)),
    (error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.send?.({ ok: false, error: message }, () => process.exit(1));
    },
  );
}

export interface HeapReport {
  /** V8 heap in use after two full collections, MB. */
  heapUsedMb: number;
  /** ArrayBuffers (typed arrays, Buffers) outside the V8 heap, MB: a compact index may live there. */
  arrayBuffersMb: number;
  /** heapUsed + arrayBuffers: the memory the index really holds, MB. */
  totalMb: number;
  rssMb: number;
}

const MB = 1024 * 1024;

export function heapAfterGc(): HeapReport {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bench children must run with --expose-gc');
  gc();
  gc();
  const usage = process.memoryUsage();
  return {
    heapUsedMb: usage.heapUsed / MB,
    arrayBuffersMb: usage.arrayBuffers / MB,
    totalMb: (usage.heapUsed + usage.arrayBuffers) / MB,
    rssMb: usage.rss / MB,
  };
}

export interface QueryFile {
  warmup: BenchQuery[];
  measured: BenchQuery[];
}

export function readQueries(file: string): QueryFile {
  return JSON.parse(readFileSync(file, 'utf8')) as QueryFile;
}

export interface KindReport extends LatencySummary {
  /** Mean number of matching documents, to show the engines did comparable work. */
  meanHits: number;
  /** Queries the engine refused (Margin: status "invalid"; baselines: a thrown parse error). */
  refused: number;
}

/** Runs the warm-up set, then times every measured query; `run` returns the number of hits or -1. */
export async function measureQueries(
  queries: QueryFile,
  run: (query: BenchQuery) => number | Promise<number>,
): Promise<Record<QueryKind, KindReport>> {
  for (const query of queries.warmup) await run(query);
  const times = new Map<QueryKind, number[]>();
  const hits = new Map<QueryKind, number[]>();
  for (const query of queries.measured) {
    const start = performance.now();
    const count = await run(query);
    const took = performance.now() - start;
    (times.get(query.kind) ?? times.set(query.kind, []).get(query.kind)!).push(took);
    (hits.get(query.kind) ?? hits.set(query.kind, []).get(query.kind)!).push(count);
  }
  return kindReports(times, hits);
}

/** Per kind: the latencies' summary, mean hits and refusals (a hit count of -1). */
export function kindReports(
  times: ReadonlyMap<QueryKind, number[]>,
  hits: ReadonlyMap<QueryKind, number[]>,
): Record<QueryKind, KindReport> {
  const report = {} as Record<QueryKind, KindReport>;
  for (const kind of QUERY_KINDS) {
    const counts = hits.get(kind) ?? [];
    const answered = counts.filter((count) => count >= 0);
    report[kind] = {
      ...summarise(times.get(kind) ?? []),
      meanHits: answered.length === 0 ? 0 : answered.reduce((a, b) => a + b, 0) / answered.length,
      refused: counts.length - answered.length,
    };
  }
  return report;
}

export interface EventLoopReport {
  /** Longest stall of the event loop from process start until the watch stopped, ms. */
  maxStallMs: number;
  /** Longest stall that was still going on after the first second since process start, ms. */
  maxStallAfterFirstSecondMs: number;
  /** The longest stalls: when each began (ms since process start) and how long it lasted. */
  longest: Array<{ atMs: number; ms: number }>;
}

const TICK_MS = 5;

/**
 * Watches the event loop with a 5 ms timer: a gap between ticks beyond the timer's period is a stall,
 * a time the window could not have reacted. Stalls are kept with when they happened, because a stall
 * while the window is still being created matters less than one once the reader can click.
 */
export function watchEventLoop(): () => EventLoopReport {
  const stalls: Array<{ atMs: number; ms: number }> = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const stall = now - last - TICK_MS;
    if (stall > TICK_MS) stalls.push({ atMs: last, ms: stall });
    last = now;
  }, TICK_MS);
  return () => {
    clearInterval(timer);
    const now = performance.now();
    const tail = now - last - TICK_MS;
    if (tail > TICK_MS) stalls.push({ atMs: last, ms: tail });
    const afterFirstSecond = stalls.filter((stall) => stall.atMs + stall.ms > 1000);
    return {
      maxStallMs: Math.max(0, ...stalls.map((stall) => stall.ms)),
      maxStallAfterFirstSecondMs: Math.max(0, ...afterFirstSecond.map((stall) => stall.ms)),
      longest: [...stalls].sort((a, b) => b.ms - a.ms).slice(0, 5),
    };
  };
}
