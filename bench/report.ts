/**
 * Turns a run's results into bench/RESULTS.md: the goals at 10,000 articles first (met, or missed by how
 * much), then one set of tables per corpus size, with Margin's ratio to each baseline.
 */
import { GROUP_STEPS } from '../main/shared/search-steps';
import { QUERY_KINDS, type QueryKind } from './bench-queries';
import type { BenchResults } from './bench-results';
import { ENGINES, type Engine, type SizeResult } from './search-bench';
import { mb, ms, ratio } from './format';
import { goalRows } from './goals';
import { annotationSections } from './report-annotations';
import { syncSection } from './report-sync';
import { importSection } from './report-import';
import { librarySection, typingSection } from './report-typing-library';
import { yoursSection } from './report-yours';
import { rebuildSection } from './report-rebuild';
import {
  corpusSection,
  flexSearchNote,
  olderCorpusNote,
  qualitySection,
  stagesSection,
} from './report-calibration-and-ranking';

const QUERY_LABELS: Record<QueryKind, string> = {
  common: 'common word',
  rare: 'rare word',
  and: 'two-word AND `+a +b`',
  or: 'OR `a b`',
  prefix: 'prefix `abc*` (3–5 letters)',
  fuzzy: 'fuzzy `word~1`',
  field: 'field `title:x`',
  phrase: 'phrase `"a b"`',
};

const TABLE_HEAD =
  '| | Margin | plain Lunr | MiniSearch | FlexSearch | Margin/Lunr | Margin/MiniSearch | Margin/FlexSearch |';
const TABLE_RULE = '|---|---:|---:|---:|---:|---:|---:|---:|';

/** Margin's and the peers' figures (in ENGINES order), then Margin's ratio to each peer. */
function withRatios(
  values: Array<number | null | undefined>,
  format: (value: number | null | undefined) => string,
): string {
  const [margin, ...peers] = values;
  return [...values.map(format), ...peers.map((peer) => ratio(margin, peer))].join(' | ');
}

function sizeSection(result: SizeResult): string[] {
  const { load, startup, queries, disk, indexBuildMs } = result;
  const lines: string[] = [];
  const c = result.corpus;
  lines.push(`## ${result.size.toLocaleString('en')} articles`, '', ...olderCorpusNote(result));
  lines.push(
    `Corpus: ${c.files.toLocaleString('en')} RCAS exports, ${mb(c.bytes)} MB of files, ` +
      `${Math.round(c.articleWords / c.files).toLocaleString('en')} article words each on average ` +
      `(seed \`${c.seed}\`), measured ${result.measuredAt.slice(0, 16).replace('T', ' ')} UTC. ` +
      `Medians of ${result.repeats} load repeat(s) and ${result.buildRepeats} build repeat(s), each in a fresh process; ` +
      `${result.queriesPerKind} measured queries per kind after a separate warm-up set.`,
    '',
  );
  for (const note of result.notes) lines.push(`> ${note}`, '');

  lines.push('### Build and size on disk', '');
  lines.push(TABLE_HEAD, TABLE_RULE);
  lines.push(
    `| content build, whole (parse, documents, index) ms | ${ms(result.contentBuildMs?.median)} | | | | | | |`,
  );
  const builds = ENGINES.map((engine) => indexBuildMs[engine]?.median);
  lines.push(
    `| index build ms (Margin: \`writeSearchIndex\`; peers: build + stringify + write) | ${withRatios(builds, ms)} |`,
  );
  const mi = disk.marginIndex;
  const peerDisk = [disk.lunr, disk.minisearch, disk.flexsearch];
  const megabytes = (value: number | null | undefined) => (value == null ? '—' : mb(value));
  lines.push(
    `| search files on disk, MB raw | ${withRatios([mi?.raw, ...peerDisk.map((d) => d?.raw)], megabytes)} |`,
  );
  lines.push(
    `| search files on disk, MB gzip | ${withRatios([mi?.gzip, ...peerDisk.map((d) => d?.gzip)], megabytes)} |`,
  );
  if (disk.marginBundle) {
    const { raw, gzip } = disk.marginBundle;
    lines.push(
      `| whole content bundle (documents + search), MB raw / gzip | ${mb(raw)} / ${mb(gzip)} | | | | | | |`,
      `| … beside the source text it is built from (${mb(c.bytes)} MB), raw | ${ratio(raw, c.bytes)} | | | | | | |`,
    );
  }
  const files = Object.entries(disk.marginIndexFiles)
    .map(([name, bytes]) => `\`${name}\` ${mb(bytes)} MB`)
    .join(', ');
  lines.push('', `Margin's search files: ${files}. The baselines' figure is their one index file.`, '');

  lines.push('### Load, memory and start-up', '');
  lines.push(TABLE_HEAD, TABLE_RULE);
  const row = (label: string, pick: (engine: Engine) => number | null | undefined) => {
    lines.push(`| ${label} | ${withRatios(ENGINES.map(pick), ms)} |`);
  };
  row('load ms (read + parse + ready, in-process)', (e) => load[e]?.loadMs.median);
  row('memory after load, MB (V8 heap + ArrayBuffers, after GC)', (e) => load[e]?.memoryMb.median);
  row('… of which V8 heap, MB', (e) => load[e]?.heapUsedMb.median);
  row('memory after the query run, MB', (e) => load[e]?.memoryAfterQueriesMb);
  row('process start → search ready, ms', (e) => startup[e]?.readyMs.median);
  row('process start → first answer, ms', (e) => startup[e]?.firstAnswerMs.median);
  row('longest main-thread stall meanwhile, ms', (e) => startup[e]?.maxStallMs.median);
  row(
    '… of stalls still going on 1 s after process start, ms',
    (e) => startup[e]?.maxStallAfterFirstSecondMs.median,
  );
  lines.push('');
  const stalls = startup.margin?.longestStalls ?? [];
  if (stalls.length > 0) {
    const list = stalls.map((stall) => `${ms(stall.ms)} ms at ${ms(stall.atMs)} ms`).join(', ');
    lines.push(
      `Margin's longest main-thread stalls (first repeat; when they began, since process start): ${list}.`,
      '',
    );
  }
  if (startup.margin)
    lines.push(
      `Start-up: Margin is ${startup.margin.mode}; the baselines are ${startup.lunr?.mode ?? 'loaded in-process'}.`,
      '',
    );

  lines.push('### Query latency (ms)', '');
  lines.push(
    '| kind | Margin p50 / p95 / p99 | Margin via worker p95 | Margin index only p95 | Lunr p50 / p95 / p99 | MiniSearch p50 / p95 / p99 | FlexSearch p50 / p95 / p99 | p95 Margin/Lunr | p95 Margin/MiniSearch | p95 Margin/FlexSearch | mean hits M / L / MS / FS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const kind of QUERY_KINDS) {
    const [m, w, i] = [queries.margin?.[kind], queries.marginWorker?.[kind], queries.marginIndexOnly?.[kind]];
    const [l, s] = [queries.lunr?.[kind], queries.minisearch?.[kind]];
    // A kind FlexSearch has no equivalent for is refused on every query: not a latency.
    const fs = queries.flexsearch?.[kind];
    const f = fs && fs.refused < fs.count ? fs : undefined;
    const triple = (k: typeof m) => (k ? `${ms(k.p50)} / ${ms(k.p95)} / ${ms(k.p99)}` : '—');
    const flexText = fs && !f ? 'not supported' : triple(f);
    const hits = [m, l, s, f].map((k) => (k ? k.meanHits.toFixed(1) : '—')).join(' / ');
    lines.push(
      `| ${QUERY_LABELS[kind]} | ${triple(m)} | ${ms(w?.p95)} | ${ms(i?.p95)} | ${triple(l)} | ${triple(s)} | ${flexText} | ${ratio(m?.p95, l?.p95)} | ${ratio(m?.p95, s?.p95)} | ${ratio(m?.p95, f?.p95)} | ${hits} |`,
    );
  }
  lines.push(
    '',
    `"Margin" is \`search()\` as the app calls it: parse, query the compact index, rank passages, build snippets for the top ${GROUP_STEPS[0]} documents (the list's first step). ` +
      '"via worker" adds the hop to the search worker thread (100 queries per kind at most). ' +
      '"index only" is Lunr\'s own `index.search()` on a freshly loaded compact index with the baseline query (phrases as `+a +b`): ' +
      'no guards, passage ranking or snippets, and every lazy posting list is materialised on first touch; ' +
      'where it is slower than "Margin", the service\'s own query path avoids work that stock Lunr does.',
    '',
  );
  lines.push(...stagesSection(result), ...qualitySection(result));
  return lines;
}

