import type { DocumentSummary, MarginApi } from '../../main/api';

/** Rows the bibliography picker reads at a time; "Show more" reads the next as many. */
export const PICKER_PAGE_ROWS = 100;

const titleOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * What the bibliography picker lists and what the reader has ticked. The list is the library's,
 * filtered and sorted by title in main and read a page at a time (listDocumentPage), so a library of
 * 100,000 articles never crosses at once; an answer for an older filter is dropped. The ticks are kept
 * with their rows, whatever the filter shows now, so a bibliography can gather documents found by
 * several filters. A plain class: no DOM.
 */
export class BibliographyPicks {
  /** The filter the rows answer. */
  text = '';
  /** The rows read so far for the filter, by title. */
  rows: readonly DocumentSummary[] = [];
  /** How many documents match the filter. */
  total = 0;
  problem: string | null = null;

  private picked = new Map<string, DocumentSummary>();
  private generation = 0;
  private readingMore = false;

  constructor(
    private readonly api: () => MarginApi,
    /** Called when the rows, the ticks or the problem changed. */
    private readonly changed: () => void,
  ) {}

  /** How many documents are ticked, shown or not. */
  get count(): number {
    return this.picked.size;
  }

  /** True when more documents match than have been read. */
  get hasMore(): boolean {
    return this.rows.length < this.total;
  }

  isPicked(docId: string): boolean {
    return this.picked.has(docId);
  }

  /** Lists the documents matching `text` from the first; the ticks stay. */
  async find(text: string): Promise<void> {
    this.text = text;
    this.generation += 1;
    this.readingMore = false;
    await this.read(this.generation, 0);
  }

  /** Reads the next rows of the same filter (once at a time). */
  async showMore(): Promise<void> {
    if (this.readingMore || !this.hasMore) return;
    this.readingMore = true;
    try {
      await this.read(this.generation, this.rows.length);
    } finally {
      this.readingMore = false;
    }
  }

  pick(summary: DocumentSummary, on: boolean): void {
    if (on) this.picked.set(summary.id, summary);
    else this.picked.delete(summary.id);
    this.changed();
  }

  /** Ticks every row shown (those read for the filter). */
  pickShown(): void {
    for (const row of this.rows) this.picked.set(row.id, row);
    this.changed();
  }

  pickNone(): void {
    this.picked.clear();
    this.changed();
  }

  /** Ticks exactly the documents the library lists that have highlights or notes. */
  async pickWithNotes(): Promise<void> {
    try {
      const annotated = await this.api().listAnnotatedDocuments();
      this.picked = new Map(annotated.filter((row) => !row.removed).map((row) => [row.id, row]));
      this.problem = null;
    } catch (error) {
      this.problem = messageOf(error);
    }
    this.changed();
  }

  /** The ticked documents' ids by title: the order of the bibliography file. */
  ids(): string[] {
    return [...this.picked.values()]
      .sort((a, b) => titleOrder.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((row) => row.id);
  }

  private async read(generation: number, offset: number): Promise<void> {
    try {
      const page = await this.api().listDocumentPage({
        text: this.text,
        sort: 'title',
        offset,
        limit: PICKER_PAGE_ROWS,
      });
      if (generation !== this.generation) return;
      this.rows = offset === 0 ? page.rows : [...this.rows, ...page.rows];
      this.total = page.total;
      this.problem = null;
    } catch (error) {
      if (generation !== this.generation) return;
      this.problem = messageOf(error);
    }
    this.changed();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
