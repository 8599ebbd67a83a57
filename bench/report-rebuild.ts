/** RESULTS.md's section on the content build run again after one article changes (bench/rebuild-bench.ts). */
import type { BenchResults } from './bench-results';
import { ratio } from './format';
import type { RebuildResult } from './rebuild-bench';

function seconds(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value / 1000).toFixed(value < 10_000 ? 2 : 1)} s`;
}

function row(entry: RebuildResult): string {
  const full = entry.fullBuildMs?.median;
  const one = entry.oneChangedMs.median;
  const from = entry.fullBuildFrom === 'this part' ? '' : ' (search part)';
  return (
    `| ${entry.size.toLocaleString('en')} | ${seconds(full)}${from} | ${seconds(entry.noChangeMs.median)} | ` +
    `${seconds(one)} | ${ratio(full, one)} | ${entry.oneChangedMs.runs.length} |`
  );
}

export function rebuildSection(results: BenchResults): string[] {
  const entries = [...(results.rebuild ?? [])].sort((a, b) => a.size - b.size);
  if (entries.length === 0) return [];
  return [
    '## Rebuilding after one article changes',
    '',
    `Measured ${entries[0]?.measuredAt.slice(0, 16).replace('T', ' ')} UTC (\`--parts rebuild\`). ` +
      '`npm run content -- build` run again over the bundle it wrote: with nothing changed (every file ' +
      'stat-ed, "up to date"), and after one article\'s paragraph changed (that file hashed and parsed, the ' +
      'search files linked, its document, library.json and the search index written (one body shard, the ' +
      "titles index, records, that shard's phrase filters), swapped in with the documents folder moved over). Each run is a " +
      'fresh process, timed around `buildContent`; medians of the runs. The full build is the baseline ' +
      "(this part's own, or the search part's when its bundle was current and reused).",
    '',
    '| articles | full build | nothing changed | one article changed | full ÷ one changed | runs |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...entries.map(row),
    '',
  ];
}