export function renderResultsMarkdown(results: BenchResults): string {
  const { machine } = results;
  const loads = results.loadAverages;
  const lines: string[] = [
    '# Margin benchmarks',
    '',
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu}, ${machine.cores} cores, ` +
      `${machine.memoryGb} GB, ${machine.platform}, Node ${machine.node}, with \`${results.command}\`.`,
    '',
    `The machine is shared with other work: its 1-minute load average ranged ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during the run, ` +
      'so absolute times carry noise; engines alternate within each repeat so that noise falls on all of them alike.',
    '',
    'How: a deterministic generator writes RCAS-like commentaries as RCAS plain-text exports (bench/corpus.ts); ' +
      "Margin's real content build turns them into the bundle; plain Lunr (default builder, stock JSON), MiniSearch " +
      '(defaults, stock JSON) and FlexSearch (Document index, defaults, its own export) index the very same field texts (title, author, section headings, body), one document per article. ' +
      "Queries are drawn from the corpus's own words. Margin's latency is its `search()` as the app calls it " +
      `(ranked passages with snippets for the top ${GROUP_STEPS[0]} documents, the first step the search list asks for while the reader types: GROUP_STEPS in main/shared/search-steps.ts); ` +
      'the baselines return ranked document refs only. ' +
      'Baselines have no phrase search: `"a b"` runs as `+a +b` on Lunr and as an AND query on MiniSearch, which does less work. ' +
      'MiniSearch has no stemmer, so its AND and phrase queries match fewer documents. MiniSearch options per kind: ' +
      'AND/phrase `combineWith: "AND"`, prefix `prefix: true`, fuzzy `fuzzy: 1`, field `fields: ["title"]`.',
    '',
    flexSearchNote(),
    '',
    ...goalRows(results),
    '',
    ...corpusSection(results),
  ];
  for (const size of results.sizes) lines.push(...sizeSection(size));
  lines.push(...typingSection(results));
  lines.push(...librarySection(results));
  lines.push(...annotationSections(results));
  lines.push(...syncSection(results));
  lines.push(...importSection(results));
  lines.push(...yoursSection(results));
  lines.push(...rebuildSection(results));
  return `${lines.join('\n')}\n`;
}
