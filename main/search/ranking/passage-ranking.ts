import type { PassageHit } from '../../api';
import { makeSnippet, unmarkedSnippet } from './snippet';
import type { DocumentRecord, OpeningPassage, Passage } from '../index/search-files';
import { BIO_HEADING, BIO_SECTION_ID } from '../index/search-files';
import {
  analyseText,
  findPhrase,
  indexTermOf,
  tokenStartingWordAt,
  WordBounds,
  WordStarts,
  type AnalysedToken,
} from '../index/text-analysis';

/** What a document's match tells the passage ranking: which index terms matched in which field. */
export interface PassageQuery {
  /** Index terms that matched in the text (words, stems, prefix and fuzzy expansions). */
  bodyTerms: ReadonlySet<string>;
  /** Index terms that matched in the headings. */
  sectionTerms: ReadonlySet<string>;
  /** Required phrases that may sit in a passage or its heading (not restricted to title or author). */
  phrases: ReadonlyArray<readonly string[]>;
  /** How rare a term is: rarer matched words weigh more in a passage. */
  weight(term: string): number;
}

const SECTION_WEIGHT = 3;
const K1 = 1.2;

/**
 * How a word can look for it to stem to `term`: it starts with this. Porter stemming rewrites at most the
 * last two letters of a stem ("policy" → "polici", "citing" → "cite", "having" → "have"), and the
 * trimming of punctuation and possessives before it only takes letters off the ends; so only the words
 * starting with the stem less its last two letters need stemming to find a term's words, and a passage's
 * other words are passed over at the cost of a character test. The test suite checks this against the
 * full analysis of every word of real documents.
 */
export function termPrefix(term: string): string {
  return term.slice(0, Math.max(1, term.length - 2));
}

/**
 * Per passage of a recently shown document: its text lower-cased (where a term's words may start) and,
 * once a query needed them, where its words stand. Kept by passage list (one a document, as the passage
 * store keeps it; a document read again, or replaced, is a new list): while the reader types, each
 * longer query mostly shows the same documents. At most this many documents (a few pages of results),
 * the least recently used let go first.
 */
export const ANALYSED_DOCUMENTS = 64;
interface AnalysedPassages {
  lower: Array<string | undefined>;
  bounds: Array<WordBounds | undefined>;
}
const analysed = new Map<readonly Passage[], AnalysedPassages>();

function analysedOf(passages: readonly Passage[]): AnalysedPassages {
  let entry = analysed.get(passages);
  if (entry === undefined) {
    entry = { lower: new Array(passages.length), bounds: new Array(passages.length) };
    if (analysed.size >= ANALYSED_DOCUMENTS) analysed.delete(analysed.keys().next().value!);
  } else {
    analysed.delete(passages);
  }
  analysed.set(passages, entry);
  return entry;
}

/** How many documents' passages are kept analysed now (at most ANALYSED_DOCUMENTS). */
export function analysedDocumentCount(): number {
  return analysed.size;
}

function boundsOf(passages: readonly Passage[], entry: AnalysedPassages, order: number): WordBounds {
  return (entry.bounds[order] ??= WordBounds.of(passages[order].text));
}

function lowerOf(passages: readonly Passage[], entry: AnalysedPassages, order: number): string {
  return (entry.lower[order] ??= passages[order].text.toLowerCase());
}

function saturate(tf: number): number {
  return (tf * (K1 + 1)) / (tf + K1);
}

interface HeadingMatch {
  score: number;
  terms: string[];
  phrases: boolean[];
}

/** A passage that holds a match: its exact score, and where the query's phrases are in it. */
interface Scored {
  passage: Passage;
  order: number;
  phrase: boolean;
  score: number;
  spans: Array<Array<[number, number]>>;
  /** The matched words of its heading, as written. */
  headingTerms: readonly string[];
}

/** What a shown passage carries to its snippet. */
interface Shown extends Scored {
  tokens: AnalysedToken[];
  marked: boolean[];
  terms: Set<string>;
}

