import { describe, expect, it } from 'vitest';
import type { DocumentPageQuery } from '../../../main/api';
import { createLibraryPages, foldForFilter } from '../../../main/library/library-page';
import { summaryRow } from '../../summary-row';

const ROWS = [
  summaryRow('a', {
    title: 'Água e fronteiras',
    published: '2024-05-01',
    authors: [{ name: 'José Núñez', role: null }],
  }),
  summaryRow('b', { title: 'Border trade', published: '2025-01-10', tags: ['Security'] }),
  summaryRow('c', { title: 'apples of Kashgar', published: null, publisherName: 'RCAS' }),
  summaryRow('d', {
    title: 'Coal and security',
    published: '2025-01-10',
    origin: 'yours',
    kind: 'pdf',
    fileName: 'coal.pdf',
  }),
  summaryRow('e', { title: 'Delta towns', published: '2023-02-02', series: 'River Notes' }),
];

const query = (fields: Partial<DocumentPageQuery>): Required<DocumentPageQuery> => ({
  text: '',
  origin: 'all',
  sort: 'date',
  offset: 0,
  limit: 200,
  ...fields,
});

const ids = (pages: ReturnType<typeof createLibraryPages>, fields: Partial<DocumentPageQuery>) =>
  pages.page(query(fields), () => 0).rows.map((r) => r.id);

describe('library-page', () => {
  it('lists newest first with undated documents last, and by title ignoring case and accents', () => {
    const pages = createLibraryPages(ROWS);
    expect(ids(pages, { sort: 'date' })).toEqual(['b', 'd', 'a', 'e', 'c']);
    expect(ids(pages, { sort: 'title' })).toEqual(['a', 'c', 'b', 'd', 'e']);
  });

  it('finds a row by any word of its title, series, authors, publisher or tags, in any case or accent', () => {
    const pages = createLibraryPages(ROWS);
    expect(ids(pages, { text: 'SECURITY' })).toEqual(['b', 'd']);
    expect(ids(pages, { text: 'nunez jose' })).toEqual(['a']);
    expect(ids(pages, { text: 'agua' })).toEqual(['a']);
    expect(ids(pages, { text: 'rcas' })).toEqual(['c']);
    expect(ids(pages, { text: 'river notes' })).toEqual(['e']);
    expect(ids(pages, { text: 'security coal' })).toEqual(['d']);
    expect(ids(pages, { text: 'nothing-like-this' })).toEqual([]);
    expect(foldForFilter('Zardari’s')).toBe("zardari's");
  });

  it('keeps to the origin asked for', () => {
    const pages = createLibraryPages(ROWS);
    expect(ids(pages, { origin: 'yours' })).toEqual(['d']);
    expect(ids(pages, { origin: 'publisher', text: 'security' })).toEqual(['b']);
  });

  it('pages through the whole list with no row twice and none missed, and says how many match', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      summaryRow(`doc-${i}`, {
        title: `Note ${i % 7}`,
        published: i % 3 === 0 ? null : `2024-01-${(i % 28) + 1}`,
      }),
    );
    const pages = createLibraryPages(many);
    for (const sort of ['date', 'title'] as const) {
      const seen: string[] = [];
      for (let offset = 0; offset < 1000; offset += 200) {
        const page = pages.page(query({ sort, offset, limit: 200 }), () => 0);
        expect(page).toMatchObject({ total: 1000, libraryTotal: 1000 });
        seen.push(...page.rows.map((r) => r.id));
      }
      expect(new Set(seen).size).toBe(1000);
    }
    expect(pages.page(query({ offset: 990, limit: 50 }), () => 0).rows).toHaveLength(10);
    expect(pages.page(query({ offset: 5000, limit: 50 }), () => 0).rows).toEqual([]);
  });

  it('narrows as the reader types and widens again when they delete, with the same answers as fresh', () => {
    const pages = createLibraryPages(ROWS);
    const typed = ['s', 'se', 'sec', 'secu', 'secur', 'sec', 's', '', 'b', 'bo'].map((text) =>
      ids(pages, { text }),
    );
    const fresh = ['s', 'se', 'sec', 'secu', 'secur', 'sec', 's', '', 'b', 'bo'].map((text) =>
      ids(createLibraryPages(ROWS), { text }),
    );
    expect(typed).toEqual(fresh);
    expect(typed[4]).toEqual(['b', 'd']);
  });

  it('gives the same answers while its index of words is being made as after', async () => {
    const pages = createLibraryPages(ROWS);
    const texts = ['s', 'se', 'security', 'nunez jose', 'agua', 'river notes', 'security coal', 'xyz', 'o'];
    const before = texts.map((text) => ids(pages, { text }));
    await pages.prepareFilter();
    const after = texts.map((text) => ids(pages, { text }));
    expect(after).toEqual(before);
    expect(after[2]).toEqual(['b', 'd']);
    expect(after[3]).toEqual(['a']);
  });

  it('fills in the current count of notes on the rows of the page', () => {
    const pages = createLibraryPages(ROWS);
    const page = pages.page(query({ text: 'delta' }), (id) => (id === 'e' ? 3 : 0));
    expect(page.rows[0]).toMatchObject({ id: 'e', annotationCount: 3 });
  });

  it('answers a page deep inside 100,000 rows, and the filtered total, without handing over the rest', () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      summaryRow(`doc-${i}`, {
        title: `Commentary ${i} on ${i % 11 === 0 ? 'security' : 'trade'}`,
        published: `20${10 + (i % 15)}-0${(i % 9) + 1}-1${i % 10}`,
        authors: [{ name: `Author ${i % 500}`, role: null }],
      }),
    );
    const pages = createLibraryPages(many);
    // How fast is for the bench (`npm run bench -- --parts library`); here, what comes back.
    const deep = pages.page(query({ offset: 50_000, limit: 60 }), () => 0);
    expect(deep.total).toBe(100_000);
    expect(deep.rows).toHaveLength(60);
    const filtered = pages.page(query({ text: 'security', limit: 60 }), () => 0);
    expect(filtered.total).toBe(Math.ceil(100_000 / 11));
    expect(filtered.rows).toHaveLength(60);
    expect(filtered.rows.every((summary) => summary.title.endsWith('on security'))).toBe(true);
  });
});
