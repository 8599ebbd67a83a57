/**
 * What every bench child shares: read the job from argv, send one result back over IPC, and the
 * measurements made the same way for every engine (heap after gc, query latency, event-loop stalls).
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
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

/** Watches the event loop: the longest stall is how long the window could not have reacted. */
export function watchEventLoop(): () => { maxStallMs: number; p99StallMs: number } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return () => {
    histogram.disable();
    return { maxStallMs: histogram.max / 1e6, p99StallMs: histogram.percentile(99) / 1e6 };
  };
}
