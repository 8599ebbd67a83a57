import { describe, expect, it } from 'vitest';
import type { DocumentPage, DocumentPageQuery, DocumentSummary, MarginApi } from '../../../main/api';
import { checkDocumentPageQuery } from '../../../main/annotations/annotation-validation';
import { createLibraryPages } from '../../../main/library/library-page';
import { BibliographyPicks, PICKER_PAGE_ROWS } from '../../../renderer/library/bibliography-picks';
import { summaryRow } from '../../summary-row';

const LIBRARY = 250;

function row(i: number, fields: Partial<DocumentSummary> = {}): DocumentSummary {
  return summaryRow(`doc-${i}`, {
    title: `${i % 5 === 0 ? 'Water' : 'Trade'} brief ${String(i).padStart(3, '0')}`,
    authors: [{ name: `Writer ${i % 7}`, role: null }],
    published: '2024-01-01',
    ...fields,
  });
}

/**
 * Main's own paging over the library, its own checks included, every answer recorded; a test may
 * hold the next page answer (to let an older one arrive late).
 */
class PagedApi {
  readonly pages = createLibraryPages(Array.from({ length: LIBRARY }, (_, i) => row(i)));
  readonly answers: DocumentPage[] = [];
  annotated: DocumentSummary[] = [];
  hold: Promise<void> | null = null;

  api(): MarginApi {
    return {
      listDocumentPage: async (query: DocumentPageQuery) => {
        const hold = this.hold;
        this.hold = null;
        const answer = this.pages.page(checkDocumentPageQuery(query), () => 0);
        await hold;
        this.answers.push(answer);
        return answer;
      },
      listAnnotatedDocuments: async () => this.annotated,
    } as Partial<MarginApi> as MarginApi;
  }
}

function setUp() {
  const paged = new PagedApi();
  let changes = 0;
  const picks = new BibliographyPicks(
    () => paged.api(),
    () => changes++,
  );
  return { paged, picks, changes: () => changes };
}

const titles = (rows: readonly DocumentSummary[]) => rows.map((summary) => summary.title);

describe('BibliographyPicks', () => {
  it('lists the library by title a page at a time, never the whole of it in one answer', async () => {
    const { paged, picks, changes } = setUp();
    await picks.find('');
    expect(picks.rows).toHaveLength(PICKER_PAGE_ROWS);
    expect(picks.total).toBe(LIBRARY);
    expect(picks.rows[0].title).toBe('Trade brief 001');
    expect(titles(picks.rows)).toEqual([...titles(picks.rows)].sort());
    expect(picks.hasMore).toBe(true);
    expect(changes()).toBeGreaterThan(0);

    await Promise.all([picks.showMore(), picks.showMore()]);
    expect(picks.rows).toHaveLength(2 * PICKER_PAGE_ROWS);
    await picks.showMore();
    expect(picks.rows).toHaveLength(LIBRARY);
    expect(new Set(picks.rows.map((summary) => summary.id)).size).toBe(LIBRARY);
    expect(picks.hasMore).toBe(false);
    for (const answer of paged.answers) expect(answer.rows.length).toBeLessThanOrEqual(PICKER_PAGE_ROWS);
  });

  it('keeps the ticks across filters and gives the ticked documents by title', async () => {
    const { picks } = setUp();
    await picks.find('water');
    expect(picks.total).toBe(LIBRARY / 5);
    picks.pickShown();
    expect(picks.count).toBe(LIBRARY / 5);
    await picks.find('trade brief 003');
    expect(picks.rows.map((summary) => summary.id)).toEqual(['doc-3']);
    picks.pick(picks.rows[0], true);
    await picks.find('water brief 010');
    picks.pick(picks.rows[0], false);
    expect(picks.isPicked('doc-10')).toBe(false);
    expect(picks.count).toBe(LIBRARY / 5);

    const ids = picks.ids();
    expect(ids[0]).toBe('doc-3');
    expect(ids.slice(1, 3)).toEqual(['doc-0', 'doc-5']);
    expect(ids).not.toContain('doc-10');
    picks.pickNone();
    expect(picks.count).toBe(0);
  });

  it('never paints the answer to an older filter over a newer one', async () => {
    const { paged, picks } = setUp();
    let release!: () => void;
    paged.hold = new Promise((resolve) => (release = resolve));
    const older = picks.find('trade');
    await picks.find('water brief 005');
    release();
    await older;
    expect(picks.text).toBe('water brief 005');
    expect(picks.rows.map((summary) => summary.id)).toEqual(['doc-5']);
    expect(picks.total).toBe(1);
  });

  it('ticks exactly the documents the library lists that have notes', async () => {
    const { paged, picks } = setUp();
    await picks.find('');
    picks.pick(picks.rows[0], true);
    paged.annotated = [
      row(7, { annotationCount: 2 }),
      row(240, { annotationCount: 1 }),
      row(300, { annotationCount: 1, origin: 'yours', removed: true }),
    ];
    await picks.pickWithNotes();
    expect(picks.ids()).toEqual(['doc-7', 'doc-240']);
  });

  it('says in one line why the list could not be read, and keeps what it showed', async () => {
    const { picks } = setUp();
    await picks.find('');
    await picks.find('x'.repeat(201));
    expect(picks.problem).toBe('The library filter is text of at most 200 characters.');
    expect(picks.rows).toHaveLength(PICKER_PAGE_ROWS);
    await picks.find('water');
    expect(picks.problem).toBeNull();
  });
});
