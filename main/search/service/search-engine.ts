import type { DocumentHit, SearchOptions, SearchResults } from '../../api';
import { errorDetail } from '../../errors';
import type { CompactIndex } from '../index/compact-index';
import type { PhraseFilter } from '../index/phrase-filter';
import { openingHit, rankPassages, type PassageQuery } from '../ranking/passage-ranking';
import { parseQuery, type ParsedQuery } from '../query/query-language';
import type { DocumentRecord, OpeningPassage, PassageStore } from '../index/search-files';
import type { RecordTable } from '../index/record-table';
import { stageCandidates, type Candidate, type StageCandidates } from './stage-candidates';

export { PHRASE_READ_LIMIT } from './stage-candidates';

/** A loaded index ready to answer: the meta stage (titles, authors, headings) or the full body stage. */
export interface SearchStage {
  /** False for the meta stage: results say the full text was not searched yet. */
  readonly complete: boolean;
  readonly compact: CompactIndex;
  /** The stage's document records by ref, read as a query shows them (record-table.ts). */
  readonly documents: RecordTable;
  readonly passages: PassageStore;
  /** Which documents may hold a phrase: Bloom filters of adjacent word pairs (phrase-filter.ts). */
  readonly phraseFilter: PhraseFilter;
  /** Documents the stage holds but must not show (your removed or replaced ones, until re-assembly). */
  readonly hiddenRefs?: ReadonlySet<number>;
}

export const DEFAULT_LIMIT = 20;
export const DEFAULT_PASSAGES = 3;
/** How many documents, and passages per document, a search may ask for (the API gate refuses others). */
export const SEARCH_OPTION_RANGES = {
  limit: { min: 1, max: 100 },
  passagesPerDocument: { min: 1, max: 20 },
} as const;