function overlapsSpan(spans: Scored['spans'], start: number, end: number): boolean {
  for (const found of spans) for (const [from, to] of found) if (start < to && end > from) return true;
  return false;
}

/** The query's matched body terms and the prefixes their words start with. */
interface BodyTerms {
  query: PassageQuery;
  starts: WordStarts;
  prefixes: string[];
  /**
   * Whether lower-casing a whole passage finds exactly the prefixes that lower-casing each word would:
   * it does unless a prefix holds a sigma (the one letter whose lower case depends on what follows).
   */
  findable: boolean;
}

function bodyTermsOf(query: PassageQuery): BodyTerms {
  const prefixes = [...new Set([...query.bodyTerms].map(termPrefix))];
  return {
    query,
    starts: new WordStarts(prefixes),
    prefixes,
    findable: prefixes.every((prefix) => !/[σς]/.test(prefix)),
  };
}

/**
 * The weight of the matched words a passage holds: each matched term by its rarity, saturating with
 * repeats. A word counts when it stems to a matched term or stands in one of the query's phrases (a
 * stop word there has no term and weighs nothing). Found by where the terms' prefixes start a word in
 * the lower-cased text, or, with a phrase in the passage (or a text whose lower case is longer), word by
 * word; both count exactly what a full analysis counts.
 */
function bodyScore(
  passages: readonly Passage[],
  entry: AnalysedPassages,
  order: number,
  terms: BodyTerms,
  spans: Scored['spans'],
): number {
  const { query } = terms;
  const inSpans = spans.some((found) => found.length > 0);
  if (query.bodyTerms.size === 0 && !inSpans) return 0;
  const frequency = new Map<string, number>();
  const count = (term: string | null) => {
    if (term !== null) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  };
  const text = passages[order].text;
  const lower = inSpans || !terms.findable ? null : lowerOf(passages, entry, order);
  if (lower !== null && lower.length === text.length) {
    // Same length: no letter grew in lower case, so offsets in `lower` are offsets in `text`.
    const seen = new Set<number>();
    for (const prefix of terms.prefixes) {
      for (let at = lower.indexOf(prefix); at >= 0; at = lower.indexOf(prefix, at + 1)) {
        if (seen.has(at)) continue;
        const token = tokenStartingWordAt(text, at);
        if (token === null) continue;
        seen.add(at);
        const term = indexTermOf(text.slice(token.start, token.end).toLowerCase());
        if (term !== null && query.bodyTerms.has(term)) count(term);
      }
    }
  } else {
    const bounds = boundsOf(passages, entry, order);
    for (let i = 0; i < bounds.count; i++) {
      const inPhrase = inSpans && overlapsSpan(spans, bounds.offsets[4 * i + 2], bounds.offsets[4 * i + 3]);
      if (!inPhrase && !bounds.startsWithOne(i, terms.starts)) continue;
      const term = bounds.termOf(i);
      if (inPhrase || (term !== null && query.bodyTerms.has(term))) count(term);
    }
  }
  let score = 0;
  for (const [term, tf] of frequency) score += query.weight(term) * saturate(tf);
  return score;
}

/**
 * The best passages of a matched document, best first: passages with every phrase, then by the weight of
 * the matched words they hold (saturating with repeats) plus matches in their heading. When no passage
 * holds a match (the title or author matched), the opening passage stands for the document. Every
 * passage is scored exactly, as a full analysis would score it, but only the words that can stem to a
 * matched term are stemmed (termPrefix), and only the passages shown are turned into tokens.
 */
