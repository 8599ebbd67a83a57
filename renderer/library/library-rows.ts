import type { DocumentPage, DocumentPageQuery, DocumentSummary, MarginApi } from '../../main/api';

/** The rows a list needs at once: what is on screen plus a margin, read a page at a time. */
export const PAGE_ROWS = 100;
/** Pages kept once read: scrolling through 100,000 rows keeps only those near the screen. */
const KEPT_PAGES = 12;

export type LibraryQuery = Required<Pick<DocumentPageQuery, 'text' | 'origin' | 'sort'>>;

/**
 * The library's rows as the view sees them: how many match, and those read so far, by position. Rows
 * come from main a page at a time (listDocumentPage), so a library of 100,000 never crosses at once.
 * Each query gets a generation number; an answer for an older one is dropped, never painted over a
 * newer one. While answers are on their way, a new query only waits: once they are in, the latest
 * query is asked, so fast typing asks main once per answer, not once per key (the light debounce). Until the first page of a new query arrives, the rows of the previous one stay shown
 * (the list does not flash empty while the reader types). A plain class: no DOM.
 */
export class LibraryRows {
  /** How many rows match the query; null until the first answer. */
  total: number | null = null;
  /** How many documents the library lists at all. */
  libraryTotal = 0;
  problem: string | null = null;

  /** Null until the view first says what to list: nothing is read before that. */
  private query: LibraryQuery | null = null;
  private generation = 0;
  /** The generation the shown pages belong to. */
  private shownGeneration = -1;
  private pages = new Map<number, DocumentSummary[]>();
  private asked = new Set<number>();
  private wanted = { first: 0, last: PAGE_ROWS - 1 };
  private inFlight = 0;
  /** The query changed while answers were on their way: ask once they are in. */
  private waiting = false;

  constructor(
    private readonly api: () => MarginApi,
    /** Called when rows, the total or the problem changed. */
    private readonly changed: () => void,
  ) {}

  /** A new filter, origin or sort (or the same one again after the library changed: `force`). */
  setQuery(query: LibraryQuery, force = false): void {
    const same =
      this.query !== null &&
      query.text === this.query.text &&
      query.origin === this.query.origin &&
      query.sort === this.query.sort;
    if (same && !force) return;
    this.query = { ...query };
    this.generation += 1;
    this.asked = new Set();
    if (this.inFlight > 0) this.waiting = true;
    else this.fetchWanted();
  }

  /** The rows from `first` to `last` (inclusive) are about to be shown: read the pages they are on. */
  want(first: number, last: number): void {
    this.wanted = { first, last };
    this.fetchWanted();
  }

  /** The row at `index`, or undefined while its page is being read. */
  rowAt(index: number): DocumentSummary | undefined {
    return this.pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS];
  }

  /** The position of a shown row, or -1. */
  indexOf(docId: string): number {
    for (const [page, rows] of this.pages) {
      const at = rows.findIndex((row) => row.id === docId);
      if (at >= 0) return page * PAGE_ROWS + at;
    }
    return -1;
  }

  /** True when every row from `first` to `last` of the current query has been read. */
  hasRows(first: number, last: number): boolean {
    if (this.shownGeneration !== this.generation) return false;
    for (let page = Math.floor(first / PAGE_ROWS); page <= Math.floor(last / PAGE_ROWS); page++) {
      if (!this.pages.has(page)) return false;
    }
    return true;
  }

  private forgetFarPages(): void {
    if (this.pages.size <= KEPT_PAGES) return;
    const middle = Math.floor((this.wanted.first + this.wanted.last) / 2 / PAGE_ROWS);
    const farthest = [...this.pages.keys()].sort((a, b) => Math.abs(b - middle) - Math.abs(a - middle));
    for (const page of farthest.slice(0, this.pages.size - KEPT_PAGES)) {
      this.pages.delete(page);
      this.asked.delete(page);
    }
  }

  private fetchWanted(): void {
    if (this.query === null) return;
    const last = this.total === null ? this.wanted.last : Math.min(this.wanted.last, this.total - 1);
    const firstPage = Math.floor(Math.max(0, this.wanted.first) / PAGE_ROWS);
    const lastPage = Math.max(firstPage, Math.floor(Math.max(0, last) / PAGE_ROWS));
    for (let page = firstPage; page <= lastPage; page++) {
      const current = this.shownGeneration === this.generation && this.pages.has(page);
      if (!current && !this.asked.has(page)) void this.fetch(page);
    }
  }

  private async fetch(page: number): Promise<void> {
    this.inFlight += 1;
    try {
      await this.read(page);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0 && this.waiting) {
        this.waiting = false;
        this.fetchWanted();
      }
    }
  }

  private async read(page: number): Promise<void> {
    const generation = this.generation;
    const query = this.query as LibraryQuery;
    this.asked.add(page);
    let answer: DocumentPage;
    try {
      answer = await this.api().listDocumentPage({ ...query, offset: page * PAGE_ROWS, limit: PAGE_ROWS });
    } catch (error) {
      if (generation !== this.generation) return;
      this.asked.delete(page);
      this.problem = error instanceof Error ? error.message : String(error);
      this.changed();
      return;
    }
    // A newer query was asked meanwhile: this answer is stale.
    if (generation !== this.generation) return;
    if (this.shownGeneration !== generation) {
      this.pages = new Map();
      this.shownGeneration = generation;
    }
    this.problem = null;
    this.total = answer.total;
    this.libraryTotal = answer.libraryTotal;
    this.pages.set(page, answer.rows);
    this.forgetFarPages();
    this.changed();
    // The total is known now: a wanted range past the end asks for nothing more.
    this.fetchWanted();
  }
}
