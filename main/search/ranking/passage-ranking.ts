import type { PassageHit } from '../../api';
import { makeSnippet } from './snippet';
import type { DocumentRecord, Passage } from '../index/search-files';
import { BIO_HEADING, BIO_SECTION_ID } from '../index/search-files';
import { analyseText, findPhrase, WordStarts, type AnalysedToken } from '../index/text-analysis';

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
 * Cheap substrings that a passage holding one of the terms must contain. Porter stemming rewrites at
 * most the last two letters of a word's stem ("policy" → "polici"), so the stem minus two letters is in
 * the lower-cased word. Passages are first ranked by counting probes, and only the few best are then
 * analysed word by word (stemming every word of every passage of 20 documents costs milliseconds).
 */
function probesOf(terms: ReadonlySet<string>): Array<{ term: string; probe: string }> {
  return [...terms].map((term) => ({ term, probe: probeOf(term) }));
}

function probeOf(term: string): string {
  // Short stems are rarely rewritten except for a final y → i ("spy" → "spi").
  if (term.length > 4) return term.slice(0, -2);
  return term.endsWith('i') && term.length > 1 ? term.slice(0, -1) : term;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `LETTER_OR_DIGIT.test(text[at])`, without the regular expression for ASCII. */
function isLetterOrDigitAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  }
  return LETTER_OR_DIGIT.test(text[at]);
}

/** Occurrences of a probe at the start of a word. */
function countAtWordStarts(lower: string, probe: string): number {
  let count = 0;
  for (let at = lower.indexOf(probe); at >= 0; at = lower.indexOf(probe, at + probe.length)) {
    if (at === 0 || !isLetterOrDigitAt(lower, at - 1)) count++;
  }
  return count;
}

/**
 * Each document's passages lower-cased, kept as long as the passage store keeps the document: the
 * reader types on, and the longer query mostly shows the same documents. Keyed by the passage list
 * (one entry a document) rather than by passage, which would give the collector hundreds of entries a
 * query to trace.
 */
const lowerCased = new WeakMap<readonly Passage[], Array<string | undefined>>();

function lowerCaseOf(passages: readonly Passage[], order: number): string {
  let texts = lowerCased.get(passages);
  if (texts === undefined) lowerCased.set(passages, (texts = new Array<string | undefined>(passages.length)));
  return (texts[order] ??= passages[order].text.toLowerCase());
}

function saturate(tf: number): number {
  return (tf * (K1 + 1)) / (tf + K1);
}

const NO_WORDS = new WordStarts([]);

/** Passages analysed beyond the number asked for, in case the probe count over-rated some. */
const ANALYSIS_MARGIN = 2;

interface HeadingMatch {
  score: number;
  terms: string[];
  phrases: boolean[];
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

  const rough: Array<{
    passage: Passage;
    order: number;
    phrase: boolean;
    estimate: number;
    spans: Array<[number, number]>[];
  }> = [];
  passages.forEach((passage, order) => {
    const heading = headingMatch(passage);
    const spans = query.phrases.map((phrase) => findPhrase(passage.text, phrase));
    const phrase =
      query.phrases.length > 0 && spans.every((found, i) => found.length > 0 || heading.phrases[i]);
    let estimate = heading.score;
    if (probes.length > 0) {
      const lower = lowerCaseOf(passages, order);
      for (const { term, probe } of probes) {
        const tf = countAtWordStarts(lower, probe);
        if (tf > 0) estimate += query.weight(term) * saturate(tf);
      }
    }
    if (estimate > 0 || phrase) rough.push({ passage, order, phrase, estimate, spans });
  });
  const withPhrase = rough.some((candidate) => candidate.phrase);
  const shortlist = rough
    .filter((candidate) => !withPhrase || candidate.phrase)
    .sort((a, b) => b.estimate - a.estimate || a.order - b.order)
    .slice(0, count + ANALYSIS_MARGIN);

  // Only words starting with a probe can stem to a matched term; the rest need no stemming.
  const worthStemming = new WordStarts(probes.map(({ probe }) => probe));
  const candidates: Candidate[] = [];
  for (const { passage, order, phrase, spans } of shortlist) {
    const tokens = analyseText(passage.text, worthStemming);
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
    const heading = headingMatch(passage);
    let score = heading.score;
    for (const [term, tf] of frequency) score += query.weight(term) * saturate(tf);
    for (const term of heading.terms) terms.add(term);
    if (score === 0 && !phrase) continue;
    candidates.push({ passage, order, phrase, score, tokens, marked, terms });
  }

  if (candidates.length === 0) {
    const opening = passages[0];
    if (opening === undefined) return [];
    // Nothing in it is marked: the snippet needs where its words are, not what they stem to.
    const tokens = analyseText(opening.text, NO_WORDS);
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
  return candidates
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
