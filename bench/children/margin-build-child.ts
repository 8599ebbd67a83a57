/**
 * Child process for Margin's build side: the whole content build (parse every source, write documents
 * and the search index), the content build as a publisher runs it again (rebuilding only what changed,
 * bench/rebuild-bench.ts) and, on its own, the search-index step (`writeSearchIndex`).
 */
import { rm } from 'node:fs/promises';
import { buildContent } from '../../main/library/content-build';
import { writeSearchIndex } from '../../main/search/index/index-build';
import { readBundleDocuments } from '../bundle-documents';
import { runJob } from './child-job';

export type MarginBuildJob =
  | { task: 'content-build'; inDir: string; outDir: string }
  | { task: 'rebuild'; inDir: string; outDir: string }
  | { task: 'index-build'; bundleDir: string; outDir: string };

runJob<MarginBuildJob>(async (job) => {
  if (job.task === 'content-build' || job.task === 'rebuild') {
    const start = performance.now();
    // The repeats of a full build build in full, whatever the bundle they replace.
    const full = job.task === 'content-build';
    const { documents, outcome } = await buildContent({ inDir: job.inDir, outDir: job.outDir, full });
    return { totalMs: performance.now() - start, documents: documents.length, outcome };
  }
  const documents = await readBundleDocuments(job.bundleDir);
  await rm(job.outDir, { recursive: true, force: true });
  const start = performance.now();
  await writeSearchIndex(documents, job.outDir);
  return { totalMs: performance.now() - start, documents: documents.length };
});
