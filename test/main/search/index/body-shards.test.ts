import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, SearchResults } from '../../../../main/api';
import { documentFieldTexts } from '../../../../main/search/index/body-scoring';
import { loadCompactIndex } from '../../../../main/search/index/compact-index';
import { serialiseCompactIndex } from '../../../../main/search/index/compact-index-writer';
import { buildLunrIndex } from '../../../../main/search/index/index-build';
import {
  BODY_FIELDS,
  bodyShardFile,
  CORPUS_STATS_FILE,
  documentPassages,
  META_FIELDS,
  SEARCH_DIR,
  type CorpusStats,
} from '../../../../main/search/index/search-files';
import { runSearchOver, type SearchStage } from '../../../../main/search/service/search-engine';
import { loadSearchStages } from '../../../../main/search/service/search-loading';
import { writeTestBundle } from '../fixture-bundle';
import { makeDocument } from '../fixture-documents';
import { syntheticCorpus } from '../synthetic-corpus';

/** A few dozen documents: synthetic articles of varied length plus a few with several authors. */
function corpus(): { documents: Document[]; vocabulary: string[] } {
  const { documents: synthetic, vocabulary } = syntheticCorpus(36, 23, 36);
  const extra = [
    makeDocument({
      id: 'joint-paper',
      title: 'Security and trade on the border',
      authors: ['Ayesha Khan', 'Li Wei', 'Omar Farooq'],
      sections: [{ heading: 'TRADE', blocks: ['Trade talks on the border corridor went on for a week.'] }],
    }),
    makeDocument({
      id: 'tricky-words',
      title: "Zardari's visit, Li Qiang’s trip",
      authors: ["Conor O'Brien"],
      sections: [
        {
          heading: 'Words that are not plain',
          blocks: [
            "President Asif Ali Zardari's planned visit — and Li Qiang’s mid-October trip; ' '' “quoted” 2024 " +
              '10:30 http://example.org/a-b the constructor __proto__ toString hasOwnProperty valueOf.',
          ],
        },
      ],
    }),
    makeDocument({
      id: 'short-note',
      title: 'A note',
      authors: ['Li Wei'],
      sections: [{ heading: null, blocks: ['Security, security and more security.'] }],
    }),
  ];
  return { documents: [...synthetic.slice(0, 18), ...extra, ...synthetic.slice(18)], vocabulary };
}

/** Results as (id, score) in order; `total` beside them. */
function answer(
  stages: readonly SearchStage[],
  query: string,
): { total: number; hits: Array<[string, number]> } {
  const results: SearchResults = runSearchOver(stages, query, { limit: 10 });
  if (results.status !== 'ok') throw new Error(`${query}: ${results.status}`);
  return { total: results.total, hits: results.groups.map((group) => [group.docId, group.score]) };
}

