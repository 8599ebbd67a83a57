/**
 * `npm run bench [-- --sizes 100,1000,10000 --repeats N --build-repeats N --queries N
 *   --parts search,store,anchoring,renderer,typing,library,import,sync,yours,rebuild --quick --merge --dry-run --report-only
 *   --renderer-baseline OTHER/dist --renderer-runs N]`
 * The typing and yours parts run at 1,000 articles and the library part at 10,000 and 100,000 rows
 * unless --sizes is given.
 * Measures Margin against plain Lunr and MiniSearch and writes bench/RESULTS.md and bench/results.json
 * (with --dry-run, both go to bench/.work/ instead).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runAnchoringBench, runStoreBench } from './annotations-bench';
import { measureCorpusFigures } from './corpus-figures';
import { machineInfo } from './machine';
import type { BenchResults } from './bench-results';
import { renderResultsMarkdown } from './report';
import { runImportBench } from './import-bench';
import { runRendererBench } from './renderer-bench';
import { runLibraryBench } from './library-bench';
import { buildRepeatsFor, LIBRARY_SIZES, parseRunOptions, repeatsFor, TYPING_SIZES } from './run-options';
import { runTypingBench } from './typing-bench';
import { runSearchBench } from './search-bench';
import { runSyncBench } from './sync-bench';
import { runYoursSearchBench } from './yours-search-bench';
import { runRebuildBench } from './rebuild-bench';

/** Hand-written reading of the latest results (why a goal is missed, what to try next), kept in RESULTS.md. */
const COMMENTARY_FILE = path.join(__dirname, 'results-commentary.md');

async function main(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24)
    throw new Error(`the bench needs Node 24 (found ${process.version}); run it with npm run bench`);
  const args = process.argv.slice(2);
  const options = parseRunOptions(args);
  const loadAverages: number[] = [];
  const log = (line: string) => {
    loadAverages.push(os.loadavg()[0] ?? 0);
    console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
  };

  const outDir = options.dryRun ? path.join(__dirname, '.work') : __dirname;
  if (options.reportOnly) {
    const previous = JSON.parse(await readFile(path.join(outDir, 'results.json'), 'utf8')) as BenchResults;
    await writeReport(previous, outDir);
    log(`rewrote ${path.relative(process.cwd(), path.join(outDir, 'RESULTS.md'))} from results.json`);
    return;
  }

  const results: BenchResults = {
    machine: machineInfo(),
    command: `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`,
    loadAverages,
    corpusFigures: measureCorpusFigures(options.seed),
    sizes: [],
    store: null,
    anchoring: null,
    renderer: null,
    sync: null,
    import: null,
    typing: null,
    library: null,
    yours: null,
    rebuild: null,
  };
  if (options.parts.has('search')) {
    for (const size of options.sizes) {
      const repeats = repeatsFor(options, size);
      const buildRepeats = buildRepeatsFor(options, size);
      const queriesPerKind = options.queriesPerKind;
      results.sizes.push(
        await runSearchBench({
          size,
          repeats,
          buildRepeats,
          queriesPerKind,
          seed: options.seed,
          peers: options.peers,
          log,
        }),
      );
    }
  }
  if (options.parts.has('store')) results.store = await runStoreBench(options.seed, options.quick, log);
  if (options.parts.has('anchoring')) results.anchoring = await runAnchoringBench(options.seed, log);
  if (options.parts.has('renderer'))
    results.renderer = await runRendererBench(options.seed, log, {
      baselineDist: options.rendererBaseline ?? undefined,
      runs: options.rendererRuns ?? undefined,
    });
  if (options.parts.has('typing')) {
    results.typing = [];
    for (const size of options.sizesGiven ? options.sizes : TYPING_SIZES)
      results.typing.push(await runTypingBench({ size, seed: options.seed, quick: options.quick, log }));
  }
  if (options.parts.has('library'))
    results.library = await runLibraryBench(options.sizesGiven ? options.sizes : LIBRARY_SIZES, log);
  if (options.parts.has('sync')) results.sync = await runSyncBench(options.seed, options.quick, log);
  if (options.parts.has('import')) results.import = await runImportBench(options.quick, log);
  if (options.parts.has('yours')) {
    results.yours = [];
    for (const size of options.sizesGiven ? options.sizes : [1000]) {
      const repeats = options.repeats ?? 3;
      const { queriesPerKind, seed } = options;
      results.yours.push(await runYoursSearchBench({ size, repeats, queriesPerKind, seed, log }));
    }
  }
  if (options.parts.has('rebuild')) {
    results.rebuild = [];
    // The search part's full build at the same size, from this run or the last results, for a reused bundle.
    const previous = existsSync(path.join(outDir, 'results.json'))
      ? (JSON.parse(await readFile(path.join(outDir, 'results.json'), 'utf8')) as BenchResults)
      : null;
    for (const size of options.sizes) {
      const searchPart = [...results.sizes, ...(previous?.sizes ?? [])].find((entry) => entry.size === size);
      results.rebuild.push(
        await runRebuildBench({
          size,
          repeats: options.repeats ?? 3,
          seed: options.seed,
          searchPartBuildMs: searchPart?.contentBuildMs ?? null,
          log,
        }),
      );
    }
  }
  log('done');

  await mkdir(outDir, { recursive: true });
  if (options.merge) await mergePrevious(results, path.join(outDir, 'results.json'), log);
  await writeFile(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeReport(results, outDir);
  log(`wrote ${path.relative(process.cwd(), path.join(outDir, 'RESULTS.md'))} and results.json`);
}

