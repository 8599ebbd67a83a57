import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PassageHit } from '../../../../main/api';
import { parseWebPage } from '../../../../main/import/parse-web-page';
import { parseRcasText } from '../../../../main/library/parse-rcas-text';
import { recordOfDocument } from '../../../../main/search/index/record-table';
import {
  BIO_HEADING,
  BIO_SECTION_ID,
  documentPassages,
  type DocumentRecord,
  type Passage,
} from '../../../../main/search/index/search-files';
import { analyseText, findPhrase, indexTermOf } from '../../../../main/search/index/text-analysis';
import {
  ANALYSED_DOCUMENTS,
  analysedDocumentCount,
  openingHit,
  rankPassages,
  termPrefix,
  type PassageQuery,
} from '../../../../main/search/ranking/passage-ranking';
import { makeSnippet } from '../../../../main/search/ranking/snippet';
import { sharedFolder } from '../../../shared-folder';

const RCAS_FILE = 'security-concerns-impede-china-pakistan-relations.txt';
const html = sharedFolder('corpora/html', 'the corpus of real web pages');

/** The bundled commentary as the search sees it: its record and passages. */
function bundledCommentary(): { record: DocumentRecord; passages: Passage[] } {
  const doc = parseRcasText(readFileSync(join('content', RCAS_FILE), 'utf8'), RCAS_FILE);
  const passages = documentPassages(doc);
  return { record: recordOfDocument(doc, passages), passages };
}

/**
 * What a hit on a document's title alone must show, worked out from its text: the opening passage, its
 * section, and the snippet of that passage with nothing marked.
 */
function openingFromText(record: DocumentRecord, passages: readonly Passage[]): PassageHit {
  const opening = passages[0];
  const tokens = analyseText(opening.text);
  const section = opening.section >= 0 ? record.sections[opening.section] : null;
  return {
    blockId: opening.blockId,
    sectionId: section === null ? BIO_SECTION_ID : section[0],
    section: section === null ? BIO_HEADING : section[1],
    snippet: makeSnippet(
      opening.text,
      tokens,
      tokens.map(() => false),
    ),
    terms: [],
    score: 0,
  };
}

/** The words of a real web page's text (its tags taken out), for checks that need real prose. */
function pageText(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/<(script|style)[^]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
}

/** Every word of `text` with the term the index gives it, where it has one. */
function wordsWithTerms(text: string): Array<{ word: string; term: string }> {
  return analyseText(text).flatMap((token) =>
    token.term === null ? [] : [{ word: text.slice(token.start, token.end), term: token.term }],
  );
}

/** A record of one untitled section, for passages written out in a test. */
function oneSectionRecord(id: string): DocumentRecord {
  return { id, title: id.toUpperCase(), authors: [], published: null, sections: [['s', null]] };
}

const K1 = 1.2;
const saturate = (tf: number) => (tf * (K1 + 1)) / (tf + K1);

/**
 * What the ranking must give, worked out the slow way: every word of every passage stemmed, a word
 * marked when its term matched or it stands in a phrase, every passage scored, the best `count` shown.
 */
