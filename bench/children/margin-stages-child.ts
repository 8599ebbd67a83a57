/**
 * Child process for Margin's stages and ranking: loads the full-text stage in-process and times
 * `search()` by stage (search-stages.ts), and ranks the plain queries of the ranking-quality set.
 */
import { loadSearchStage } from '../../main/search/service/search-loading';
import { runSearch } from '../../main/search/service/search-engine';
import { readFileSync } from 'node:fs';
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
  const stage = loadSearchStage(job.bundleDir, 'body');
  const queries = readQueries(job.queriesFile);
  const stages = timeStages(stage, queries.warmup, queries.measured);
  const refOf = new Map(stage.documents.map((record, ref) => [record.id, ref]));
  const quality = JSON.parse(readFileSync(job.qualityFile, 'utf8')) as QualityQuery[];
  const rankings = quality.map((query) => {
    const results = runSearch(stage, qualityQueryText(query), { limit: TOP });
    return results.status === 'ok' ? results.groups.map((group) => refOf.get(group.docId) ?? -1) : [];
  });
  stage.passages.close();
  return { stages, rankings };
});
