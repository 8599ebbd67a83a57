/**
 * MiniSearch with its defaults over the same field texts: `JSON.stringify(miniSearch)` and
 * `MiniSearch.loadJSON`. Its closest equivalents of Margin's query kinds are its search options (see
 * `queryMiniSearch`); it has no stemmer and no phrase search.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { BenchQuery } from '../bench-queries';
import { BASELINE_FIELDS, type FieldRecord } from '../bundle-documents';

const OPTIONS = { idField: 'ref', fields: [...BASELINE_FIELDS] };

export function buildMiniSearch(records: readonly FieldRecord[]): MiniSearch<FieldRecord> {
  const index = new MiniSearch<FieldRecord>(OPTIONS);
  index.addAll(records);
  return index;
}

export function serialiseMiniSearch(index: MiniSearch<FieldRecord>): string {
  return JSON.stringify(index);
}

export function loadMiniSearch(text: string): MiniSearch<FieldRecord> {
  return MiniSearch.loadJSON<FieldRecord>(text, OPTIONS);
}

/** The query and options MiniSearch gets for each kind (reported in RESULTS.md). */
export function miniSearchQuery(query: BenchQuery): { text: string; options: SearchOptions } {
  const [a, b] = query.words as [string, string | undefined];
  switch (query.kind) {
    case 'common':
    case 'rare':
      return { text: a, options: {} };
    case 'and':
    case 'phrase':
      return { text: `${a} ${b}`, options: { combineWith: 'AND' } };
    case 'or':
      return { text: `${a} ${b}`, options: {} };
    case 'prefix':
      return { text: a, options: { prefix: true } };
    case 'fuzzy':
      return { text: a, options: { fuzzy: 1 } };
    case 'field':
      return { text: a, options: { fields: ['title'] } };
  }
}

export function queryMiniSearch(index: MiniSearch<FieldRecord>, query: BenchQuery): number {
  const { text, options } = miniSearchQuery(query);
  return index.search(text, options).length;
}

/** The first `count` document refs for a plain query with MiniSearch's defaults (any word), best first. */
export function rankMiniSearch(index: MiniSearch<FieldRecord>, text: string, count: number): number[] {
  return index
    .search(text)
    .slice(0, count)
    .map((result) => Number(result.id));
}
