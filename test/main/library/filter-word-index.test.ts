import { describe, expect, it } from 'vitest';
import { FilterWordIndex } from '../../../main/library/filter-word-index';
import { Random } from '../../../bench/prng';

/** What the filter means: every word is somewhere in the row's text. */
const plainMatch = (texts: readonly string[], words: readonly string[]): number[] =>
  texts.flatMap((text, row) => (words.every((word) => text.includes(word)) ? [row] : []));

const indexMatch = (index: FilterWordIndex, rows: number, words: readonly string[]): number[] => {
  const holds = index.matching(words);
  return Array.from({ length: rows }, (_, row) => row).filter(holds);
};

const PARTS = [
  'water',
  'secu',
  'rity',
  'séc',
  "o'brien",
  'border-trade',
  'dam',
  'ß',
  '2024',
  'x',
  'a b',
  ' ',
  '\n',
];

function texts(count: number, seed: string): string[] {
  const random = new Random(seed);
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 1 + Math.floor(random.next() * 12) },
      () => PARTS[Math.floor(random.next() * PARTS.length)],
    ).join(random.next() < 0.5 ? '' : ' '),
  );
}

describe('filter-word-index', () => {
  it('finds the same rows as looking for each word in every row, word by word as typed and deleted', async () => {
    const rows = texts(3000, 'filter-word-index');
    const index = await FilterWordIndex.build(rows, async () => {}, 100);
    const typed = [
      's',
      'se',
      'sec',
      'secu',
      'secur',
      'security',
      'securit',
      'sec',
      's',
      'w',
      'wa',
      'water',
      'water se',
      'water secu',
      'water security',
      'rity water',
      'a',
      'ab',
      "o'b",
      'r-t',
      'border-trade',
      'ß',
      '20',
      '2024',
      'x',
      'xx',
      'waterdam',
      'security security',
      'é',
      'séc',
      'nothing',
    ];
    for (const text of typed) {
      const words = text.split(' ').filter(Boolean);
      expect(indexMatch(index, rows.length, words), text).toEqual(plainMatch(rows, words));
    }
  });

  it('never matches across the white space between two words of a row', async () => {
    const index = await FilterWordIndex.build(['coal and\nsecurity', 'coalsecurity']);
    expect(indexMatch(index, 2, ['coalsecurity'])).toEqual([1]);
    expect(indexMatch(index, 2, ['andsec'])).toEqual([]);
    expect(indexMatch(index, 2, ['coal', 'security'])).toEqual([0, 1]);
  });

  it('answers for an empty library and for a word no row holds', async () => {
    expect(indexMatch(await FilterWordIndex.build([]), 0, ['a'])).toEqual([]);
    expect(indexMatch(await FilterWordIndex.build(['', '  ']), 2, ['a'])).toEqual([]);
  });
});
