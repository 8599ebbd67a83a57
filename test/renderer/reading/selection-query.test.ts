import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../main/search/query/query-language';
import { selectionQuery } from '../../../renderer/reading/selection-query';

describe('selection-query', () => {
  it('searches a selected passage as a phrase of its first words', () => {
    expect(
      selectionQuery('Pakistani law prohibits foreign security companies from operating within its borders.'),
    ).toBe('"Pakistani law prohibits foreign security companies from operating"');
    expect(selectionQuery('  Gwadar, ')).toBe('Gwadar');
    expect(selectionQuery('China-Pakistan Zardari’s')).toBe('"China-Pakistan Zardari’s"');
  });

  it('leaves out what the query language would read as syntax, so any selection is a valid search', () => {
    const hostile = [
      '"unclosed',
      'title: -not +must secur* Balochistn~1',
      '…—“”',
      `${'a'.repeat(2000)} Gwadar`,
      'word '.repeat(500),
    ];
    for (const selected of hostile) {
      const query = selectionQuery(selected);
      if (query === null) continue;
      expect(() => parseQuery(query), query).not.toThrow();
    }
    expect(selectionQuery('…—“”')).toBeNull();
  });
});
