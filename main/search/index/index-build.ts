import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lunr from 'lunr';
import { useMarginWordForms } from './word-forms';
import type { Document } from '../../api';
import { documentFieldTexts, textFieldTerms, type FieldTexts } from './body-scoring';
import { CorpusTally, ShardTerms } from './body-shards';
import { serialiseCompactIndex } from './compact-index-writer';
import { recordOfDocument } from './record-table';
import { serialiseRecords } from './records-file';
import { PhraseFilterSlices, PhraseFilterWriter } from './phrase-filter-slices';
import {
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
  documentPassages,
} from './search-files';

/**
 * Builds a Lunr index with one Lunr document per article, ref = the article's position. The index keeps
 * no position metadata: snippets come from re-analysing the passages shown. (The meta index is built
 * so; the body index is built in shards by body-shards.ts, with the same weights.)
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
  { shardDocuments = BODY_SHARD_DOCUMENTS }: SearchIndexOptions = {},
): Promise<void> {
  if (!Number.isInteger(shardDocuments) || shardDocuments < 1)
    throw new Error(`search index: shardDocuments must be a whole number ≥ 1, not ${shardDocuments}`);
  const seen = new Set<string>();
  for (const doc of documents) {
    if (seen.has(doc.id)) throw new Error(`search index: two documents have the id "${doc.id}"`);
    seen.add(doc.id);
  }

  const dir = searchDir(outDir);
  await mkdir(dir, { recursive: true });
  const filterShards = Array.from({ length: Math.ceil(documents.length / shardDocuments) }, (_, n) => ({
    first: n * shardDocuments,
    count: Math.min(shardDocuments, documents.length - n * shardDocuments),
  }));
  // Each shard's phrase filters are written as soon as its last document is added.
  const phraseFilters = await PhraseFilterWriter.create(join(dir, PHRASE_FILTER_FILE), filterShards);
  const records: DocumentRecord[] = [];
  const metaTexts: Array<Partial<FieldTexts>> = [];
  const tally = new CorpusTally();
  const shardTerms: ShardTerms[] = [];
  try {
    let filterSlices: PhraseFilterSlices | undefined;
    for (const [ref, doc] of documents.entries()) {
      const passages = documentPassages(doc);
      records.push(recordOfDocument(doc));
      const texts = documentFieldTexts(doc, passages);
      metaTexts.push({ title: texts.title, author: texts.author, section: texts.section });
      if (ref % shardDocuments === 0) {
        shardTerms.at(-1)?.seal();
        shardTerms.push(new ShardTerms(tally));
        if (filterSlices !== undefined) await phraseFilters.write(filterSlices);
        filterSlices = new PhraseFilterSlices(filterShards[ref / shardDocuments]);
      }
      shardTerms[shardTerms.length - 1].add(textFieldTerms(texts));
      filterSlices?.add([
        doc.title,
        ...doc.authors.map((author) => author.name),
        ...doc.sections.flatMap((section) => (section.heading === null ? [] : [section.heading])),
        ...passages.map((passage) => passage.text),
      ]);
    }
    if (filterSlices !== undefined) await phraseFilters.write(filterSlices);
  } finally {
    await phraseFilters.close();
  }

  shardTerms.at(-1)?.seal();

  const shards: BodyShard[] = [];
  // Each shard's terms are let go once it is written.
  for (let n = 0, terms = shardTerms.shift(); terms !== undefined; n++, terms = shardTerms.shift()) {
    const shard = { file: bodyShardFile(n), first: n * shardDocuments, count: terms.documentCount };
    await writeFile(join(dir, shard.file), terms.serialise(tally));
    shards.push(shard);
  }
  const stats: CorpusStats = {
    format: SEARCH_FORMAT,
    documentCount: documents.length,
    averageFieldLength: tally.averageFieldLength(),
    shards,
  };
  await writeFile(join(dir, RECORDS_FILE), serialiseRecords(records));
  await writeFile(join(dir, META_INDEX_FILE), serialiseCompactIndex(buildLunrIndex(metaTexts, META_FIELDS)));
  await writeFile(join(dir, CORPUS_STATS_FILE), JSON.stringify(stats));
}
