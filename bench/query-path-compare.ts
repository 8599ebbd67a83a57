/**
 * `npx tsx bench/query-path-compare.ts --bundle DIR --base DIR [--library DIR] [--queries N] [--seed S]`
 *
 * Before and after, side by side: runs `runSearch` of this checkout and of another checkout of Margin
 * (`--base`, e.g. `git archive <commit> | tar -x -C DIR` with a `node_modules` link) on the same bundle,
 * in one process, query by query and alternating which goes first, so that a busy neighbour slows both
 * alike. Every answer of the two must be the same (`tookMs` aside): the run stops at the first that is
 * not. Two passes: "warm" as the service answers (its passage cache kept between queries) and "cold"
 * (the passage cache emptied before each query, as the stage bench does).
 *
 * With `--library` (a data folder holding the reader's documents, as the yours part fills
 * bench/.work/yours/<size>/data), both search the bundle and those documents as one search, the way the
 * body worker answers (`BodyWithYours`): several stages merged. Its index must be made already (the yours
 * part keeps it), so that neither side writes it while the other reads.
 *
 * The side imported from `--base` runs slower than the same code imported statically: an A/A run of one
 * commit against itself gave "after/before" CPU of 0.58–0.76× for every kind but the sub-millisecond ones
 * (rare, field). To measure a change, run it both ways round (also from the old checkout with `--base`
 * the new one) and take the square root of the quotient of the two after/before ratios.
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { SearchResults } from '../main/api';
import { corpusVocabulary, makeQueries, marginQueryText, QUERY_KINDS, type QueryKind } from './bench-queries';
import { readFieldRecords } from './bundle-documents';
import { round, summarise } from './stats';
import { openUserLibrary } from '../main/library/user-library/user-library';
import { runSearchOver, type SearchStage } from '../main/search/service/search-engine';
import { loadSearchStages } from '../main/search/service/search-loading';
import { BodyWithYours, type UserLibraryPlan } from '../main/search/service/user-search-index';

interface Engine {
  name: string;
  search: (query: string) => SearchResults;
  /** Empties the passage caches (the cold pass); the engine still answers. */
  emptyCaches: () => void;
}

/** Searches the bundle alone, or with the reader's documents beside it (`plan`). */
function engineOf(
  name: string,
  /** The body index, one stage per shard (sharing one passage store). */
  stages: SearchStage[],
  bundleDir: string,
  plan: UserLibraryPlan | undefined,
  modules: { runSearchOver: typeof runSearchOver; BodyWithYours: typeof BodyWithYours },
): Engine {
  if (plan === undefined) {
    return {
      name,
      search: (query) => modules.runSearchOver(stages, query),
      emptyCaches: () => stages[0]?.passages.close(),
    };
  }
  const both = new modules.BodyWithYours(stages, bundleDir, plan);
  if (both.problems.length > 0) throw new Error(`your documents: ${both.problems[0]}`);
  both.prepare();
  return { name, search: (query) => both.search(query, {}), emptyCaches: () => both.close() };
}

