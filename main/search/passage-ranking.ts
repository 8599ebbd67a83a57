import type { PassageHit } from '../api';
import { makeSnippet } from './snippet';
import type { DocumentRecord, Passage } from './search-files';
import { BIO_HEADING, BIO_SECTION_ID } from './search-files';
import { analyseText, findPhrase, type AnalysedToken } from './text-analysis';

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

interface Candidate {
  passage: Passage;
  order: number;
  phrase: boolean;
  score: number;
  tokens: AnalysedToken[];
  marked: boolean[];
  terms: Set<string>;
}

/**
 * Cheap substrings that any passage holding one of the terms must contain. Porter stemming rewrites at
 * most the last two letters of a word's stem ("policy" → "polici"), so the stem minus two letters is in
 * the lower-cased word. Passages without any probe are skipped without being analysed.
 */
function probesOf(terms: ReadonlySet<string>): string[] {
  return [...terms].map((term) => term.slice(0, Math.max(1, term.length - 2)));
}

/**
 * The best passages of a matched document, best first: passages with every phrase, then by the weight of
 * the matched words they hold (saturating with repeats) plus matches in their heading. When no passage
 * holds a match (the title or author matched), the opening passage stands for the document.
 */
export function rankPassages(
  record: DocumentRecord,
  passages: readonly Passage[],
  query: PassageQuery,
  count: number,
): PassageHit[] {
  const probes = probesOf(query.bodyTerms);
  const candidates: Candidate[] = [];
  passages.forEach((passage, order) => {
    const heading = headingOf(record, passage);
    const lower = passage.text.toLowerCase();
    const spans = query.phrases.map((phrase) => findPhrase(passage.text, phrase));
    const phrase =
      query.phrases.length > 0 &&
      spans.every(
        (found, i) =>
          found.length > 0 || (heading !== null && findPhrase(heading, query.phrases[i]).length > 0),
      );
    const headingTokens =
      heading !== null && query.sectionTerms.size > 0
        ? analyseText(heading).filter((token) => token.term !== null && query.sectionTerms.has(token.term))
        : [];
    if (!phrase && headingTokens.length === 0 && !probes.some((probe) => lower.includes(probe))) return;

    const tokens = analyseText(passage.text);
    const marked = tokens.map((token) => token.term !== null && query.bodyTerms.has(token.term));
    for (const found of spans) {
      for (const [from, to] of found) {
        tokens.forEach((token, i) => {
          if (token.start < to && token.end > from) marked[i] = true;
        });
      }
    }
    const frequency = new Map<string, number>();
    const terms = new Set<string>();
    tokens.forEach((token, i) => {
      if (!marked[i]) return;
      terms.add(passage.text.slice(token.start, token.end));
      if (token.term !== null) frequency.set(token.term, (frequency.get(token.term) ?? 0) + 1);
    });
    let score = 0;
    for (const [term, tf] of frequency) score += query.weight(term) * ((tf * (K1 + 1)) / (tf + K1));
    for (const token of headingTokens) {
      score += SECTION_WEIGHT * query.weight(token.term as string);
      terms.add((heading as string).slice(token.start, token.end));
    }
    if (score === 0 && !phrase) return;
    candidates.push({ passage, order, phrase, score, tokens, marked, terms });
  });

  if (candidates.length === 0) {
    const opening = passages[0];
    if (opening === undefined) return [];
    const tokens = analyseText(opening.text);
    const marked = tokens.map(() => false);
    return [
      hitOf(record, {
        passage: opening,
        order: 0,
        phrase: false,
        score: 0,
        tokens,
        marked,
        terms: new Set(),
      }),
    ];
  }
  const withPhrase = candidates.some((candidate) => candidate.phrase);
  return candidates
    .filter((candidate) => !withPhrase || candidate.phrase)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, count)
    .map((candidate) => hitOf(record, candidate));
}

function headingOf(record: DocumentRecord, passage: Passage): string | null {
  return passage.section >= 0 ? record.sections[passage.section][1] : BIO_HEADING;
}

function hitOf(record: DocumentRecord, candidate: Candidate): PassageHit {
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
