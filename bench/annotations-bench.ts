/**
 * The annotation benchmarks, each in a fresh child: note saves and store opening on real disk (under
 * bench/.work, not a RAM-backed temp folder), and re-anchoring 1,000 highlights after an edit.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { manifestDocuments } from '../main/library/library-manifest';
import type { AnnotationsJob } from './children/annotations-child';
import type { MarginBuildJob } from './children/margin-build-child';
import { bundleMarginBuildChild, bundleScript, runChild, WORK_ROOT } from './child-process';
import { ensureCorpus } from './corpus';
import type { LatencySummary } from './stats';
import { median } from './stats';

export interface StoreResult {
  saves: number;
  /** A new note through the annotation service (`createAnnotation`): checks, anchoring, one transaction. */
  save: LatencySummary;
  /** Changing an existing note (`updateAnnotation`). */
  edit: LatencySummary;
  /** The SQLite write alone (`store.put` of a whole record). */
  put: LatencySummary;
  rows: number;
  /** Opening the store with `rows` annotations: the first open after the writes also makes a backup. */
  firstOpenMs: number;
  openMs: number;
  /** Reading every record (the notebook). */
  listAllMs: number;
  emptyOpenMs: number;
}

export interface AnchoringResult {
  count: number;
  coldMs: number;
  warmMedianMs: number;
  statuses: Record<string, number>;
  /** Same 1,000 on the unchanged text (position check only). */
  unchangedMs: number;
  textLength: number;
}

/** A small built bundle to take a real document from (the 100-article corpus). */
async function sampleBundle(
  seed: string,
  log: (line: string) => void,
): Promise<{ bundleDir: string; docId: string }> {
  const bundleDir = path.join(WORK_ROOT, '100', 'bundle');
  if (!existsSync(path.join(bundleDir, 'library.json'))) {
    log('[annotations] building the 100-article bundle');
    const corpus = await ensureCorpus(100, seed);
    const script = await bundleMarginBuildChild();
    const job: MarginBuildJob = { task: 'content-build', inDir: corpus.sourceDir, outDir: bundleDir };
    await runChild(script, job);
  }
  const library = manifestDocuments(JSON.parse(await readFile(path.join(bundleDir, 'library.json'), 'utf8')));
  const longest = [...library].sort((a, b) => b.wordCount - a.wordCount)[0];
  if (!longest) throw new Error('the sample bundle has no documents');
  return { bundleDir, docId: longest.id };
}

export async function runStoreBench(
  seed: string,
  quick: boolean,
  log: (line: string) => void,
): Promise<StoreResult> {
  const { bundleDir, docId } = await sampleBundle(seed, log);
  const script = await bundleScript(
    path.join(__dirname, 'children/annotations-child.ts'),
    'annotations-child',
  );
  const dataDir = path.join(WORK_ROOT, 'store');
  const saves = quick ? 200 : 2_000;
  log(`[store] ${saves} note saves, then open with 10,000 annotations`);
  const job: AnnotationsJob = {
    task: 'store',
    bundleDir,
    docId,
    dataDir,
    saves,
    total: 10_000,
    reopens: quick ? 2 : 6,
  };
  const result = await runChild<{
    emptyOpenMs: number;
    save: LatencySummary;
    edit: LatencySummary;
    put: LatencySummary;
    rows: number;
    openRuns: number[];
    listRuns: number[];
  }>(script, job);
  await rm(dataDir, { recursive: true, force: true });
  return {
    saves,
    save: result.save,
    edit: result.edit,
    put: result.put,
    rows: result.rows,
    firstOpenMs: result.openRuns[0] ?? Number.NaN,
    openMs: median(result.openRuns.slice(1)),
    listAllMs: median(result.listRuns),
    emptyOpenMs: result.emptyOpenMs,
  };
}

export async function runAnchoringBench(seed: string, log: (line: string) => void): Promise<AnchoringResult> {
  const { bundleDir, docId } = await sampleBundle(seed, log);
  const script = await bundleScript(
    path.join(__dirname, 'children/annotations-child.ts'),
    'annotations-child',
  );
  log('[anchoring] 1,000 highlights after an edit');
  const job: AnnotationsJob = { task: 'anchoring', bundleDir, docId, count: 1_000, repeats: 5, seed };
  const result = await runChild<{
    coldMs: number;
    runs: number[];
    statuses: Record<string, number>;
    unchangedMs: number;
    textLength: number;
  }>(script, job);
  return {
    count: 1_000,
    coldMs: result.coldMs,
    warmMedianMs: median(result.runs.slice(1)),
    statuses: result.statuses,
    unchangedMs: result.unchangedMs,
    textLength: result.textLength,
  };
}
