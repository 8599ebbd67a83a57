/**
 * The first phase of a search: per stage, its best matches in rank order, checked against the query's
 * phrases, and how many documents of the stage match. No passage is ranked here: a search over several
 * stages (bundled shards, your documents) merges their candidates first, and only the few it shows have
 * their passages read and ranked (search-engine.ts). Phrases still need texts read, within
 * PHRASE_READ_LIMIT.
 */
import { queryCompact, type CompactQueryResult } from '../query/compact-query';
import { addClauses, type ParsedQuery, type QueryPhrase } from '../query/query-language';
import type { DocumentRecord, Passage } from '../index/search-files';
import { phraseBits } from '../index/phrase-filter';
import { containsPhrase } from '../index/text-analysis';
import type { SearchStage } from './search-engine';

/**
 * Phrase queries check candidates (documents with every word of the phrase) for the exact phrase in
 * score order. Most are ruled out unread by their word-pair filter; at most this many texts are read.
 * Past that, `total` counts only the documents verified so far (a lower bound).
 */
export const PHRASE_READ_LIMIT = 60;

class ReadLimitReached extends Error {}
class DamagedRecord extends Error {}

/** A match of a stage that may be shown. */
export interface Candidate {
  ref: number;
  /** The score as a hit shows it (3 decimals): stages merge by this, so that the list reads in order. */
  score: number;
  /** How many of the query's words the document holds. */
  coverage: number;
}

/** What one stage found for a query. */
export interface StageCandidates {
  stage: SearchStage;
  /** The stage's query, kept for the matched terms of the candidates that are shown. */
  outcome: CompactQueryResult;
  /** At most `limit` matches, best first (coverage, then score). */
  candidates: Candidate[];
  /** How many documents of the stage match (past PHRASE_READ_LIMIT, those verified so far). */
  total: number;
}

const shownScore = (score: number): number => Math.round(score * 1000) / 1000;

/** The stage's best `limit` matches that pass the query's phrases, and how many match in all. */
export function stageCandidates(stage: SearchStage, query: ParsedQuery, limit: number): StageCandidates {
  const { compact, documents } = stage;
  const outcome = queryCompact(compact, (lunrQuery) => addClauses(lunrQuery, query, compact.fields));
  const phrases = query.phrases;
  const hidden = stage.hiddenRefs;
  const found: StageCandidates = { stage, outcome, candidates: [], total: 0 };

  // Documents whose word-pair filter lacks a required phrase cannot hold it: they are dropped unread,
  // before ranking, so that only plausible candidates are ranked and checked. Each phrase's test is made
  // once (for bundled shards, the AND of its filter slices) and then costs a bit per candidate.
  const mayHoldByPhrase = new Map<readonly string[], (ref: number) => boolean>();
  const mayHold = (words: readonly string[]): ((ref: number) => boolean) => {
    let test = mayHoldByPhrase.get(words);
    if (test === undefined) {
      test = stage.phraseFilter.mayHold(phraseBits(words));
      mayHoldByPhrase.set(words, test);
    }
    return test;
  };
  // Made when the first candidate is asked about: a stage without candidates reads no filter.
  const required = phrases.filter((phrase) => phrase.presence === 'required').map((p) => p.words);
  // The page and one more are taken (the one more tells the count is the match count); a phrase's
  // checks may take more, which the ranking gives from its heap.
  const ranked =
    required.length === 0 && hidden === undefined
      ? outcome.ranked('coverage', limit + 1)
      : outcome.rankedWhere(
          (ref) => !hidden?.has(ref) && required.every((words) => mayHold(words)(ref)),
          'coverage',
          limit + 1,
        );
  let reads = 0;
  for (const { ref, score, coverage } of ranked) {
    if (phrases.length > 0) {
      let passages: Passage[] | undefined;
      let record: DocumentRecord | null | undefined;
      // Records are read from disk one by one: only for a candidate whose filter may hold the phrase.
      const recordOf = (): DocumentRecord => {
        record ??= documents.get(ref);
        if (record === null) throw new DamagedRecord();
        return record;
      };
      const mayHoldHere = (words: readonly string[]) => mayHold(words)(ref);
      const inText = (words: readonly string[]) => {
        if (!mayHoldHere(words)) return false;
        if (passages === undefined && reads++ >= PHRASE_READ_LIMIT) throw new ReadLimitReached();
        passages ??= stage.passages.read(recordOf());
        return passages.some((passage) => containsPhrase(passage.text, words));
      };
      try {
        if (!phrases.every((phrase) => phraseAllows(phrase, mayHoldHere, recordOf, inText))) continue;
      } catch (error) {
        if (error instanceof ReadLimitReached) break;
        // A damaged record was reported by its table; the document is left out, the search goes on.
        if (error instanceof DamagedRecord) continue;
        throw error;
      }
    }
    found.total++;
    if (found.candidates.length >= limit) {
      // Without a phrase (or hidden documents) every match counts as it is: the rest need not be ranked.
      if (phrases.length === 0 && hidden === undefined) {
        found.total = outcome.count;
        break;
      }
      continue;
    }
    found.candidates.push({ ref, score: shownScore(score), coverage });
  }
  return found;
}

/**
 * Whether a document passes a phrase: a required phrase must occur in its field, a prohibited one not.
 * The word-pair filter covers the title, authors and headings too: where it rules the phrase out, the
 * record is not read.
 */
function phraseAllows(
  phrase: QueryPhrase,
  mayHold: (words: readonly string[]) => boolean,
  recordOf: () => DocumentRecord,
  inText: (words: readonly string[]) => boolean,
): boolean {
  const words = phrase.words;
  const inTitle = () => containsPhrase(recordOf().title, words);
  const inAuthor = () => recordOf().authors.some((author) => containsPhrase(author, words));
  const inSection = () =>
    recordOf().sections.some(([, heading]) => heading !== null && containsPhrase(heading, words));
  const found =
    mayHold(words) &&
    (phrase.field === 'title'
      ? inTitle()
      : phrase.field === 'author'
        ? inAuthor()
        : phrase.field === 'section'
          ? inSection()
          : inTitle() || inAuthor() || inSection() || inText(words));
  return phrase.presence === 'required' ? found : !found;
}
