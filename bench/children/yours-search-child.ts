/**
 * Child process for the bundled + yours part: either start the body stage with the reader's library
 * beside it (as the body search worker does) and time it until a search over their documents answers,
 * or load the bundled stage alone and the bundled + yours stages, and time the same queries on both,
 * one after the other, in alternating order.
 */
import { marginQueryText, type BenchQuery, type QueryKind } from '../bench-queries';
import { loadSearchStages } from '../../main/search/service/search-loading';
import { parseQuery } from '../../main/search/query/query-language';
import { mergedCandidates, runSearchOver } from '../../main/search/service/search-engine';
import { BodyWithYours } from '../../main/search/service/user-search-index';
import { GROUP_STEPS } from '../../main/shared/search-steps';
import { kindReports, readQueries, runJob, type KindReport } from './child-job';

interface Library {
  bundleDir: string;
  libraryDir: string;
  live: string[];
}

export type YoursSearchJob =
  ({ task: 'start'; probe: string } & Library) | ({ task: 'queries'; queriesFile: string } & Library);

export interface YoursStart {
  /** The bundled body stage read, ms. */
  bodyMs: number;
  /** Your documents' stages ready to search (BodyWithYours made), ms after the body stage. */
  yoursMs: number;
  /** The first search for a word only your documents hold, ms. */
  firstSearchMs: number;
  /** Documents of yours that search found (1 or more, or the start did not work). */
  probeHits: number;
  /** The rest of the readying the worker does while idle (the body's and your term automata), ms. */
  prepareMs: number;
  /** The body stage's term automaton was left to prepareMs, as the worker does (absent: built in bodyMs). */
  lazyBody?: boolean;
}

export interface YoursQueries {
  alone: Record<QueryKind, KindReport>;
  withYours: Record<QueryKind, KindReport>;
  /**
   * Bundled + yours, ranked documents only (parse, every stage's candidates, merged), as MiniSearch
   * answers: the part of `search()` before any record or passage is read.
   */
  rankedWithYours?: Record<QueryKind, KindReport>;
}

/** The documents the renderer asks for first, as it asks while the reader types. */
const AS_THE_APP_ASKS = { limit: GROUP_STEPS[0] };

function total(results: ReturnType<typeof runSearchOver>): number {
  return results.status === 'ok' ? results.total : -1;
}

runJob<YoursSearchJob>(async (job) => {
  const plan = { dir: job.libraryDir, live: job.live };
  if (job.task === 'start') {
    const started = performance.now();
    // As the body search worker loads it (no term automaton), then your stages assembled (prepareMs).
    const body = loadSearchStages(job.bundleDir, 'body', undefined, { lazyTokenSet: true });
    const bodyReady = performance.now();
    const both = new BodyWithYours(body, job.bundleDir, plan);
    const yoursReady = performance.now();
    const found = both.search(job.probe, {});
    const answered = performance.now();
    both.prepare();
    const prepared = performance.now();
    both.close();
    return {
      bodyMs: bodyReady - started,
      yoursMs: yoursReady - bodyReady,
      firstSearchMs: answered - yoursReady,
      probeHits:
        found.status === 'ok' ? found.groups.filter((group) => job.live.includes(group.docId)).length : -1,
      prepareMs: prepared - answered,
      lazyBody: true,
    } satisfies YoursStart;
  }
  const alone = loadSearchStages(job.bundleDir, 'body');
  const both = new BodyWithYours(loadSearchStages(job.bundleDir, 'body'), job.bundleDir, plan);
  both.prepare();
  const bothStages = [...both.body, ...(both.yours?.stages() ?? [])];
  const engines = [
    (query: BenchQuery) => total(runSearchOver(alone, marginQueryText(query), AS_THE_APP_ASKS)),
    (query: BenchQuery) => total(both.search(marginQueryText(query), AS_THE_APP_ASKS)),
    (query: BenchQuery) => {
      const parsed = parseQuery(marginQueryText(query));
      if (!parsed.ok) return -1;
      const { found, merged } = mergedCandidates(bothStages, parsed.query, AS_THE_APP_ASKS.limit);
      return merged.length === 0 ? 0 : found.reduce((sum, stage) => sum + stage.total, 0);
    },
  ];
  const queries = readQueries(job.queriesFile);
  for (const query of queries.warmup) for (const run of engines) run(query);
  const times = engines.map(() => new Map<QueryKind, number[]>());
  const hits = engines.map(() => new Map<QueryKind, number[]>());
  queries.measured.forEach((query, i) => {
    // Alternating which goes first, so neither always runs on caches the other just warmed (the ranked
    // documents alone last: the postings it reads were read by the search before it either way).
    for (const e of i % 2 === 0 ? [0, 1, 2] : [1, 0, 2]) {
      const start = performance.now();
      const count = engines[e](query);
      const took = performance.now() - start;
      (times[e].get(query.kind) ?? times[e].set(query.kind, []).get(query.kind)!).push(took);
      (hits[e].get(query.kind) ?? hits[e].set(query.kind, []).get(query.kind)!).push(count);
    }
  });
  alone[0]?.passages.close();
  both.close();
  return {
    alone: kindReports(times[0], hits[0]),
    withYours: kindReports(times[1], hits[1]),
    rankedWithYours: kindReports(times[2], hits[2]),
  } satisfies YoursQueries;
});
