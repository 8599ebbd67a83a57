/**
 * FlexSearch 0.8 as its documentation shows it: a Document index over the same fields with the default
 * options (strict whole-word tokens, the default Latin encoder, no stemmer), `export()` into one JSON
 * object of its parts and `import()` back. Its limits, reported beside its figures: results are capped
 * at the limit asked for (no total), ranking is by term position and field rather than by relevance
 * over the corpus, words must all be in the same field for a multi-word query, there is no phrase, no
 * prefix (with the default tokenizer) and no edit-distance fuzzy search.
 */
import FlexSearch from 'flexsearch';
import type { BenchQuery } from '../bench-queries';
import { BASELINE_FIELDS, type FieldRecord } from '../bundle-documents';

type FlexDocument = InstanceType<typeof FlexSearch.Document>;
type FieldResults = Array<{ field: string; result: Array<number | string> }>;

/** As many results as Margin shows (its first page): FlexSearch returns no more than it is asked for. */
export const FLEXSEARCH_LIMIT = 20;

function createIndex(): FlexDocument {
  return new FlexSearch.Document({ document: { id: 'ref', index: [...BASELINE_FIELDS] } });
}

export function buildFlexSearch(records: readonly FieldRecord[]): FlexDocument {
  const index = createIndex();
  for (const record of records) index.add({ ...record });
  return index;
}

/** Every exported part, keyed as FlexSearch names them, in one JSON text. */
export function serialiseFlexSearch(index: FlexDocument): string {
  const parts: Record<string, string> = {};
  void index.export((key: string, data: string) => {
    parts[key] = data;
  });
  return JSON.stringify(parts);
}

export function loadFlexSearch(text: string): FlexDocument {
  const index = createIndex();
  for (const [key, data] of Object.entries(JSON.parse(text) as Record<string, string>))
    index.import(key, data);
  return index;
}

/** Distinct documents over the per-field result lists, in the order FlexSearch gives them. */
function refsOf(results: FieldResults): Set<number | string> {
  const refs = new Set<number | string>();
  for (const { result } of results) for (const ref of result) refs.add(ref);
  return refs;
}

function search(index: FlexDocument, text: string, field?: string): Set<number | string> {
  const options = field
    ? { query: text, index: field, limit: FLEXSEARCH_LIMIT }
    : { query: text, limit: FLEXSEARCH_LIMIT };
  return refsOf(index.search(options) as unknown as FieldResults);
}

/** The closest FlexSearch query for each kind, in words (reported in RESULTS.md). */
export const FLEXSEARCH_QUERIES: Record<BenchQuery['kind'], string> = {
  common: 'the word',
  rare: 'the word',
  and: 'both words (each field searched alone: both must be in one field)',
  or: 'each word searched, results merged',
  prefix: 'not supported by the default tokenizer (refused)',
  fuzzy: 'not supported (refused)',
  field: '`index: "title"`',
  phrase: 'both words, as for AND (no phrase search)',
};

/** The documents ranked for a query (at most FLEXSEARCH_LIMIT), or null where FlexSearch has no equivalent. */
export function rankFlexSearch(index: FlexDocument, query: BenchQuery): Array<number | string> | null {
  const [a, b] = query.words as [string, string | undefined];
  switch (query.kind) {
    case 'common':
    case 'rare':
      return [...search(index, a)];
    case 'and':
    case 'phrase':
      return [...search(index, `${a} ${b}`)];
    case 'or':
      return [...new Set([...search(index, a), ...search(index, b ?? '')])].slice(0, FLEXSEARCH_LIMIT);
    case 'field':
      return [...search(index, a, 'title')];
    case 'prefix':
    case 'fuzzy':
      return null;
  }
}

/** Number of documents returned (capped at FLEXSEARCH_LIMIT), or -1 where the kind is not supported. */
export function queryFlexSearch(index: FlexDocument, query: BenchQuery): number {
  return rankFlexSearch(index, query)?.length ?? -1;
}

/**
 * The first `count` document refs for a plain query, fields merged. `suggest: true` lets documents with
 * only some of the words through, as a plain query does in the other engines.
 */
export function rankFlexSearchPlain(index: FlexDocument, text: string, count: number): number[] {
  const results = index.search({
    query: text,
    limit: count,
    merge: true,
    suggest: true,
  }) as unknown as Array<{
    id: number | string;
  }>;
  return results.slice(0, count).map((result) => Number(result.id));
}