describe('body-shards', () => {
  let dir: string;
  let documents: Document[];
  /** Words by frequency, most frequent first (Zipf): the later ones miss from some shards. */
  let vocabulary: string[];
  let whole: SearchStage[];
  let sharded: SearchStage[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'margin-body-shards-'));
    ({ documents, vocabulary } = corpus());
    await writeTestBundle(documents, join(dir, 'whole'), { shardDocuments: 1000 });
    await writeTestBundle(documents, join(dir, 'sharded'), { shardDocuments: 5 });
    whole = loadSearchStages(join(dir, 'whole'), 'body');
    sharded = loadSearchStages(join(dir, 'sharded'), 'body');
  });

  afterAll(async () => {
    whole?.[0]?.passages.close();
    sharded?.[0]?.passages.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the body in shards of consecutive documents and lists them in the corpus stats', async () => {
    const search = join(dir, 'sharded', SEARCH_DIR);
    const stats = JSON.parse(await readFile(join(search, CORPUS_STATS_FILE), 'utf8')) as CorpusStats;
    expect(stats.documentCount).toBe(39);
    expect(stats.shards).toEqual(
      Array.from({ length: 8 }, (_, n) => ({ file: bodyShardFile(n), first: n * 5, count: n < 7 ? 5 : 4 })),
    );
    const files = (await readdir(search)).filter((file) => file.startsWith('body-')).sort();
    expect(files).toEqual(stats.shards.map((shard) => shard.file));
    expect(sharded.map((stage) => stage.documents.get(0)?.id)).toEqual(
      stats.shards.map((shard) => documents[shard.first].id),
    );
  });

  it('weighs every posting of every shard, at query time, as one Lunr builder over every document did', () => {
    const fieldTexts = documents.map((doc) => documentFieldTexts(doc, documentPassages(doc)));
    const lunrBuilt = loadCompactIndex(serialiseCompactIndex(buildLunrIndex(fieldTexts, BODY_FIELDS)));
    expect(lunrBuilt.weighting).toBe('stored');
    for (const stages of [whole, sharded]) {
      let first = 0;
      for (const { compact } of stages) {
        expect(compact.weighting).toBe('counts');
        for (const term of compact.terms) {
          const mine = compact.postingsOf(compact.termIndexOf(term));
          const lunrs = lunrBuilt.postingsOf(lunrBuilt.termIndexOf(term));
          BODY_FIELDS.forEach((field, f) => {
            const inShard = [...lunrs[f].refs].flatMap((ref, i) =>
              ref >= first && ref < first + compact.refCount ? [[ref - first, lunrs[f].weights[i]]] : [],
            );
            expect(
              Array.from(mine[f].refs, (ref, i) => [ref, mine[f].weights[i]]),
              `${term} in ${field}`,
            ).toEqual(inShard);
          });
        }
        first += compact.refCount;
      }
      expect(first).toBe(documents.length);
    }
  });

  it('weighs the meta index, built without Lunr, as a Lunr index of titles, authors and headings', () => {
    const metaTexts = documents.map((doc) => documentFieldTexts(doc, []));
    const lunrBuilt = loadCompactIndex(serialiseCompactIndex(buildLunrIndex(metaTexts, META_FIELDS)));
    const [{ compact }] = loadSearchStages(join(dir, 'sharded'), 'meta');
    expect(compact.weighting).toBe('counts');
    expect(compact.terms).toEqual(lunrBuilt.terms);
    for (const term of compact.terms) {
      const [mine, lunrs] = [compact, lunrBuilt].map((index) => index.postingsOf(index.termIndexOf(term)));
      META_FIELDS.forEach((field, f) => {
        expect([...mine[f].refs], `${term} in ${field}`).toEqual([...lunrs[f].refs]);
        expect([...mine[f].weights], `${term} in ${field}`).toEqual([...lunrs[f].weights]);
      });
    }
    // Lunr's own engine reads the field vectors, rebuilt from the counts with the same weights.
    for (const query of ['security', 'wei', 'trade~1', 'secur*']) {
      const scores = (index: typeof compact) => index.index.search(query).map((hit) => [hit.ref, hit.score]);
      expect(scores(compact), query).toEqual(scores(lunrBuilt));
    }
  });

  it('ranks every kind of query over shards as one index does: the same top ten with the same scores', () => {
    const firstWords = documentPassages(documents[3])[0]
      .text.toLowerCase()
      .replace(/[^a-z ]/g, '')
      .split(' ');
    const phrase = `"${firstWords[2]} ${firstWords[3]}"`;
    const queries = [
      'security',
      'policy trade',
      '+security +trade',
      'security -trade',
      'secur*',
      'corrdor~1',
      'title:security',
      'author:wei',
      phrase,
      `${phrase} security`,
      'security council border investment',
      // A common word with rarer ones: a shard without the rare word must not score the rest higher.
      `${vocabulary[3]} ${vocabulary[150]}`,
      `${vocabulary[120]} ${vocabulary[300]} ${vocabulary[600]}`,
      `+${vocabulary[2]} ${vocabulary[200]}`,
      `${vocabulary[100].slice(0, 3)}*`,
      `${vocabulary[250].slice(0, 4)}*`,
      `${vocabulary[180]}~1`,
    ];
    let full = 0;
    for (const query of queries) {
      const one = answer(whole, query);
      const many = answer(sharded, query);
      expect(one.hits.length, query).toBeGreaterThan(0);
      if (one.hits.length === 10) full++;
      expect(many.total, query).toBe(one.total);
      expect(
        many.hits.map(([, score]) => score),
        query,
      ).toEqual(one.hits.map(([, score]) => score));
      // Equal scores may come in either order: compare the documents at each score.
      const byScore = (hits: Array<[string, number]>) => hits.map(([id, score]) => `${score} ${id}`).sort();
      expect(byScore(many.hits), query).toEqual(byScore(one.hits));
    }
    expect(full).toBeGreaterThan(queries.length / 2);
  });
});
