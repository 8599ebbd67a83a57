import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lunr from 'lunr';
import { useMarginWordForms } from './word-forms';
import type { Document } from '../../api';
import type { FieldTexts } from './body-scoring';
import { CorpusTally, ShardTerms } from './body-shards';
import { averageOf } from './compact-index';
import { indexedDocument, type IndexedDocument } from './indexed-document';
import { serialiseRecords } from './records-file';
import { PhraseFilterSlices, PhraseFilterWriter } from './phrase-filter-slices';
import {
  BODY_FIELDS,
  BODY_SHARD_DOCUMENTS,
  bodyShardFile,
  CORPUS_STATS_FILE,
  type BodyShard,
  type CorpusStats,
  FIELD_BOOSTS,
  META_FIELDS,
  META_INDEX_FILE,
  PHRASE_FILTER_FILE,
  RECORDS_FILE,
  SEARCH_FORMAT,
  searchDir,
  type DocumentRecord,
  type IndexField,
} from './search-files';

/**
 * Builds a Lunr index with one Lunr document per article, ref = the article's position. The index keeps
 * no position metadata: snippets come from re-analysing the passages shown. (The bundle's indexes are
 * built by body-shards.ts, weighed at query time to the same weights; tests compare them with this.)
 */
export function buildLunrIndex(
  fieldTexts: readonly Partial<FieldTexts>[],
  fields: readonly IndexField[],
): lunr.Index {
  // Lunr hands its config function the builder as `this`.
  return lunr(function (this: lunr.Builder) {
    useMarginWordForms(this);
    this.ref('ref');
    for (const field of fields) this.field(field, { boost: FIELD_BOOSTS[field] });
    fieldTexts.forEach((texts, ref) => {
      const doc: Record<string, string> = { ref: String(ref) };
      for (const field of fields) doc[field] = texts[field] ?? '';
      this.add(doc);
    });
  });
}

export interface SearchIndexOptions {
  /** Documents per body shard (BODY_SHARD_DOCUMENTS); tests make it small to get many shards. */
  shardDocuments?: number;
}

/**
 * Writes the search index of `documents` under `outDir/search/`: document records, the meta index
 * (titles, authors, headings), the body shards, the phrase filters and the corpus stats. Passage texts
 * are read at query time from `outDir/docs/<id>.json.zst`, which the content build writes next to it.
 */
export async function writeSearchIndex(
  documents: Document[],
  outDir: string,
  options: SearchIndexOptions = {},
): Promise<void> {
  const seen = new Set<string>();
  for (const doc of documents) {
    if (seen.has(doc.id)) throw new Error(`search index: two documents have the id "${doc.id}"`);
    seen.add(doc.id);
  }
  const writer = await SearchIndexWriter.create(outDir, documents.length, options);
  try {
    for (const doc of documents) await writer.add(indexedDocument(doc));
    await writer.finish();
  } finally {
    await writer.close();
  }
}

/**
 * The search index written document by document, in order (the content build hands each over as its
 * worker posts it: no Document is held for the index). Each shard's phrase filters go to disk once its
 * last document is in; the shards themselves, the records, the meta index and the stats at `finish`.
 */