async function writeReport(results: BenchResults, outDir: string): Promise<void> {
  const commentary = existsSync(COMMENTARY_FILE) ? await readFile(COMMENTARY_FILE, 'utf8') : '';
  await writeFile(
    path.join(outDir, 'RESULTS.md'),
    renderResultsMarkdown(results) + (commentary ? `\n${commentary}` : ''),
  );
}

/** Keeps what an earlier run measured and this one did not (sizes, store, anchoring, renderer). */
async function mergePrevious(
  results: BenchResults,
  file: string,
  log: (line: string) => void,
): Promise<void> {
  if (!existsSync(file)) return;
  const previous = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
  const measured = new Set(results.sizes.map((size) => size.size));
  const kept = previous.sizes.filter((size) => !measured.has(size.size));
  results.sizes = [...kept, ...results.sizes].sort((a, b) => a.size - b.size);
  results.corpusFigures ??= previous.corpusFigures;
  results.store ??= previous.store;
  results.anchoring ??= previous.anchoring;
  results.sync ??= previous.sync ?? null;
  if (!results.renderer?.measured && previous.renderer?.measured) results.renderer = previous.renderer;
  results.renderer ??= previous.renderer;
  results.import ??= previous.import ?? null;
  results.typing = mergeBySize(previous.typing ?? [], results.typing ?? []);
  if (!results.library?.measured && previous.library?.measured) results.library = previous.library;
  else if (results.library?.measured && previous.library?.measured) {
    const measuredSizes = new Set(results.library.figures.map((figure) => figure.size));
    const keptFigures = previous.library.figures.filter((figure) => !measuredSizes.has(figure.size));
    results.library.figures = [...keptFigures, ...results.library.figures].sort((a, b) => a.size - b.size);
  }
  const yoursMeasured = new Set((results.yours ?? []).map((entry) => entry.size));
  const rebuildMeasured = new Set((results.rebuild ?? []).map((entry) => entry.size));
  results.rebuild = [
    ...(previous.rebuild ?? []).filter((entry) => !rebuildMeasured.has(entry.size)),
    ...(results.rebuild ?? []),
  ];
  results.yours = [
    ...(previous.yours ?? []).filter((entry) => !yoursMeasured.has(entry.size)),
    ...(results.yours ?? []),
  ].sort((a, b) => a.size - b.size);
  results.loadAverages = [...previous.loadAverages, ...results.loadAverages];
  results.command = `${previous.command}; then ${results.command}`;
  if (kept.length > 0) log(`kept ${kept.map((size) => size.size).join(', ')} from the previous results.json`);
}

/** Per size, this run's entry if it measured, else an earlier run's that did, else whichever there is. */
function mergeBySize<T extends { size: number; measured: boolean }>(previous: T[], current: T[]): T[] {
  const bySize = new Map<number, T>();
  for (const entry of [...previous, ...current]) {
    const held = bySize.get(entry.size);
    if (!held || entry.measured || !held.measured) bySize.set(entry.size, entry);
  }
  return [...bySize.values()].sort((a, b) => a.size - b.size);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
