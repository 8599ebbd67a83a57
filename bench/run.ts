/**
 * `npm run bench [-- --sizes 100,1000,10000 --repeats N --queries N --parts search,store,anchoring,renderer --quick]`
 * Measures Margin against plain Lunr and MiniSearch and writes bench/RESULTS.md and bench/results.json.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  runAnchoringBench,
  runStoreBench,
  type AnchoringResult,
  type StoreResult,
} from './annotations-bench';
import { machineInfo } from './machine';
import { parseRunOptions, repeatsFor } from './run-options';
import { runSearchBench, type SizeResult } from './search-bench';

async function main(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24)
    throw new Error(`the bench needs Node 24 (found ${process.version}); run it with npm run bench`);
  const options = parseRunOptions(process.argv.slice(2));
  const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
  const machine = machineInfo();
  const sizes: SizeResult[] = [];
  if (options.parts.has('search')) {
    for (const size of options.sizes) {
      sizes.push(
        await runSearchBench({
          size,
          repeats: repeatsFor(options, size),
          queriesPerKind: options.queriesPerKind,
          seed: options.seed,
          log,
        }),
      );
    }
  }
  const store: StoreResult | null = options.parts.has('store')
    ? await runStoreBench(options.seed, options.quick, log)
    : null;
  const anchoring: AnchoringResult | null = options.parts.has('anchoring')
    ? await runAnchoringBench(options.seed, log)
    : null;
  const results = { machine, options: { ...options, parts: [...options.parts] }, sizes, store, anchoring };
  const out = options.dryRun
    ? path.join(__dirname, '.work', 'results.json')
    : path.join(__dirname, 'results.json');
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
