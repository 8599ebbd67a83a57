import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bodyShardFile,
  CORPUS_STATS_FILE,
  DOCUMENTS_FILE,
  SEARCH_DIR,
} from '../../../../main/search/index/search-files';
import { runSearchOver } from '../../../../main/search/service/search-engine';
import { loadSearchStages } from '../../../../main/search/service/search-loading';
import { writeTestBundle } from '../fixture-bundle';
import { syntheticCorpus } from '../synthetic-corpus';

const SHARD_DOCUMENTS = 4;

describe('search-loading', () => {
  let bundleDir: string;
  const search = (file: string) => join(bundleDir, SEARCH_DIR, file);

  beforeEach(async () => {
    bundleDir = await mkdtemp(join(tmpdir(), 'margin-search-loading-'));
    // 10 documents: shards of 4, 4 and 2.
    await writeTestBundle(syntheticCorpus(10, 5, 24).documents, bundleDir, {
      shardDocuments: SHARD_DOCUMENTS,
    });
  });

  afterEach(async () => {
    await rm(bundleDir, { recursive: true, force: true });
  });

  it('loads one stage per body shard, each with its slice of the documents, all sharing one passage store', () => {
    const shards = loadSearchStages(bundleDir, 'body');
    expect(shards.map((shard) => shard.documents.map((record) => record.id))).toEqual([
      ['synthetic-0', 'synthetic-1', 'synthetic-2', 'synthetic-3'],
      ['synthetic-4', 'synthetic-5', 'synthetic-6', 'synthetic-7'],
      ['synthetic-8', 'synthetic-9'],
    ]);
    expect(new Set(shards.map((shard) => shard.passages)).size).toBe(1);
    const results = runSearchOver(shards, 'security', { limit: 100 });
    expect(results.status === 'ok' && results.groups.length).toBe(10);
    shards[0].passages.close();
  });

  it('names a missing shard', async () => {
    await rm(search(bodyShardFile(1)));
    expect(() => loadSearchStages(bundleDir, 'body')).toThrow(/body-001\.bin.*ENOENT|ENOENT.*body-001\.bin/);
  });

  it('names a damaged shard', async () => {
    await writeFile(search(bodyShardFile(2)), 'not an index');
    expect(() => loadSearchStages(bundleDir, 'body')).toThrow(/body-002\.bin: not a Margin search index/);
  });

  it('names a shard that indexes another number of documents than the corpus stats give it', async () => {
    await copyFile(search(bodyShardFile(0)), search(bodyShardFile(2)));
    expect(() => loadSearchStages(bundleDir, 'body')).toThrow(
      /body-002\.bin: indexes 4 documents but corpus-stats\.json gives it 2/,
    );
  });

  it('names corpus stats whose shards do not cover the documents', async () => {
    const stats = JSON.parse(await readFile(search(CORPUS_STATS_FILE), 'utf8')) as { shards: unknown[] };
    stats.shards.pop();
    await writeFile(search(CORPUS_STATS_FILE), JSON.stringify(stats));
    expect(() => loadSearchStages(bundleDir, 'body')).toThrow(
      /corpus-stats\.json: its shards hold 8 documents but documents\.json lists 10/,
    );
  });

  it('refuses a bundle of the previous format (one body index) and says to rebuild the content', async () => {
    const documents = JSON.parse(await readFile(search(DOCUMENTS_FILE), 'utf8')) as { format: number };
    await writeFile(search(DOCUMENTS_FILE), JSON.stringify({ ...documents, format: 2 }));
    expect(() => loadSearchStages(bundleDir, 'body')).toThrow(/documents\.json: .*rebuild the content/);
    expect(() => loadSearchStages(bundleDir, 'meta')).toThrow(/documents\.json: .*rebuild the content/);
  });

  it('refuses corpus stats of the previous format, which list no shards', async () => {
    const stats = JSON.parse(await readFile(search(CORPUS_STATS_FILE), 'utf8')) as object;
    await writeFile(search(CORPUS_STATS_FILE), JSON.stringify({ ...stats, format: 2, shards: undefined }));
    expect(() => loadSearchStages(bundleDir, 'body')).toThrow(/corpus-stats\.json: .*rebuild the content/);
  });
});
