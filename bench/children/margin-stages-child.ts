/**
 * Child process for Margin's stages and ranking: loads the full-text stage in-process and times
 * `search()` by stage (search-stages.ts), and ranks the plain queries of the ranking-quality set.
 */
import { runSearchOver } from '../../main/search/service/search-engine';
import { readFileSync } from 'node:fs';
import { loadDocumentRecords, loadSearchStages } from '../../main/search/service/search-loading';
import { qualityQueryText, TOP, type QualityQuery } from '../ranking-quality';
import { timeStages } from '../search-stages';
import { readQueries, runJob } from './child-job';

export interface MarginStagesJob {
  task: 'stages';
  bundleDir: string;
  queriesFile: string;
  qualityFile: string;
}

runJob<MarginStagesJob>(async (job) => {
  const documents = loadDocumentRecords(job.bundleDir);
  const shards = loadSearchStages(job.bundleDir, 'body', documents);
  const queries = readQueries(job.queriesFile);
  const stages = timeStages(shards, queries.warmup, queries.measured);
  // Every id, read record by record (the rankings name documents by ref).
  const refOf = new Map<string, number>();
  for (let ref = 0; ref < documents.count; ref++) refOf.set(documents.get(ref)?.id ?? '', ref);
  const quality = JSON.parse(readFileSync(job.qualityFile, 'utf8')) as QualityQuery[];
  const rankings = quality.map((query) => {
    const results = runSearchOver(shards, qualityQueryText(query), { limit: TOP });
    return results.status === 'ok' ? results.groups.map((group) => refOf.get(group.docId) ?? -1) : [];
  });
  shards[0]?.passages.close();
  return { stages, rankings };
});