export function rankPassages(
  record: DocumentRecord,
  passages: readonly Passage[],
  query: PassageQuery,
  count: number,
): PassageHit[] {
  const terms = bodyTermsOf(query);
  const entry = analysedOf(passages);
  const headings = new Map<number, HeadingMatch>();
  const headingMatch = (passage: Passage): HeadingMatch => {
    let match = headings.get(passage.section);
    if (match === undefined) {
      const heading = headingOf(record, passage);
      match = {
        score: 0,
        terms: [],
        phrases: query.phrases.map((phrase) => heading !== null && findPhrase(heading, phrase).length > 0),
      };
      if (heading !== null && query.sectionTerms.size > 0) {
        for (const token of analyseText(heading)) {
          if (token.term !== null && query.sectionTerms.has(token.term)) {
            match.score += SECTION_WEIGHT * query.weight(token.term);
            match.terms.push(heading.slice(token.start, token.end));
          }
        }
      }
      headings.set(passage.section, match);
    }
    return match;
  };

  const scored: Scored[] = [];
  passages.forEach((passage, order) => {
    const heading = headingMatch(passage);
    const spans = query.phrases.map((phrase) => findPhrase(passage.text, phrase));
    const phrase =
      query.phrases.length > 0 && spans.every((found, i) => found.length > 0 || heading.phrases[i]);
    const score = heading.score + bodyScore(passages, entry, order, terms, spans);
    if (score > 0 || phrase)
      scored.push({ passage, order, phrase, score, spans, headingTerms: heading.terms });
  });
  const withPhrase = scored.some((candidate) => candidate.phrase);
  const best = scored
    .filter((candidate) => !withPhrase || candidate.phrase)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, count);

  if (best.length === 0) {
    const opening = passages[0];
    if (opening === undefined) return [];
    return [openingHit(record, { ...opening, snippet: unmarkedSnippet(opening.text) })];
  }
  return best.map((candidate) =>
    hitOf(record, shownOf(candidate, boundsOf(passages, entry, candidate.order), terms.starts, query)),
  );
}

/** A shown passage's tokens, which of them are marked, and the matched words as written. */
function shownOf(candidate: Scored, bounds: WordBounds, starts: WordStarts, query: PassageQuery): Shown {
  const { passage, spans } = candidate;
  const tokens = new Array<AnalysedToken>(bounds.count);
  const marked = new Array<boolean>(bounds.count);
  const terms = new Set<string>();
  for (let i = 0; i < bounds.count; i++) {
    const start = bounds.offsets[4 * i + 2];
    const end = bounds.offsets[4 * i + 3];
    const inPhrase = overlapsSpan(spans, start, end);
    const term = inPhrase || bounds.startsWithOne(i, starts) ? bounds.termOf(i) : null;
    tokens[i] = { start, end, term };
    marked[i] = inPhrase || (term !== null && query.bodyTerms.has(term));
    if (marked[i]) terms.add(passage.text.slice(start, end));
  }
  for (const term of candidate.headingTerms) terms.add(term);
  return { ...candidate, tokens, marked, terms };
}

/**
 * The hit of a document whose text holds none of the query's words (its title or author matched): its
 * opening passage, nothing marked. From the record's `opening` it needs no read of the document.
 */
export function openingHit(record: DocumentRecord, opening: OpeningPassage): PassageHit {
  return {
    blockId: opening.blockId,
    sectionId: opening.section >= 0 ? record.sections[opening.section][0] : BIO_SECTION_ID,
    section: headingOf(record, opening),
    snippet: opening.snippet === '' ? [] : [{ text: opening.snippet, mark: false }],
    terms: [],
    score: 0,
  };
}

function headingOf(record: DocumentRecord, passage: Pick<Passage, 'section'>): string | null {
  return passage.section >= 0 ? record.sections[passage.section][1] : BIO_HEADING;
}

function hitOf(record: DocumentRecord, candidate: Shown): PassageHit {
  const { passage } = candidate;
  return {
    blockId: passage.blockId,
    sectionId: passage.section >= 0 ? record.sections[passage.section][0] : BIO_SECTION_ID,
    section: headingOf(record, passage),
    snippet: makeSnippet(passage.text, candidate.tokens, candidate.marked),
    terms: [...candidate.terms],
    score: Math.round(candidate.score * 1000) / 1000,
  };
}
