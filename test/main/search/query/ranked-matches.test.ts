import { describe, expect, it } from 'vitest';
import {
  FIRST_PICK,
  matchesWhere,
  pickBest,
  rankLazily,
  type Matches,
  type RankOrder,
} from '../../../../main/search/query/ranked-matches';
import { seededRandom } from '../synthetic-corpus';

/** Random matches with many equal scores and coverages, so that ties decide much of the order. */
function randomMatches(count: number, random: () => number): Matches {
  return {
    refs: Int32Array.from({ length: count }, (_, i) => (i * 7919) % 100_003),
    scores: Float64Array.from({ length: count }, () => Math.floor(random() * 8) / 4),
    coverage: Uint16Array.from({ length: count }, () => 1 + Math.floor(random() * 3)),
  };
}

/** The full stable sort that the lazy ranking stands in for. */
function sortedFully(matches: Matches, order: RankOrder): number[] {
  return [...matches.refs.keys()]
    .sort(
      (a, b) =>
        (order === 'coverage' ? matches.coverage[b] - matches.coverage[a] : 0) ||
        matches.scores[b] - matches.scores[a],
    )
    .map((position) => matches.refs[position]);
}

describe('ranked-matches', () => {
  it('takes the best matches in exactly the order a full stable sort gives, ties in order of first match', () => {
    const random = seededRandom(3);
    for (const count of [0, 1, 2, 3, 20, 21, 257, 5000]) {
      const matches = randomMatches(count, random);
      for (const order of ['lunr', 'coverage'] as const) {
        const expected = sortedFully(matches, order);
        const all = [...rankLazily(matches, order)].map((match) => match.ref);
        expect(all, `${count} ${order}`).toEqual(expected);
        // Taking only the first page gives that page of the full order.
        const page: number[] = [];
        for (const match of rankLazily(matches, order)) {
          if (page.length === 20) break;
          page.push(match.ref);
        }
        expect(page).toEqual(expected.slice(0, 20));
      }
    }
  });

  it('gives every page of the full order, also pages that end just before, at or past the first pick', () => {
    const random = seededRandom(5);
    for (const count of [FIRST_PICK - 1, FIRST_PICK, FIRST_PICK + 1, 3 * FIRST_PICK, 10_000]) {
      const matches = randomMatches(count, random);
      for (const order of ['lunr', 'coverage'] as const) {
        const expected = sortedFully(matches, order);
        for (const pageSize of [FIRST_PICK - 1, FIRST_PICK, FIRST_PICK + 1, 2 * FIRST_PICK + 7]) {
          const page: number[] = [];
          for (const match of rankLazily(matches, order)) {
            page.push(match.ref);
            if (page.length === pageSize) break;
          }
          expect(page, `${count} ${order} ${pageSize}`).toEqual(expected.slice(0, pageSize));
        }
      }
    }
  });

  it('gives the full order whatever the first pick, small ones (the page the search shows, and one) included', () => {
    const random = seededRandom(8);
    for (const count of [0, 1, 4, 5, 6, 56, 7409]) {
      const matches = randomMatches(count, random);
      for (const order of ['lunr', 'coverage'] as const) {
        const expected = sortedFully(matches, order);
        for (const firstPick of [0, 1, 5, 13, 101]) {
          const all = [...rankLazily(matches, order, firstPick)].map((match) => match.ref);
          expect(all, `${count} ${order} ${firstPick}`).toEqual(expected);
        }
      }
    }
  });

  it('picks the best k positions best first, as sorting them all and taking k would', () => {
    const random = seededRandom(6);
    for (const count of [0, 1, 5, 64, 1000]) {
      const values = Array.from({ length: count }, () => Math.floor(random() * 10));
      const before = (a: number, b: number) => values[a] > values[b] || (values[a] === values[b] && a < b);
      const sorted = [...values.keys()].sort((a, b) => values[b] - values[a] || a - b);
      for (const k of [0, 1, 3, 20, 2000]) {
        expect([...pickBest(count, k, before)], `${count} ${k}`).toEqual(sorted.slice(0, k));
      }
    }
  });

  it('keeps each match with its own score and coverage, also after filtering', () => {
    const matches = randomMatches(500, seededRandom(4));
    const byRef = new Map([...matches.refs].map((ref, i) => [ref, [matches.scores[i], matches.coverage[i]]]));
    const even = matchesWhere(matches, (ref) => ref % 2 === 0);
    const ranked = [...rankLazily(even, 'coverage')];
    expect(ranked.length).toBe([...matches.refs].filter((ref) => ref % 2 === 0).length);
    for (const match of ranked) expect([match.score, match.coverage]).toEqual(byRef.get(match.ref));
    expect(ranked.map((match) => match.ref)).toEqual(sortedFully(even, 'coverage'));
  });
});