export class SearchIndexWriter {
  private readonly records: DocumentRecord[] = [];
  private readonly tally = new CorpusTally();
  /** The meta index: one shard of titles, authors and headings over every document. */
  private readonly metaTerms = new ShardTerms(META_FIELDS);
  private readonly shardTerms: ShardTerms[] = [];
  private filterSlices: PhraseFilterSlices | undefined;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly documentCount: number,
    private readonly shardDocuments: number,
    private readonly filterShards: ReadonlyArray<{ first: number; count: number }>,
    private readonly phraseFilters: PhraseFilterWriter,
  ) {}

  /** Starts the index of `documentCount` documents under `outDir/search/`. */
  static async create(
    outDir: string,
    documentCount: number,
    { shardDocuments = BODY_SHARD_DOCUMENTS }: SearchIndexOptions = {},
  ): Promise<SearchIndexWriter> {
    if (!Number.isInteger(shardDocuments) || shardDocuments < 1)
      throw new Error(`search index: shardDocuments must be a whole number ≥ 1, not ${shardDocuments}`);
    const dir = searchDir(outDir);
    await mkdir(dir, { recursive: true });
    const filterShards = Array.from({ length: Math.ceil(documentCount / shardDocuments) }, (_, n) => ({
      first: n * shardDocuments,
      count: Math.min(shardDocuments, documentCount - n * shardDocuments),
    }));
    const phraseFilters = await PhraseFilterWriter.create(join(dir, PHRASE_FILTER_FILE), filterShards);
    return new SearchIndexWriter(dir, documentCount, shardDocuments, filterShards, phraseFilters);
  }

  /** Adds the next document. */
  async add(doc: IndexedDocument): Promise<void> {
    const ref = this.records.length;
    if (ref >= this.documentCount)
      throw new Error(`search index: more than the ${this.documentCount} documents announced`);
    this.records.push(doc.record);
    this.metaTerms.add(doc.fieldTerms);
    if (ref % this.shardDocuments === 0) {
      this.shardTerms.at(-1)?.seal();
      this.shardTerms.push(new ShardTerms(BODY_FIELDS, this.tally));
      if (this.filterSlices !== undefined) await this.phraseFilters.write(this.filterSlices);
      this.filterSlices = new PhraseFilterSlices(this.filterShards[ref / this.shardDocuments]);
    }
    this.shardTerms[this.shardTerms.length - 1].add(doc.fieldTerms);
    this.filterSlices?.addFilter(doc.phraseFilter);
  }

  /** Writes the rest of the index once every document announced has been added. */
  async finish(): Promise<void> {
    if (this.records.length !== this.documentCount)
      throw new Error(`search index: ${this.records.length} of ${this.documentCount} documents added`);
    if (this.filterSlices !== undefined) await this.phraseFilters.write(this.filterSlices);
    this.filterSlices = undefined;
    this.closed = true;
    // Throws when a shard of the file's header was never written.
    await this.phraseFilters.close();
    this.shardTerms.at(-1)?.seal();
    const shards: BodyShard[] = [];
    // Each shard's terms are let go once it is written.
    for (
      let n = 0, terms = this.shardTerms.shift();
      terms !== undefined;
      n++, terms = this.shardTerms.shift()
    ) {
      const shard = { file: bodyShardFile(n), first: n * this.shardDocuments, count: terms.documentCount };
      await writeFile(join(this.dir, shard.file), terms.serialise());
      shards.push(shard);
    }
    await writeFile(join(this.dir, RECORDS_FILE), serialiseRecords(this.records));
    this.metaTerms.seal();
    await writeFile(join(this.dir, META_INDEX_FILE), this.metaTerms.serialise());
    await writeFile(
      join(this.dir, CORPUS_STATS_FILE),
      corpusStatsText(this.documentCount, this.tally.totalFieldLength, shards),
    );
  }

  /** Closes the phrase filter file, if `finish` did not: after a failure, whose error is the one to see. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.phraseFilters.close().catch(() => undefined);
  }
}

/** `corpus-stats.json`'s text; index-update.ts writes it the same way, so the bytes agree. */
export function corpusStatsText(
  documentCount: number,
  totalFieldLength: Record<IndexField, number>,
  shards: BodyShard[],
): string {
  const stats: CorpusStats = {
    format: SEARCH_FORMAT,
    documentCount,
    averageFieldLength: Object.fromEntries(
      BODY_FIELDS.map((field) => [field, averageOf(totalFieldLength[field], documentCount)]),
    ) as Record<IndexField, number>,
    totalFieldLength: Object.fromEntries(
      BODY_FIELDS.map((field) => [field, totalFieldLength[field]]),
    ) as Record<IndexField, number>,
    shards,
  };
  return JSON.stringify(stats);
}
