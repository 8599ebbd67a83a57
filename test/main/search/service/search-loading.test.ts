import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordTable } from '../../../../main/search/index/record-table';
import {
  bodyShardFile,
  CORPUS_STATS_FILE,
  RECORDS_FILE,
  SEARCH_DIR,
} from '../../../../main/search/index/search-files';
import { runSearchOver } from '../../../../main/search/service/search-engine';
import { loadSearchStages } from '../../../../main/search/service/search-loading';
import { writeTestBundle } from '../fixture-bundle';
import { syntheticCorpus } from '../synthetic-corpus';

const SHARD_DOCUMENTS = 4;

const idsOf = (table: RecordTable) => Array.from({ length: table.count }, (_, ref) => table.get(ref)?.id);

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
    expect(shards.map((shard) => idsOf(shard.documents))).toEqual([
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
      /corpus-stats\.json: its shards hold 8 documents but records\.bin lists 10/,
    );
  });

  it('refuses a bundle of the previous format (documents.json, no records.bin) and says to rebuild the content', async () => {
    await rm(search(RECORDS_FILE));
    await writeFile(search('documents.json'), JSON.stringify({ format: 3, documents: [] }));
    expect(() => loadSearchStages(bundleDir, 'body')).toThrow(
      /records\.bin: not found, so the bundle has no search index of format 5; rebuild the content/,
    );
    expect(() => loadSearchStages(bundleDir, 'meta')).toThrow(/records\.bin: .*rebuild the content/);
  });

  it('refuses records of another format and says to rebuild the content', async () => {
    const records = await readFile(search(RECORDS_FILE));
    records.writeUInt32LE(3, 8);
    await writeFile(search(RECORDS_FILE), records);
    expect(() => loadSearchStages(bundleDir, 'meta')).toThrow(
      /records\.bin: not a search index of format 5; rebuild the content/,
    );
  });

  it('refuses corpus stats of the previous format, which list no shards', async () => {
    const stats = JSON.parse(await readFile(search(CORPUS_STATS_FILE), 'utf8')) as object;
    await writeFile(search(CORPUS_STATS_FILE), JSON.stringify({ ...stats, format: 2, shards: undefined }));
    expect(() => loadSearchStages(bundleDir, 'body')).toThrow(/corpus-stats\.json: .*rebuild the content/);
  });

  it('refuses a bundle of format 4 (weights computed at build, no field lengths) and says to rebuild the content', async () => {
    const records = await readFile(search(RECORDS_FILE));
    records.writeUInt32LE(4, 8);
    await writeFile(search(RECORDS_FILE), records);
    const stats = JSON.parse(await readFile(search(CORPUS_STATS_FILE), 'utf8')) as object;
    await writeFile(
      search(CORPUS_STATS_FILE),
      JSON.stringify({ ...stats, format: 4, totalFieldLength: undefined }),
    );
    for (const stage of ['meta', 'body'] as const)
      expect(() => loadSearchStages(bundleDir, stage)).toThrow(
        /records\.bin: not a search index of format 5; rebuild the content/,
      );
  });

  it('refuses corpus stats without the field lengths the shards are weighed with', async () => {
    const stats = JSON.parse(await readFile(search(CORPUS_STATS_FILE), 'utf8')) as object;
    await writeFile(search(CORPUS_STATS_FILE), JSON.stringify({ ...stats, totalFieldLength: { body: -1 } }));
    expect(() => loadSearchStages(bundleDir, 'body')).toThrow(
      /corpus-stats\.json: its field lengths are missing or damaged; rebuild the content/,
    );
  });

  it('names a shard whose field lengths section is damaged, in one line', async () => {
    const file = search(bodyShardFile(1));
    const bytes = await readFile(file);
    const headerLength = bytes.readUInt32LE(8);
    const header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as {
      sections: { fieldLengths: [number, number] };
    };
    // One document's lengths fewer than the shard's documents need.
    header.sections.fieldLengths[1] -= 16;
    bytes.write(JSON.stringify(header).padEnd(headerLength, ' '), 12, 'utf8');
    await writeFile(file, bytes);
    let message = '';
    try {
      loadSearchStages(bundleDir, 'body');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /body-001\.bin: search index is damaged \(its field lengths do not match its documents\)$/,
    );
    expect(message).not.toContain('\n');
    // The meta stage, which does not read the shards, still loads.
    expect(loadSearchStages(bundleDir, 'meta')).toHaveLength(1);
  });
});