function fullAnalysisRanking(
  record: DocumentRecord,
  passages: readonly Passage[],
  query: PassageQuery,
  count: number,
): PassageHit[] {
  const headingOf = (passage: Passage) =>
    passage.section >= 0 ? record.sections[passage.section][1] : BIO_HEADING;
  const ranked = passages.map((passage, order) => {
    const heading = headingOf(passage);
    let score = 0;
    const terms: string[] = [];
    for (const token of heading === null ? [] : analyseText(heading)) {
      if (token.term !== null && query.sectionTerms.has(token.term)) {
        score += 3 * query.weight(token.term);
        terms.push(heading!.slice(token.start, token.end));
      }
    }
    const spans = query.phrases.map((phrase) => findPhrase(passage.text, phrase));
    const phrase =
      query.phrases.length > 0 &&
      spans.every(
        (found, i) =>
          found.length > 0 || (heading !== null && findPhrase(heading, query.phrases[i]).length > 0),
      );
    const tokens = analyseText(passage.text);
    const marked = tokens.map(
      (token) =>
        (token.term !== null && query.bodyTerms.has(token.term)) ||
        spans.some((found) => found.some(([from, to]) => token.start < to && token.end > from)),
    );
    const frequency = new Map<string, number>();
    tokens.forEach((token, i) => {
      if (marked[i] && token.term !== null) frequency.set(token.term, (frequency.get(token.term) ?? 0) + 1);
    });
    for (const [term, tf] of frequency) score += query.weight(term) * saturate(tf);
    const words = new Set(tokens.filter((_, i) => marked[i]).map((t) => passage.text.slice(t.start, t.end)));
    for (const term of terms) words.add(term);
    return { passage, order, phrase, score, tokens, marked, words };
  });
  const matching = ranked.filter((candidate) => candidate.score > 0 || candidate.phrase);
  const withPhrase = matching.some((candidate) => candidate.phrase);
  const best = matching
    .filter((candidate) => !withPhrase || candidate.phrase)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, count);
  const shown =
    best.length > 0
      ? best
      : ranked.slice(0, 1).map((opening) => ({
          ...opening,
          score: 0,
          marked: opening.marked.map(() => false),
          words: new Set<string>(),
        }));
  return shown.map(({ passage, score, tokens, marked, words }) => ({
    blockId: passage.blockId,
    sectionId: passage.section >= 0 ? record.sections[passage.section][0] : BIO_SECTION_ID,
    section: headingOf(passage),
    snippet: makeSnippet(passage.text, tokens, marked),
    terms: [...words],
    score: Math.round(score * 1000) / 1000,
  }));
}

function queryOf(bodyTerms: string[], extra: Partial<PassageQuery> = {}): PassageQuery {
  return {
    bodyTerms: new Set(bodyTerms),
    sectionTerms: new Set(),
    phrases: [],
    // Any weight will do for the comparison; rarer-looking (longer) terms weigh more, as in a corpus.
    weight: (term) => 1 + term.length / 8,
    ...extra,
  };
}

