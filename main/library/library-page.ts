import type { DocumentPage, DocumentPageQuery, DocumentSummary } from '../api';
import { FilterWordIndex } from './filter-word-index';

/**
 * The library's rows, ready to be listed a page at a time: each row's filter text folded once and both
 * sort orders computed once, so a page of the unfiltered list costs only its own rows, and a filtered
 * one a look-up of the filter's words among the rows' distinct words (FilterWordIndex). While the
 * reader types ("sec" → "secu"), the next filter only looks at the rows the previous one matched.
 */
export interface LibraryPages {
  page(query: Required<DocumentPageQuery>, annotationCount: (id: string) => number): DocumentPage;
  /**
   * Starts making the filter's index of words, a slice at a time (the first filter typed starts it
   * otherwise); until it is made, a filter reads every row's text, with the same answers.
   */
  prepareFilter(): Promise<void>;
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
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

/** Lower case, accents dropped (é → e), look-alike punctuation made one: "Pérez" is found by "perez". */
export function foldForFilter(text: string): string {
  // Most titles and names are plain ASCII: lower-casing is all they need, at a fraction of the cost.
  if (!NOT_PLAIN_ASCII.test(text)) return text.toLowerCase();
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

const byKey = (keys: readonly string[], a: number, b: number): number =>
  keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0;

export function createLibraryPages(rows: readonly DocumentSummary[]): LibraryPages {
  const haystacks = rows.map(haystackOf);
  // Folded once, compared as plain strings: a collator's compare on every step of sorting 100,000
  // titles takes the best part of a second, these keys a tenth of that.
  // The haystack starts with the folded title (titles have no line breaks, the fields are joined by one).
  const titleKeys = haystacks.map((haystack) => haystack.slice(0, haystack.indexOf('\n')));
  const ids = rows.map((row) => row.id);
  const dates = rows.map((row) => row.published ?? '');
  const all = Int32Array.from(rows.keys());
  // Ties are broken by id, so pages never overlap or skip a row whatever the engine's sort does.
  const byTitle = all.slice().sort((a, b) => byKey(titleKeys, a, b) || byKey(ids, a, b));
  const byDate = all.slice().sort((a, b) => byKey(dates, b, a) || byKey(titleKeys, a, b) || byKey(ids, a, b));
  let last: LastFilter | null = null;
  let wordIndex: FilterWordIndex | null = null;
  let making: Promise<void> | null = null;
  const prepareFilter = (): Promise<void> =>
    (making ??= FilterWordIndex.build(haystacks).then((made) => {
      wordIndex = made;
    }));
  const holdingEveryWord = (words: string[]): ((index: number) => boolean) => {
    if (wordIndex !== null) return wordIndex.matching(words);
    void prepareFilter();
    return (index) => words.every((word) => haystacks[index].includes(word));
  };

  const matching = (query: Required<DocumentPageQuery>): Int32Array => {
    const order = query.sort === 'title' ? byTitle : byDate;
    const folded = filterWords(query.text).join(' ');
    if (folded === '' && query.origin === 'all') return order;
    const key = `${query.sort} ${query.origin}`;
    if (last?.key === key && last.folded === folded) return last.matches;
    // A longer filter matches a subset of what its start matched: look only there.
    const from = last?.key === key && folded.startsWith(last.folded) ? last.matches : order;
    const words = folded.split(' ').filter(Boolean);
    const holdsEveryWord = words.length === 0 ? () => true : holdingEveryWord(words);
    const found = new Int32Array(from.length);
    let count = 0;
    for (let i = 0; i < from.length; i++) {
      const index = from[i];
      if (query.origin !== 'all' && rows[index].origin !== query.origin) continue;
      if (holdsEveryWord(index)) found[count++] = index;
    }
    last = { key, folded, matches: found.subarray(0, count) };
    return last.matches;
  };

  return {
    prepareFilter,
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
