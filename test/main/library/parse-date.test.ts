import { describe, expect, it } from 'vitest';
import { findDate, parseWholeDate } from '../../../main/library/parse-date';

describe('parseWholeDate', () => {
  it('reads the date styles publishers write as ISO dates', () => {
    const cases: [string, string][] = [
      ['November 20, 2024', '2024-11-20'],
      ['November.20, 2024', '2024-11-20'],
      ['Nov. 20, 2024', '2024-11-20'],
      ['Sept. 8, 2022', '2022-09-08'],
      ['20 November 2024', '2024-11-20'],
      ['5 June, 2023', '2023-06-05'],
      ['March 1st, 2024', '2024-03-01'],
      ['2024-11-20', '2024-11-20'],
      ['2024/3/9', '2024-03-09'],
      ['February 29, 2024', '2024-02-29'],
    ];
    for (const [text, iso] of cases) expect(parseWholeDate(text)?.iso, text).toBe(iso);
  });

  it('reports a date-shaped text that names no real day', () => {
    expect(parseWholeDate('February 29, 2023')).toMatchObject({ iso: null });
    expect(parseWholeDate('2024-13-01')).toMatchObject({ iso: null });
  });

  it('is null for lines that only contain a date among other words', () => {
    expect(parseWholeDate('Published on November 20, 2024 in Hong Kong')).toBeNull();
    expect(parseWholeDate('Ghulam Ali')).toBeNull();
    expect(parseWholeDate('November 2024')).toBeNull();
  });
});

describe('findDate', () => {
  it('finds the first date inside a sentence and where it stands', () => {
    expect(findDate('The Central Asia-Caucasus Analyst, November.20, 2024')).toEqual({
      iso: '2024-11-20',
      text: 'November.20, 2024',
      index: 35,
    });
    expect(findDate('no date here')).toBeNull();
  });
});
