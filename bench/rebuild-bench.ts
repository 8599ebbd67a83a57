/**
 * The rebuild part: the content build run again as a publisher would, beside the full build, at each
 * size: nothing changed (the check alone), then one article's paragraph changed (one document parsed,
 * the search files linked, the search index updated, the documents folder moved over). The bundle is a
 * copy by hard links of the search part's (`bench/.work/<size>/bundle`) when that was built from the
 * current corpus, else built here, and that build is the full build measured. The corpus is linked, never edited in place: an edited article is
 * written under a new name and renamed over its link, so the cached corpus stays as generated.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BUILD_STATE_FILE } from '../main/library/build-state';
import { linkTree } from '../main/library/bundle-staging';
import type { ContentBuildOutcome } from '../main/library/content-build';
import type { MarginBuildJob } from './children/margin-build-child';
import { bundleMarginBuildChild, runChild, WORK_ROOT } from './child-process';
import { ensureCorpus } from './corpus';
import type { Repeated } from './search-bench';
import { median, round } from './stats';

export interface RebuildResult {
  size: number;
  measuredAt: string;
  /** The full content build, ms; null when the search part's bundle was reused and its run not at hand. */
  fullBuildMs: Repeated | null;
  /** Where the full build figure comes from: measured here, or the search part's content build. */
  fullBuildFrom: 'this part' | 'the search part';
  /** The build run again with no file changed: stat every file, say "up to date", ms. */
  noChangeMs: Repeated;
  /** The build run again after one article's paragraph changed, ms. */
  oneChangedMs: Repeated;
  /** What each one-changed run said it did (each must be "rebuilt 1"). */
  outcomes: ContentBuildOutcome[];
}

export interface RebuildBenchOptions {
  size: number;
  repeats: number;
  seed: string;
  /** The search part's content build at this size, when a run measured it (results.json or this run). */
  searchPartBuildMs: Repeated | null;
  log: (line: string) => void;
}

function repeated(runs: number[]): Repeated {
  return { runs: runs.map(round), median: round(median(runs)) };
}

type BuildReply = { totalMs: number; documents: number; outcome: ContentBuildOutcome };

/** Changes one paragraph of the article: its last sentence gets a word it never had. */
async function editArticle(file: string, run: number): Promise<void> {
  const text = await readFile(file, 'utf8');
  const paragraphs = text.split('\n\n');
  // A body paragraph in the middle of the article: the header and the boilerplate come first.
  const at = Math.floor(paragraphs.length * 0.6);
  paragraphs[at] = `${paragraphs[at]} The rebuild bench revised this paragraph, edition ${run + 1}.`;
  const fresh = `${file}.edited`;
  await writeFile(fresh, paragraphs.join('\n\n'));
  await rename(fresh, file);
}

export async function runRebuildBench(options: RebuildBenchOptions): Promise<RebuildResult> {
  const { size, repeats, log } = options;
  const measuredAt = new Date().toISOString();
  const script = await bundleMarginBuildChild();
  const corpus = await ensureCorpus(size, options.seed);
  const work = path.join(WORK_ROOT, String(size), 'rebuild');
  const inDir = path.join(work, 'source');
  const outDir = path.join(work, 'bundle');
  await rm(work, { recursive: true, force: true });
  linkTree(corpus.sourceDir, inDir, new Set());
  const run = (task: 'content-build' | 'rebuild') => {
    const job: MarginBuildJob = { task, inDir, outDir };
    return runChild<BuildReply>(script, job, { heapMb: size > 10_000 ? 12_288 : undefined });
  };

  const searchBundle = path.join(WORK_ROOT, String(size), 'bundle');
  let fullBuildMs: Repeated | null = null;
  let fullBuildFrom: RebuildResult['fullBuildFrom'] = 'this part';
  if (existsSync(path.join(searchBundle, BUILD_STATE_FILE))) {
    linkTree(searchBundle, outDir, new Set());
    const check = await run('rebuild');
    if (check.outcome.kind === 'up-to-date') {
      log(`[${size}] rebuild: the search part's bundle is current; linked, not built again`);
      fullBuildMs = options.searchPartBuildMs;
      fullBuildFrom = 'the search part';
    } else await rm(outDir, { recursive: true, force: true });
  }
  if (fullBuildFrom === 'this part') {
    log(`[${size}] rebuild: full content build (the baseline)`);
    fullBuildMs = repeated([(await run('content-build')).totalMs]);
    log(`  full build ${(fullBuildMs.median / 1000).toFixed(1)} s`);
  }

  const noChange: number[] = [];
  const oneChanged: number[] = [];
  const outcomes: ContentBuildOutcome[] = [];
  // An article in the middle: its shard is neither the first nor the last.
  const article = path.join(inDir, (await readdir(inDir)).sort()[Math.floor(size / 2)] as string);
  for (let r = 0; r < repeats; r++) {
    const same = await run('rebuild');
    if (same.outcome.kind !== 'up-to-date')
      throw new Error(
        `rebuild bench: an unchanged corpus was not up to date (${JSON.stringify(same.outcome)})`,
      );
    noChange.push(same.totalMs);
    await editArticle(article, r);
    const changed = await run('rebuild');
    outcomes.push(changed.outcome);
    if (changed.outcome.kind !== 'rebuilt' || changed.outcome.changed !== 1)
      throw new Error(`rebuild bench: one changed article gave ${JSON.stringify(changed.outcome)}`);
    oneChanged.push(changed.totalMs);
    log(
      `  up to date ${(same.totalMs / 1000).toFixed(2)} s, one changed ${(changed.totalMs / 1000).toFixed(2)} s`,
    );
  }
  await rm(work, { recursive: true, force: true });
  return {
    size,
    measuredAt,
    fullBuildMs,
    fullBuildFrom,
    noChangeMs: repeated(noChange),
    oneChangedMs: repeated(oneChanged),
    outcomes,
  };
}