function clampCount(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** Runs a query on a stage. Never throws: a query that cannot run comes back `invalid` with a message. */
export function runSearch(stage: SearchStage, query: string, options: SearchOptions = {}): SearchResults {
  return runSearchOver([stage], query, options);
}

/**
 * Runs a query on several stages (the bundled index and the reader's own documents) as one search: the
 * stages score alike, so their matches merge into one list, documents holding more of the query's
 * words first, then by score (ties: the earlier stage first). Each stage gives only its candidates
 * (stage-candidates.ts); passages are read and ranked for the `limit` the merged list keeps, so that
 * ten stages cost the passages of one page, not of ten.
 */
export function runSearchOver(
  stages: readonly SearchStage[],
  query: string,
  options: SearchOptions = {},
): SearchResults {
  const started = performance.now();
  const parsed = parseQuery(query);
  if (!parsed.ok) return { status: 'invalid', query, message: parsed.message };
  const { limit: limits, passagesPerDocument: perDocumentLimits } = SEARCH_OPTION_RANGES;
  const limit = clampCount(options.limit, limits.min, limits.max, DEFAULT_LIMIT);
  const perDocument = clampCount(
    options.passagesPerDocument,
    perDocumentLimits.min,
    perDocumentLimits.max,
    DEFAULT_PASSAGES,
  );
  try {
    const { found, merged } = mergedCandidates(stages, parsed.query, limit);
    // Phrases that choose passages: unfielded ones (a section: phrase chooses by heading, via its words).
    const bodyPhrases = parsed.query.phrases
      .filter((phrase) => phrase.presence === 'required' && phrase.field === null)
      .map((phrase) => phrase.words);
    // Shards of one corpus weigh words over the whole corpus, so a passage is chosen as in one index.
    const weights = new Map<object, (term: string) => number>();
    const groups = merged.slice(0, limit).flatMap(({ stage, candidate }) => {
      const { compact } = stage.stage;
      const corpus = compact.shardGroup ?? compact;
      let weight = weights.get(corpus);
      if (weight === undefined)
        weights.set(corpus, (weight = termWeights(compact.shardGroup?.shards ?? [compact])));
      return documentHit(stage, candidate, { phrases: bodyPhrases, weight }, perDocument) ?? [];
    });
    return {
      status: 'ok',
      query,
      total: found.reduce((sum, stage) => sum + stage.total, 0),
      groups,
      annotations: [],
      complete: stages.every((stage) => stage.complete),
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  } catch (error) {
    return { status: 'invalid', query, message: `This search could not be run: ${errorDetail(error)}` };
  }
}

/**
 * A search's first phase over several stages: each stage's candidates (at most `limit`), merged into one
 * list, documents holding more of the query's words first, then by score (ties: the earlier stage first).
 * Ranked documents only, as a search engine without passages answers; `runSearchOver` shows the first
 * `limit` of `merged`.
 */
export function mergedCandidates(
  stages: readonly SearchStage[],
  query: ParsedQuery,
  limit: number,
): { found: StageCandidates[]; merged: Array<{ stage: StageCandidates; candidate: Candidate }> } {
  const found = stages.map((stage) => stageCandidates(stage, query, limit));
  const merged = found.flatMap((stage) => stage.candidates.map((candidate) => ({ stage, candidate })));
  // Array#sort is stable: equal candidates keep their stage's order, the earlier stage first.
  if (stages.length > 1) {
    merged.sort(
      (a, b) => b.candidate.coverage - a.candidate.coverage || b.candidate.score - a.candidate.score,
    );
  }
  return { found, merged };
}

/** How rare each term is in a corpus (rarer matched words weigh more in a passage), worked out once. */
function termWeights(corpus: readonly CompactIndex[]): (term: string) => number {
  const weights = new Map<string, number>();
  const refCount = corpus.reduce((sum, compact) => sum + compact.refCount, 0);
  return (term) => {
    let value = weights.get(term);
    if (value === undefined) {
      const postings = corpus.reduce((sum, compact) => sum + compact.postingCount(term), 0);
      value = Math.log(1 + refCount / (1 + postings));
      weights.set(term, value);
    }
    return value;
  };
}

/**
 * The opening passage a hit shows from the record alone: when none of the query's words matched the
 * document's text or headings (its title or author did) and no phrase chooses a passage. Undefined
 * otherwise, or when the record does not hold it (a bundle built before records kept it).
 */
export function openingShown(
  record: DocumentRecord,
  query: Pick<PassageQuery, 'bodyTerms' | 'sectionTerms' | 'phrases'>,
): OpeningPassage | undefined {
  const byTitleOrAuthor =
    query.bodyTerms.size === 0 && query.sectionTerms.size === 0 && query.phrases.length === 0;
  return byTitleOrAuthor ? record.opening : undefined;
}

/**
 * A candidate the search shows: only now are its record and passages read, and its passages ranked (a
 * document matched by its title or author alone shows its opening passage, which its record holds).
 * Null when its record is damaged on disk (the table has said so): the rest of the answer still shows.
 */
function documentHit(
  { stage, outcome }: StageCandidates,
  { ref, score }: Candidate,
  query: Pick<PassageQuery, 'phrases' | 'weight'>,
  perDocument: number,
): DocumentHit | null {
  const record = stage.documents.get(ref);
  if (record === null) return null;
  const bodyTerms = new Set<string>();
  const sectionTerms = new Set<string>();
  for (const { term, field } of outcome.matchedTerms(ref)) {
    if (field === 'body') bodyTerms.add(term);
    if (field === 'section') sectionTerms.add(term);
  }
  const opening = openingShown(record, { ...query, bodyTerms, sectionTerms });
  return {
    docId: record.id,
    title: record.title,
    authors: record.authors,
    published: record.published,
    score,
    passages:
      opening !== undefined
        ? [openingHit(record, opening)]
        : rankPassages(
            record,
            stage.passages.read(record),
            { ...query, bodyTerms, sectionTerms },
            perDocument,
          ),
  };
}