function valueOf(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

async function loadBase(
  baseDir: string,
  bundleDir: string,
  plan: UserLibraryPlan | undefined,
): Promise<Engine> {
  const loading = (await import(path.resolve(baseDir, 'main/search/service/search-loading.ts'))) as {
    loadSearchStages: typeof loadSearchStages;
  };
  const engine = (await import(path.resolve(baseDir, 'main/search/service/search-engine.ts'))) as {
    runSearchOver: typeof runSearchOver;
  };
  const yours = (await import(path.resolve(baseDir, 'main/search/service/user-search-index.ts'))) as {
    BodyWithYours: typeof BodyWithYours;
  };
  const stages = loading.loadSearchStages(bundleDir, 'body');
  return engineOf('before', stages, bundleDir, plan, { ...engine, ...yours });
}

function withoutTiming(results: SearchResults): unknown {
  return results.status === 'ok' ? { ...results, tookMs: 0 } : results;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const bundleDir = valueOf(args, '--bundle');
  const baseDir = valueOf(args, '--base');
  if (bundleDir === undefined || baseDir === undefined) {
    throw new Error(
      'usage: query-path-compare --bundle DIR --base DIR [--library DIR] [--queries N] [--seed S]',
    );
  }
  const dataDir = valueOf(args, '--library');
  const library = dataDir === undefined ? undefined : openUserLibrary(dataDir);
  const plan = library && { dir: library.dir, live: library.liveIds() };
  const perKind = Number(valueOf(args, '--queries') ?? 100);
  const seed = valueOf(args, '--seed') ?? 'margin-bench-1';

  const records = await readFieldRecords(bundleDir);
  const vocabulary = corpusVocabulary(records);
  const warmup = makeQueries(records, Math.min(30, perKind), `${seed}:warmup`, vocabulary);
  const measured = makeQueries(records, perKind, seed, vocabulary);

  const before = await loadBase(baseDir, bundleDir, plan);
  const after = engineOf('after', loadSearchStages(bundleDir, 'body'), bundleDir, plan, {
    runSearchOver,
    BodyWithYours,
  });
  if (plan) console.log(`bundled and ${plan.live.length} documents of yours`);
  const engines = [before, after];

  for (const pass of ['warm', 'cold'] as const) {
    const times = new Map<string, number[]>();
    const timed = (engine: Engine, text: string) => {
      if (pass === 'cold') engine.emptyCaches();
      const cpuStart = process.threadCpuUsage();
      const start = performance.now();
      const results = engine.search(text);
      const took = performance.now() - start;
      const cpu = process.threadCpuUsage(cpuStart);
      return { results: withoutTiming(results), took, cpu: (cpu.user + cpu.system) / 1000 };
    };
    for (const query of warmup) for (const engine of engines) timed(engine, marginQueryText(query));
    measured.forEach((query, i) => {
      const text = marginQueryText(query);
      const answers = new Map<string, unknown>();
      for (const engine of i % 2 === 0 ? engines : [...engines].reverse()) {
        const { results, took, cpu } = timed(engine, text);
        answers.set(engine.name, results);
        for (const [key, value] of [
          [`${engine.name}/${query.kind}`, took],
          [`cpu/${engine.name}/${query.kind}`, cpu],
        ] as const) {
          (times.get(key) ?? times.set(key, []).get(key)!).push(value);
        }
      }
      if (!isDeepStrictEqual(answers.get('before'), answers.get('after'))) {
        const [a, b] = [answers.get('before'), answers.get('after')];
        throw new Error(`answers differ for ${text}:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
      }
    });
    console.log(`\n${pass} (${perKind} queries per kind, every answer identical)`);
    console.log('\nwall-clock ms\n');
    console.log(
      '| kind | before p50 / p95 / p99 | after p50 / p95 / p99 | p50 after/before | p95 after/before |',
    );
    console.log('|---|---:|---:|---:|---:|');
    for (const kind of QUERY_KINDS as readonly QueryKind[]) {
      const b = summarise(times.get(`before/${kind}`) ?? []);
      const a = summarise(times.get(`after/${kind}`) ?? []);
      const fmt = (s: typeof a) => `${round(s.p50)} / ${round(s.p95)} / ${round(s.p99)}`;
      console.log(
        `| ${kind} | ${fmt(b)} | ${fmt(a)} | ${round(a.p50 / b.p50)}× | ${round(a.p95 / b.p95)}× |`,
      );
    }
    // The thread's CPU clock ticks in whole scheduler ticks (4 ms here): its mean over many queries is
    // exact where its percentiles are not.
    console.log(
      "\nmean ms of the search thread's own CPU time (the machine's other load does not inflate it)\n",
    );
    console.log('| kind | before | after | after/before |');
    console.log('|---|---:|---:|---:|');
    for (const kind of QUERY_KINDS as readonly QueryKind[]) {
      const b = summarise(times.get(`cpu/before/${kind}`) ?? []).mean;
      const a = summarise(times.get(`cpu/after/${kind}`) ?? []).mean;
      console.log(`| ${kind} | ${round(b)} | ${round(a)} | ${round(a / b)}× |`);
    }
  }
  for (const engine of engines) engine.emptyCaches();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
