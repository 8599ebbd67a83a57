import { readFileSync } from 'node:fs';
import path from 'node:path';
import lunr from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCompactIndex, type CompactIndex } from '../../../../main/search/index/compact-index';
import { serialiseCompactIndex } from '../../../../main/search/index/compact-index-writer';
import { documentFieldTexts } from '../../../../main/search/index/body-scoring';
import { buildLunrIndex } from '../../../../main/search/index/index-build';
import { BODY_FIELDS, documentPassages } from '../../../../main/search/index/search-files';
import {
  expandClause,
  inLunrOrder,
  type ExpandableClause,
} from '../../../../main/search/query/sorted-expansion';
import { seededRandom, syntheticCorpus } from '../synthetic-corpus';

// Lunr's static TokenSet.fromArray (the term automaton of a sorted list), which @types/lunr misdeclares.
const fromArray = (lunr.TokenSet as unknown as { fromArray(words: string[]): lunr.TokenSet }).fromArray;

/** What the clause expands to over `terms` without the automaton, and what the automaton gives. */
function bothWays(terms: readonly string[], automaton: lunr.TokenSet, clause: ExpandableClause) {
  const { sorted, clauseSet } = expandClause(terms, clause);
  return {
    sorted,
    ordered: inLunrOrder(sorted, clauseSet()),
    expected: automaton.intersect(clauseSet()).toArray(),
  };
}

/** Checks set (straight from the walk, before any ordering) and order against the automaton. */
function expectSameAsAutomaton(terms: readonly string[], automaton: lunr.TokenSet, clause: ExpandableClause) {
  const { sorted, ordered, expected } = bothWays(terms, automaton, clause);
  const label = `${clause.term}${clause.editDistance === undefined ? '' : `~${clause.editDistance}`}`;
  expect(sorted, label).toEqual([...expected].sort());
  expect(ordered, label).toEqual(expected);
  return expected.length;
}

/** A typo of `word`: `edits` random insertions, deletions, substitutions or swaps of neighbours. */
function typo(word: string, edits: number, random: () => number, alphabet: string): string {
  let text = word;
  for (let n = 0; n < edits; n++) {
    const at = Math.floor(random() * (text.length + 1));
    const letter = alphabet[Math.floor(random() * alphabet.length)];
    const kind = Math.floor(random() * 4);
    if (kind === 0) text = text.slice(0, at) + letter + text.slice(at);
    else if (kind === 1 && text.length > 1) text = text.slice(0, at) + text.slice(at + 1);
    else if (kind === 2) text = text.slice(0, at) + letter + text.slice(at + 1);
    else if (at + 1 < text.length) text = text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
  }
  return text;
}

/** Hundreds of prefixes and fuzzy terms drawn from `terms` (and typos of them), each checked both ways. */
function compareOnVocabulary(compact: CompactIndex, seed: number) {
  const terms = compact.terms;
  const automaton = compact.tokenSet();
  const random = seededRandom(seed);
  const pick = () => terms[Math.floor(random() * terms.length)];
  const alphabet = [...new Set(terms.join(''))].join('');
  let matched = 0;
  for (let i = 0; i < 200; i++) {
    const word = pick();
    const prefix = word.slice(0, 1 + Math.floor(random() * Math.min(6, word.length)));
    matched += expectSameAsAutomaton(terms, automaton, { term: `${prefix}*`, wordStart: true });
    matched += expectSameAsAutomaton(terms, automaton, { term: `${prefix}*`, wordStart: false });
  }
  for (let i = 0; i < 150; i++) {
    for (const distance of [1, 2]) {
      const term = random() < 0.3 ? pick() : typo(pick(), 1 + Math.floor(random() * 2), random, alphabet);
      matched += expectSameAsAutomaton(terms, automaton, { term, editDistance: distance, wordStart: false });
    }
  }
  return matched;
}

