/**
 * Plain Lunr as anyone would use it: the default builder (trimmer, stop words, stemmer; no position
 * metadata, since the default builder whitelists none), stock `JSON.stringify(index)` and
 * `lunr.Index.load(JSON.parse(text))`, one Lunr document per article with the same fields as Margin.
 */
import lunr from 'lunr';
import type { BenchQuery } from '../bench-queries';
import { lunrQueryText } from '../bench-queries';
import { BASELINE_FIELDS, type FieldRecord } from '../bundle-documents';

export function buildLunr(records: readonly FieldRecord[]): lunr.Index {
  return lunr(function () {
    this.ref('ref');
    for (const field of BASELINE_FIELDS) this.field(field);
    for (const record of records) this.add({ ...record, ref: String(record.ref) });
  });
}

export function serialiseLunr(index: lunr.Index): string {
  return JSON.stringify(index);
}

export function loadLunr(text: string): lunr.Index {
  return lunr.Index.load(JSON.parse(text));
}

/** Number of matching documents; -1 when Lunr cannot parse the query. */
export function queryLunr(index: lunr.Index, query: BenchQuery): number {
  try {
    return index.search(lunrQueryText(query)).length;
  } catch {
    return -1;
  }
}

/** The first `count` document refs for a plain query, best first ([] when Lunr cannot parse it). */
export function rankLunr(index: lunr.Index, text: string, count: number): number[] {
  try {
    return index
      .search(text)
      .slice(0, count)
      .map((result) => Number(result.ref));
  } catch {
    return [];
  }
}
