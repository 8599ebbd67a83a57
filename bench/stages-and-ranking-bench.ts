/**
 * For one corpus size: Margin's `search()` by stage, and the ranking quality of every engine on the same
 * plain two- and three-word queries (each engine in its own fresh process, on the index the size's run
 * built).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { QueryKind } from './bench-queries';
import type { FieldRecord } from './bundle-documents';
import type { BaselineEngine, BaselineJob } from './children/baseline-child';
import type { MarginStagesJob } from './children/margin-stages-child';
import { bundleScript, runChild } from './child-process';
import { makeQualityQueries, RankingJudge, type QualityFigures } from './ranking-quality';
import type { StageReport } from './search-stages';

/** Queries of each length (two words, three words) in the ranking-quality set. */
export const QUALITY_QUERIES_PER_LENGTH = 100;

export type RankedEngine = 'margin' | BaselineEngine;
export const RANKED_ENGINES: readonly RankedEngine[] = ['margin', 'lunr', 'minisearch', 'flexsearch'];

export interface RankingQuality {
  twoWords: QualityFigures;
  threeWords: QualityFigures;
}

export interface StagesAndRanking {
  stages: Record<QueryKind, StageReport> | null;
  quality: Partial<Record<RankedEngine, RankingQuality>>;
}

let stagesScript: Promise<string> | null = null;

export async function runStagesAndRanking(options: {
  work: string;
  bundleDir: string;
  records: readonly FieldRecord[];
  queriesFile: string;
  indexFile: (engine: BaselineEngine) => string;
  /** The bundled baseline child (children/baseline-child.ts). */
  baselineScript: string;
  /** The peers whose index this size's run built (the others could not run at this size). */
  peers: readonly BaselineEngine[];
  seed: string;
  log: (line: string) => void;
}): Promise<StagesAndRanking> {
  const { work, bundleDir, records, queriesFile, indexFile, baselineScript, peers, seed, log } = options;
  const qualityQueries = makeQualityQueries(records, QUALITY_QUERIES_PER_LENGTH, seed);
  const qualityFile = path.join(work, 'quality-queries.json');
  await writeFile(qualityFile, JSON.stringify(qualityQueries));
  const rankings: Partial<Record<RankedEngine, number[][]>> = {};
  let stages: StagesAndRanking['stages'] = null;

  if (existsSync(path.join(__dirname, '..', 'main/search/service/search-engine.ts'))) {
    stagesScript ??= bundleScript(
      path.join(__dirname, 'children/margin-stages-child.ts'),
      'margin-stages-child',
    );
    const job: MarginStagesJob = { task: 'stages', bundleDir, queriesFile, qualityFile };
    const result = await runChild<{ stages: StagesAndRanking['stages']; rankings: number[][] }>(
      await stagesScript,
      job,
    );
    stages = result.stages;
    rankings.margin = result.rankings;
    log('  margin stages and ranking');
  }
  for (const engine of peers) {
    const job: BaselineJob = { task: 'rank', engine, indexFile: indexFile(engine), qualityFile };
    try {
      rankings[engine] = await runChild<number[][]>(baselineScript, job);
      log(`  ${engine} ranking`);
    } catch (error) {
      // Reported by its missing row: the load step's note already says when a peer cannot run.
      log(`  ${engine} ranking failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  const judge = new RankingJudge(records);
  const quality: StagesAndRanking['quality'] = {};
  const attainable = { two: judge.attainable(qualityQueries, 2), three: judge.attainable(qualityQueries, 3) };
  for (const engine of RANKED_ENGINES) {
    const ranked = rankings[engine];
    if (!ranked) continue;
    quality[engine] = {
      twoWords: { ...judge.judge(qualityQueries, ranked, 2), attainable: attainable.two },
      threeWords: { ...judge.judge(qualityQueries, ranked, 3), attainable: attainable.three },
    };
  }
  return { stages, quality };
}