describe('passage-ranking', () => {
  it('finds every form of a word by its term’s prefix, over every word of the bundled commentary', () => {
    const text = readFileSync(join('content', RCAS_FILE), 'utf8');
    const missed = wordsWithTerms(text).filter(
      ({ word, term }) => !word.toLowerCase().startsWith(termPrefix(term)),
    );
    expect(missed).toEqual([]);
  });

  html.describe('over real web pages', () => {
    it('finds every form of a word by its term’s prefix, over every word of each page', () => {
      const pages = readdirSync(html.path).map((name) => join(html.path, name, 'source.html'));
      let words = 0;
      const missed: string[] = [];
      for (const page of pages) {
        for (const { word, term } of wordsWithTerms(pageText(page))) {
          words++;
          if (!word.toLowerCase().startsWith(termPrefix(term))) missed.push(`${word} → ${term}`);
        }
      }
      expect(words).toBeGreaterThan(10_000);
      expect(missed).toEqual([]);
    });
  });

  it('shows a title-only hit the opening passage from the record alone, as from the text, on real documents', () => {
    const documents = [parseRcasText(readFileSync(join('content', RCAS_FILE), 'utf8'), RCAS_FILE)];
    if (html.available)
      for (const name of readdirSync(html.path))
        documents.push(
          parseWebPage(readFileSync(join(html.path, name, 'source.html'), 'utf8'), `${name}.html`),
        );
    // A document whose only passage is its author bio, and one whose opening words are a long compound.
    const compound = `${'Azm-e-Istehkam-'.repeat(20)}operation began in June, and it went on.`;
    documents.push(
      { ...documents[0], id: 'bio-only', sections: [] },
      {
        ...documents[0],
        id: 'compound',
        sections: [
          {
            ...documents[0].sections[0],
            blocks: [{ type: 'paragraph', id: 'p-1', start: 0, runs: [{ type: 'text', text: compound }] }],
          },
        ],
      },
    );
    for (const doc of documents) {
      const passages = documentPassages(doc);
      const record = recordOfDocument(doc, passages);
      const expected = openingFromText(record, passages);
      expect(openingHit(record, record.opening!), doc.id).toEqual(expected);
      // The search's own ranking, for a document none of whose text matched, gives the same hit.
      const unmatched = rankPassages({ ...record, opening: undefined }, passages, queryOf([]), 3);
      expect(unmatched, doc.id).toEqual([expected]);
    }
    expect(documents.length).toBe(html.available ? 18 : 3);
  });

  it('ranks and marks the passages of the bundled commentary exactly as a full analysis does, for every kind of query', () => {
    const { record, passages } = bundledCommentary();
    const text = passages.map((passage) => passage.text).join('\n');
    const terms = [...new Set(wordsWithTerms(text).map(({ term }) => term))];
    const headingTerms = record.sections.flatMap(([, heading]) =>
      heading === null ? [] : wordsWithTerms(heading).map(({ term }) => term),
    );
    const queries: PassageQuery[] = [
      // One word at a time (common and rare), two words, and what a prefix or fuzzy query expands to.
      ...terms.map((term) => queryOf([term])),
      ...terms.slice(1).map((term, i) => queryOf([terms[i], term])),
      ...['se', 'pa', 'c', 'in'].map((start) => queryOf(terms.filter((term) => term.startsWith(start)))),
      // A heading's words, and phrases of adjacent words (with and without their terms).
      queryOf([terms[0]], { sectionTerms: new Set(headingTerms) }),
      ...['security concerns', 'china pakistan', 'of the', 'belt and road'].map((phrase) => {
        const words = phrase.split(' ');
        return queryOf(
          words.map((word) => indexTermOf(word)).filter((term) => term !== null),
          {
            phrases: [words],
          },
        );
      }),
      // Only the title or author matched: the opening passage stands for the document.
      queryOf([]),
    ];
    expect(queries.length).toBeGreaterThan(500);
    for (const query of queries) {
      expect(rankPassages(record, passages, query, 3)).toEqual(
        fullAnalysisRanking(record, passages, query, 3),
      );
    }
  });

  it('marks a word whose stem is longer than its shared start ("during" for the term "dure")', () => {
    const record = oneSectionRecord('d');
    const passages: Passage[] = [
      { blockId: 'b1', section: 0, text: 'Talks stalled during the visit, and voting was delayed.' },
    ];
    const [hit] = rankPassages(record, passages, queryOf(['dure', 'vote']), 3);
    expect(hit.snippet.filter((part) => part.mark).map((part) => part.text)).toEqual(['during', 'voting']);
    expect(hit.terms).toEqual(['during', 'voting']);
  });

  it('ranks a document’s new text once it is replaced, not the words it kept from the old one', () => {
    const record = oneSectionRecord('r');
    const before: Passage[] = [
      { blockId: 'b1', section: 0, text: 'The harbour is quiet.' },
      { blockId: 'b2', section: 0, text: 'Ports and harbours grow.' },
    ];
    const after: Passage[] = [
      { blockId: 'b1', section: 0, text: 'The harbour authority opened a harbour office at the harbour.' },
      { blockId: 'b2', section: 0, text: 'Ports grow.' },
    ];
    const query = queryOf(['harbour']);
    expect(rankPassages(record, before, query, 1)[0].blockId).toBe('b1');
    expect(rankPassages(record, before, query, 2).map((hit) => hit.blockId)).toEqual(['b1', 'b2']);
    const [hit] = rankPassages(record, after, query, 3);
    expect(hit.snippet.filter((part) => part.mark)).toHaveLength(3);
    expect(rankPassages(record, after, query, 3)).toHaveLength(1);
  });

  it('keeps the words of at most a few pages of documents while the reader types', () => {
    const record = oneSectionRecord('k');
    for (let n = 0; n < ANALYSED_DOCUMENTS * 3; n++) {
      const passages: Passage[] = [{ blockId: 'b', section: 0, text: `Document ${n} on trade corridors.` }];
      expect(rankPassages(record, passages, queryOf(['trade']), 1)[0].terms).toEqual(['trade']);
    }
    expect(analysedDocumentCount()).toBe(ANALYSED_DOCUMENTS);
  });
});
