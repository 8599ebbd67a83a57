import { describe, expect, it } from 'vitest';
import type { DocumentPage, DocumentPageQuery, DocumentSummary, MarginApi } from '../../../main/api';
import { checkDocumentPageQuery } from '../../../main/annotations/annotation-validation';
import { MarginError } from '../../../main/errors';
import { createLibraryPages } from '../../../main/library/library-page';
import { LibraryRows, PAGE_ROWS } from '../../../renderer/library/library-rows';
import { summaryRow } from '../../summary-row';

function row(i: number): DocumentSummary {
  return summaryRow(`doc-${i}`, {
    title: `${i % 2 === 0 ? 'Security' : 'Trade'} note ${String(i).padStart(5, '0')}`,
    published: '2024-01-01',
  });
}

/**
 * Main's own paging over 1,000 rows, with each answer held until the test lets it go, so answers can
 * arrive in any order, as they may over IPC or HTTP.
 */
class HeldPages {
  readonly pages = createLibraryPages(Array.from({ length: 1000 }, (_, i) => row(i)));
  readonly held: { query: DocumentPageQuery; release: () => void; fail: (error: Error) => void }[] = [];

  api(): MarginApi {
    return {
      listDocumentPage: (query: DocumentPageQuery) =>
        new Promise<DocumentPage>((resolve, reject) => {
          const answer = this.pages.page(checkDocumentPageQuery(query), () => 0);
          this.held.push({ query, release: () => resolve(answer), fail: reject });
        }),
    } as Partial<MarginApi> as MarginApi;
  }

  async releaseAll(): Promise<void> {
    for (const call of this.held.splice(0)) call.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function setUp() {
  const host = new HeldPages();
  let changes = 0;
  const rows = new LibraryRows(
    () => host.api(),
    () => changes++,
  );
  return { host, rows, changes: () => changes };
}

describe('library-rows', () => {
  it('reads only the page on screen at first, and says how many rows there are', async () => {
    const { host, rows } = setUp();
    rows.setQuery({ text: '', origin: 'all', sort: 'title' });
    expect(host.held.map((call) => [call.query.offset, call.query.limit])).toEqual([[0, PAGE_ROWS]]);
    await host.releaseAll();
    expect(rows.total).toBe(1000);
    expect(rows.rowAt(0)?.title).toBe('Security note 00000');
    expect(rows.rowAt(PAGE_ROWS)).toBeUndefined();
  });

  it('reads the pages a scrolled window needs, once each', async () => {
    const { host, rows } = setUp();
    rows.setQuery({ text: '', origin: 'all', sort: 'title' });
    await host.releaseAll();
    rows.want(450, 520);
    rows.want(450, 525);
    expect(host.held.map((call) => call.query.offset)).toEqual([400, 500]);
    await host.releaseAll();
    expect(rows.hasRows(450, 525)).toBe(true);
    expect(rows.rowAt(512)?.id).toBe('doc-25');
  });

  it('asks once while an answer is on its way, then for the newest filter, never painting the older answer', async () => {
    const { host, rows } = setUp();
    rows.setQuery({ text: '', origin: 'all', sort: 'title' });
    await host.releaseAll();
    rows.setQuery({ text: 'trade', origin: 'all', sort: 'title' });
    rows.setQuery({ text: 'securi', origin: 'all', sort: 'title' });
    rows.setQuery({ text: 'security', origin: 'all', sort: 'title' });
    expect(host.held.map((call) => call.query.text)).toEqual(['trade']);
    await host.releaseAll();
    // The answer for "trade" came after "security" was typed: dropped, and "security" asked.
    expect(rows.total).toBe(1000);
    expect(host.held.map((call) => call.query.text)).toEqual(['security']);
    await host.releaseAll();
    expect(rows.total).toBe(500);
    expect(rows.rowAt(1)?.title).toBe('Security note 00002');
  });

  it('drops a page of an older query that arrives after the newer one', async () => {
    const { host, rows } = setUp();
    rows.setQuery({ text: '', origin: 'all', sort: 'title' });
    await host.releaseAll();
    rows.want(300, 320);
    rows.setQuery({ text: 'trade', origin: 'all', sort: 'title' });
    // The page for rows 300-399 of the unfiltered list is still out; the filter waits for it.
    const [older] = host.held.splice(0);
    older.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rows.hasRows(300, 300)).toBe(false);
    expect(rows.rowAt(300)).toBeUndefined();
    expect(host.held.map((call) => [call.query.text, call.query.offset])).toEqual([['trade', 300]]);
    await host.releaseAll();
    expect(rows.total).toBe(500);
    expect(rows.rowAt(300)?.title).toMatch(/^Trade note/);
  });

  it('keeps the previous rows shown until the first page of a new query arrives', async () => {
    const { host, rows } = setUp();
    rows.setQuery({ text: '', origin: 'all', sort: 'title' });
    await host.releaseAll();
    rows.setQuery({ text: 'trade', origin: 'all', sort: 'title' });
    expect(rows.rowAt(0)?.title).toBe('Security note 00000');
    expect(rows.hasRows(0, 0)).toBe(false);
    await host.releaseAll();
    expect(rows.rowAt(0)?.title).toBe('Trade note 00001');
    expect(rows.total).toBe(500);
  });

  it('reads the same query again when the library changed, and says when a page cannot be read', async () => {
    const { host, rows } = setUp();
    rows.setQuery({ text: '', origin: 'all', sort: 'date' });
    await host.releaseAll();
    rows.setQuery({ text: '', origin: 'all', sort: 'date' });
    expect(host.held).toHaveLength(0);
    rows.setQuery({ text: '', origin: 'all', sort: 'date' }, true);
    expect(host.held).toHaveLength(1);
    host.held.splice(0)[0].fail(new MarginError('unavailable', 'The content bundle is damaged.'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rows.problem).toBe('The content bundle is damaged.');
    // The rows read before stay shown; asking again reads the page again.
    expect(rows.rowAt(0)?.id).toBeDefined();
    rows.want(0, 10);
    await host.releaseAll();
    expect(rows.problem).toBeNull();
  });

  it('keeps only the pages near the screen while the reader scrolls through the whole list', async () => {
    const { host, rows } = setUp();
    rows.setQuery({ text: '', origin: 'all', sort: 'title' });
    await host.releaseAll();
    for (let first = 0; first < 1000; first += 50) {
      rows.want(first, first + 20);
      await host.releaseAll();
    }
    const kept = Array.from({ length: 1000 }, (_, i) => rows.rowAt(i)).filter(Boolean).length;
    expect(kept).toBeLessThanOrEqual(12 * PAGE_ROWS);
    expect(rows.rowAt(990)?.id).toBe('doc-981');
  });
});
