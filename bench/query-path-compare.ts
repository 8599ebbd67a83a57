/**
 * `npx tsx bench/query-path-compare.ts --bundle DIR --base DIR [--queries N] [--seed S]`
 *
 * Before and after, side by side: runs `runSearch` of this checkout and of another checkout of Margin
 * (`--base`, e.g. `git archive <commit> | tar -x -C DIR` with a `node_modules` link) on the same bundle,
 * in one process, query by query and alternating which goes first, so that a busy neighbour slows both
 * alike. Every answer of the two must be the same (`tookMs` aside): the run stops at the first that is
 * not. Two passes: "warm" as the service answers (its passage cache kept between queries) and "cold"
 * (the passage cache emptied before each query, as the stage bench does).
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { SearchResults } from '../main/api';
import { corpusVocabulary, makeQueries, marginQueryText, QUERY_KINDS, type QueryKind } from './bench-queries';
import { readFieldRecords } from './bundle-documents';
import { round, summarise } from './stats';
import { runSearchOver, type SearchStage } from '../main/search/service/search-engine';
import { loadSearchStages } from '../main/search/service/search-loading';

interface Engine {
  name: string;
  /** The body index, one stage per shard (sharing one passage store). */
  stages: SearchStage[];
  search: (stages: SearchStage[], query: string) => SearchResults;
}

function valueOf(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

async function loadBase(baseDir: string, bundleDir: string): Promise<Engine> {
  const loading = (await import(path.resolve(baseDir, 'main/search/service/search-loading.ts'))) as {
    loadSearchStages: typeof loadSearchStages;
  };
  const engine = (await import(path.resolve(baseDir, 'main/search/service/search-engine.ts'))) as {
    runSearchOver: typeof runSearchOver;
  };
  return {
    name: 'before',
    stages: loading.loadSearchStages(bundleDir, 'body'),
    search: (stages, query) => engine.runSearchOver(stages, query),
  };
}

function withoutTiming(results: SearchResults): unknown {
  return results.status === 'ok' ? { ...results, tookMs: 0 } : results;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const bundleDir = valueOf(args, '--bundle');
  const baseDir = valueOf(args, '--base');
  if (bundleDir === undefined || baseDir === undefined) {
    throw new Error('usage: query-path-compare --bundle DIR --base DIR [--queries N] [--seed S]');
  }
  const perKind = Number(valueOf(args, '--queries') ?? 100);
  const seed = valueOf(args, '--seed') ?? 'margin-bench-1';

  const records = await readFieldRecords(bundleDir);
  const vocabulary = corpusVocabulary(records);
  const warmup = makeQueries(records, Math.min(30, perKind), `${seed}:warmup`, vocabulary);
  const measured = makeQueries(records, perKind, seed, vocabulary);

  const before = await loadBase(baseDir, bundleDir);
  const after: Engine = {
    name: 'after',
    stages: loadSearchStages(bundleDir, 'body'),
    search: (stages, query) => runSearchOver(stages, query),
  };
  const engines = [before, after];

  for (const pass of ['warm', 'cold'] as const) {
    const times = new Map<string, number[]>();
    const timed = (engine: Engine, text: string) => {
      if (pass === 'cold') engine.stages[0]?.passages.close();
      const cpuStart = process.threadCpuUsage();
      const start = performance.now();
      const results = engine.search(engine.stages, text);
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
  for (const engine of engines) engine.stages[0]?.passages.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