describe('sorted-expansion', () => {
  let synthetic: CompactIndex;
  let commentary: CompactIndex;

  beforeAll(() => {
    const corpus = syntheticCorpus(200, 31);
    synthetic = loadCompactIndex(
      serialiseCompactIndex(
        buildLunrIndex(
          corpus.documents.map((doc) => documentFieldTexts(doc, documentPassages(doc))),
          BODY_FIELDS,
        ),
      ),
    );
    // The bundled commentary's terms as the index holds them, one paragraph a document.
    const text = readFileSync(
      path.resolve('content/security-concerns-impede-china-pakistan-relations.txt'),
      'utf8',
    );
    const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
    commentary = loadCompactIndex(
      serialiseCompactIndex(
        buildLunrIndex(
          paragraphs.map((body) => ({ body })),
          ['body'],
        ),
      ),
    );
  });

  it('expands prefixes and fuzzy terms to the same terms, in the same order, as the term automaton', () => {
    expect(compareOnVocabulary(synthetic, 3)).toBeGreaterThan(2000);
  });

  it('does the same over the terms of a real commentary', () => {
    expect(commentary.terms.length).toBeGreaterThan(500);
    expect(compareOnVocabulary(commentary, 4)).toBeGreaterThan(1000);
  });

  it('handles prefixes past the last term, equal to a whole term, and letters beyond ASCII', () => {
    // prettier-ignore
    const terms = [
      '', '10', '10:30', '2024', 'a', 'a-b', 'ab', 'aba', 'abc', 'b', 'ba', 'caf', 'cafe', 'café', 'cafés',
      'd’état', 'dé', 'kırık', 'kirik', 'ıa', 'ſt', 'z', 'zz', 'zzé',
    ].sort();
    const automaton = fromArray(terms);
    for (const prefix of [
      '',
      'zzz',
      'zzé',
      'café',
      'caf',
      'ab',
      'kı',
      'd’',
      'ı',
      '1',
      '10:',
      'é',
      '\uffff',
    ]) {
      expectSameAsAutomaton(terms, automaton, { term: `${prefix}*`, wordStart: false });
      expectSameAsAutomaton(terms, automaton, { term: `${prefix}*`, wordStart: true });
    }
    expect(expandClause(terms, { term: 'zzz*', wordStart: true }).sorted).toEqual([]);
    expect(expandClause(terms, { term: 'café*', wordStart: false }).sorted).toEqual(['café', 'cafés']);
    // A "*" in a fuzzy term (Lunr's syntax allows it) stands for any one character, as in Lunr.
    for (const term of [
      'kirik',
      'kırık',
      'cafe',
      'd’etat',
      'a',
      'ab',
      'z',
      'é',
      'ı',
      '10:3',
      'x',
      'c*fé',
      '*a',
    ]) {
      for (const distance of [0, 1, 2, 3, 5]) {
        expectSameAsAutomaton(terms, automaton, { term, editDistance: distance, wordStart: false });
      }
    }
    // A distance as long as the term reaches every term that short: "ab~2" finds "b", "zz" and "10".
    expect(expandClause(terms, { term: 'ab', editDistance: 2, wordStart: false }).sorted).toEqual(
      expect.arrayContaining(['10', 'a', 'b', 'zz', 'ıa']),
    );
    expect(expandClause(terms, { term: 'kirik', editDistance: 1, wordStart: false }).sorted).toEqual([
      'kirik',
    ]);
    expect(expandClause(terms, { term: 'kirik', editDistance: 2, wordStart: false }).sorted).toEqual([
      'kirik',
      'kırık',
    ]);
  });

  it('finds words by transposed letters, and by a transposed letter edited again, as Lunr does', () => {
    const terms = ['bac', 'bxac', 'cab', 'acb', 'bca', 'abc'].sort();
    const automaton = fromArray(terms);
    expect(expandClause(terms, { term: 'abc', editDistance: 1, wordStart: false }).sorted).toEqual([
      'abc',
      'acb',
      'bac',
    ]);
    // "bxac" is "abc" with "b" moved before "a" and an "x" put between them: two edits for Lunr.
    expect(expandClause(terms, { term: 'abc', editDistance: 2, wordStart: false }).sorted).toContain('bxac');
    for (const distance of [1, 2]) {
      expectSameAsAutomaton(terms, automaton, { term: 'abc', editDistance: distance, wordStart: false });
    }
  });

  it('matches wildcards anywhere in a term as Lunr does', () => {
    const terms = synthetic.terms;
    const automaton = synthetic.tokenSet();
    for (const pattern of ['*', '*ity', 'se*ty', 'b*a*', '*ko*', 'ba**', 'a*b*c', 'x*']) {
      expectSameAsAutomaton(terms, automaton, { term: pattern, wordStart: false });
    }
  });
});
