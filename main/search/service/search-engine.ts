import type { DocumentHit, SearchOptions, SearchResults } from '../../api';
import { errorDetail } from '../../errors';
import type { CompactIndex } from '../index/compact-index';
import { queryCompact } from '../query/compact-query';
import { rankPassages, type PassageQuery } from '../ranking/passage-ranking';
import { addClauses, parseQuery, type ParsedQuery, type QueryPhrase } from '../query/query-language';
import type { DocumentRecord, Passage, PassageStore } from '../index/search-files';
import { mayContainPhrase, phraseBits } from '../index/phrase-filter';
import { containsPhrase } from '../index/text-analysis';

/** A loaded index ready to answer: the meta stage (titles, authors, headings) or the full body stage. */
export interface SearchStage {
  /** False for the meta stage: results say the full text was not searched yet. */
  readonly complete: boolean;
  readonly compact: CompactIndex;
  readonly documents: readonly DocumentRecord[];
  readonly passages: PassageStore;
  /** Per-document Bloom filters of adjacent word pairs (phrase-filter.ts). */
  readonly phraseFilters: Uint8Array;
  /** Documents the stage holds but must not show (your removed or replaced ones, until re-assembly). */
  readonly hiddenRefs?: ReadonlySet<number>;
}

export const DEFAULT_LIMIT = 20;
export const DEFAULT_PASSAGES = 3;
/**
 * Phrase queries check candidates (documents with every word of the phrase) for the exact phrase in
 * score order. Most are ruled out unread by their word-pair filter; at most this many texts are read.
 * Past that, `total` counts only the documents verified so far (a lower bound).
 */
export const PHRASE_READ_LIMIT = 60;

class ReadLimitReached extends Error {}

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
 * words first, then by score (ties: the earlier stage first).
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
    const ranked: Array<{ hit: DocumentHit; coverage: number; order: number }> = [];
    let total = 0;
    for (const stage of stages) {
      const groups: DocumentHit[] = [];
      const coverages: number[] = [];
      total += collect(stage, parsed.query, limit, perDocument, groups, coverages);
      groups.forEach((hit, i) => ranked.push({ hit, coverage: coverages[i], order: ranked.length }));
    }
    if (stages.length > 1) {
      ranked.sort((a, b) => b.coverage - a.coverage || b.hit.score - a.hit.score || a.order - b.order);
    }
    return {
      status: 'ok',
      query,
      total,
      groups: ranked.slice(0, limit).map((entry) => entry.hit),
      annotations: [],
      complete: stages.every((stage) => stage.complete),
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  } catch (error) {
    return { status: 'invalid', query, message: `This search could not be run: ${errorDetail(error)}` };
  }
}

function collect(
  stage: SearchStage,
  query: ParsedQuery,
  limit: number,
  perDocument: number,
  groups: DocumentHit[],
  coverages: number[],
): number {
  const { compact, documents } = stage;
  const outcome = queryCompact(compact, (lunrQuery) => addClauses(lunrQuery, query, compact.fields));
  const passagesOf = (ref: number): Passage[] => stage.passages.read(documents[ref]);
  const phrases = query.phrases;
  // Phrases that choose passages: unfielded ones (a section: phrase chooses by heading, via its words).
  const bodyPhrases = phrases.filter((p) => p.presence === 'required' && p.field === null);

  const weights = new Map<string, number>();
  const weight = (term: string) => {
    let value = weights.get(term);
    if (value === undefined) {
      value = Math.log(1 + compact.refCount / (1 + compact.postingCount(term)));
      weights.set(term, value);
    }
    return value;
  };

  let total = 0;
  let reads = 0;
  // Documents whose word-pair filter lacks a required phrase cannot hold it: they are dropped unread,
  // before ranking, so that only plausible candidates are ranked and checked.
  const required = phrases
    .filter((phrase) => phrase.presence === 'required')
    .map((phrase) => phraseBits(phrase.words));
  const bitsByPhrase = new Map<readonly string[], number[]>(
    phrases.map((phrase) => [phrase.words, phraseBits(phrase.words)]),
  );
  const hidden = stage.hiddenRefs;
  const candidates =
    required.length === 0 && hidden === undefined
      ? outcome.ranked('coverage')
      : outcome.rankedWhere(
          (ref) =>
            !hidden?.has(ref) && required.every((bits) => mayContainPhrase(stage.phraseFilters, ref, bits)),
          'coverage',
        );
  for (const { ref, score, coverage } of candidates) {
    const record = documents[ref];
    if (phrases.length > 0) {
      let passages: Passage[] | undefined;
      const inText = (words: readonly string[]) => {
        if (!mayContainPhrase(stage.phraseFilters, ref, bitsByPhrase.get(words) ?? [])) return false;
        if (passages === undefined && reads++ >= PHRASE_READ_LIMIT) throw new ReadLimitReached();
        passages ??= passagesOf(ref);
        return passages.some((passage) => containsPhrase(passage.text, words));
      };
      try {
        if (!phrases.every((phrase) => phraseAllows(phrase, record, inText))) continue;
      } catch (error) {
        if (error instanceof ReadLimitReached) break;
        throw error;
      }
    }
    total++;
    if (groups.length >= limit) {
      // Without a phrase (or hidden documents) every match counts as it is: the rest need not be ranked.
      if (phrases.length === 0 && hidden === undefined) return outcome.count;
      continue;
    }

    const bodyTerms = new Set<string>();
    const sectionTerms = new Set<string>();
    for (const { term, field } of outcome.matchedTerms(ref)) {
      if (field === 'body') bodyTerms.add(term);
      if (field === 'section') sectionTerms.add(term);
    }
    const passageQuery: PassageQuery = {
      bodyTerms,
      sectionTerms,
      phrases: bodyPhrases.map((phrase) => phrase.words),
      weight,
    };
    coverages.push(coverage);
    groups.push({
      docId: record.id,
      title: record.title,
      authors: record.authors,
      published: record.published,
      score: Math.round(score * 1000) / 1000,
      passages: rankPassages(record, passagesOf(ref), passageQuery, perDocument),
    });
  }
  return total;
}

/** Whether a document passes a phrase: a required phrase must occur in its field, a prohibited one not. */
function phraseAllows(
  phrase: QueryPhrase,
  record: DocumentRecord,
  inText: (words: readonly string[]) => boolean,
): boolean {
  const words = phrase.words;
  const inTitle = () => containsPhrase(record.title, words);
  const inAuthor = () => record.authors.some((author) => containsPhrase(author, words));
  const inSection = () =>
    record.sections.some(([, heading]) => heading !== null && containsPhrase(heading, words));
  const found =
    phrase.field === 'title'
      ? inTitle()
      : phrase.field === 'author'
        ? inAuthor()
        : phrase.field === 'section'
          ? inSection()
          : inTitle() || inAuthor() || inSection() || inText(words);
  return phrase.presence === 'required' ? found : !found;
}
