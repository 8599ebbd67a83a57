import type { PassageHit } from '../api';
import { makeSnippet } from './snippet';
import type { DocumentRecord, Passage } from './search-files';
import { BIO_HEADING, BIO_SECTION_ID } from './search-files';
import { analyseText, findPhrase } from './text-analysis';

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
  const candidates: Array<{ hit: PassageHit; order: number; phrase: boolean }> = [];
  passages.forEach((passage, order) => {
    const heading = passage.section >= 0 ? record.sections[passage.section][1] : BIO_HEADING;
    const sectionId = passage.section >= 0 ? record.sections[passage.section][0] : BIO_SECTION_ID;
    const tokens = analyseText(passage.text);
    const marked = tokens.map((token) => token.term !== null && query.bodyTerms.has(token.term));

    const spans = query.phrases.map((phrase) => findPhrase(passage.text, phrase));
    const headingHasPhrase = (i: number) =>
      heading !== null && findPhrase(heading, query.phrases[i]).length > 0;
    const phrase =
      query.phrases.length > 0 && spans.every((found, i) => found.length > 0 || headingHasPhrase(i));
    for (const found of spans) {
      for (const [from, to] of found) {
        tokens.forEach((token, i) => {
          if (token.start < to && token.end > from) marked[i] = true;
        });
      }
    }

    const frequency = new Map<string, number>();
    tokens.forEach((token, i) => {
      if (marked[i] && token.term !== null) frequency.set(token.term, (frequency.get(token.term) ?? 0) + 1);
    });
    let score = 0;
    for (const [term, tf] of frequency) score += query.weight(term) * ((tf * (K1 + 1)) / (tf + K1));

    const terms = new Set<string>();
    tokens.forEach((token, i) => marked[i] && terms.add(passage.text.slice(token.start, token.end)));
    if (heading !== null && query.sectionTerms.size > 0) {
      for (const token of analyseText(heading)) {
        if (token.term !== null && query.sectionTerms.has(token.term)) {
          score += SECTION_WEIGHT * query.weight(token.term);
          terms.add(heading.slice(token.start, token.end));
        }
      }
    }
    if (score === 0 && !phrase) return;
    candidates.push({
      order,
      phrase,
      hit: {
        blockId: passage.blockId,
        sectionId,
        section: heading,
        snippet: makeSnippet(passage.text, tokens, marked),
        terms: [...terms],
        score: Math.round(score * 1000) / 1000,
      },
    });
  });

  if (candidates.length === 0) {
    const opening = passages[0];
    if (opening === undefined) return [];
    const tokens = analyseText(opening.text);
    return [
      {
        blockId: opening.blockId,
        sectionId: opening.section >= 0 ? record.sections[opening.section][0] : BIO_SECTION_ID,
        section: opening.section >= 0 ? record.sections[opening.section][1] : BIO_HEADING,
        snippet: makeSnippet(
          opening.text,
          tokens,
          tokens.map(() => false),
        ),
        terms: [],
        score: 0,
      },
    ];
  }
  const withPhrase = candidates.some((candidate) => candidate.phrase);
  return candidates
    .filter((candidate) => !withPhrase || candidate.phrase)
    .sort((a, b) => b.hit.score - a.hit.score || a.order - b.order)
    .slice(0, count)
    .map((candidate) => candidate.hit);
}
