import type { DocumentPage, DocumentPageQuery, DocumentSummary } from '../api';

/**
 * The library's rows, ready to be listed a page at a time: each row's filter text folded once and both
 * sort orders computed once, so a page of the unfiltered list costs only its own rows, and a filtered
 * one a pass over precomputed strings. While the reader types ("sec" → "secu"), the next filter only
 * looks at the rows the previous one matched.
 */
export interface LibraryPages {
  page(query: Required<DocumentPageQuery>, annotationCount: (id: string) => number): DocumentPage;
}

// Punctuation that looks alike is matched alike, as the reader's find-in-page does.
const LOOK_ALIKES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2013': '-',
  '\u2014': '-',
};
const LOOK_ALIKE = /[\u2018\u2019\u201c\u201d\u2010\u2011\u2013\u2014]/g;
const COMBINING_MARKS = /\p{M}/gu;

/** Lower case, accents dropped (é → e), look-alike punctuation made one: "Pérez" is found by "perez". */
export function foldForFilter(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(LOOK_ALIKE, (char) => LOOK_ALIKES[char] ?? char);
}

function filterWords(text: string): string[] {
  return foldForFilter(text).split(/\s+/).filter(Boolean);
}

function haystackOf(row: DocumentSummary): string {
  return foldForFilter(
    [
      row.title,
      row.series ?? '',
      row.publisherName ?? '',
      ...row.authors.map((a) => a.name),
      ...row.tags,
    ].join('\n'),
  );
}

interface LastFilter {
  key: string;
  folded: string;
  matches: Int32Array;
}

export function createLibraryPages(rows: readonly DocumentSummary[]): LibraryPages {
  const haystacks = rows.map(haystackOf);
  const titles = new Intl.Collator('en', { sensitivity: 'base' });
  const all = Int32Array.from(rows.keys());
  // Ties are broken by id, so pages never overlap or skip a row whatever the engine's sort does.
  const byId = (a: number, b: number): number =>
    rows[a].id < rows[b].id ? -1 : rows[a].id > rows[b].id ? 1 : 0;
  const byTitle = all.slice().sort((a, b) => titles.compare(rows[a].title, rows[b].title) || byId(a, b));
  const byDate = all.slice().sort((a, b) => {
    const [x, y] = [rows[a].published ?? '', rows[b].published ?? ''];
    return x < y
      ? 1
      : x > y
        ? -1
        : rows[a].title < rows[b].title
          ? -1
          : rows[a].title > rows[b].title
            ? 1
            : byId(a, b);
  });
  let last: LastFilter | null = null;

  const matching = (query: Required<DocumentPageQuery>): Int32Array => {
    const order = query.sort === 'title' ? byTitle : byDate;
    const folded = filterWords(query.text).join(' ');
    if (folded === '' && query.origin === 'all') return order;
    const key = `${query.sort} ${query.origin}`;
    if (last?.key === key && last.folded === folded) return last.matches;
    // A longer filter matches a subset of what its start matched: look only there.
    const from = last?.key === key && folded.startsWith(last.folded) ? last.matches : order;
    const words = folded.split(' ').filter(Boolean);
    const found: number[] = [];
    for (const index of from) {
      if (query.origin !== 'all' && rows[index].origin !== query.origin) continue;
      const haystack = haystacks[index];
      if (words.every((word) => haystack.includes(word))) found.push(index);
    }
    last = { key, folded, matches: Int32Array.from(found) };
    return last.matches;
  };

  return {
    page(query, annotationCount) {
      const matches = matching(query);
      const slice = matches.subarray(query.offset, query.offset + query.limit);
      return {
        total: matches.length,
        libraryTotal: rows.length,
        rows: Array.from(slice, (index) => ({
          ...rows[index],
          annotationCount: annotationCount(rows[index].id),
        })),
      };
    },
  };
}
