import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { MarginApi, Preferences } from '../../main/api';
import { DEFAULT_PREFERENCES } from '../../main/shared/preference-defaults';
import { apiContext, preferencesContext } from '../contexts';
import { RowWindowController } from '../controllers/row-window-controller';
import {
  AddDocumentsEvent,
  DocumentRemoveEvent,
  OriginFilterEvent,
  PreferencesChangeEvent,
  type OriginFilter,
} from '../events';
import { LibraryRows } from '../library/library-rows';
import { segmentedStyles } from '../styles/segmented-styles';
import { sharedStyles } from '../styles/shared-styles';
import { LIBRARY_ROW_REM, libraryViewStyles } from './mg-library-view.styles';
import './mg-bibliography-picker';
import type { MgDocumentCard } from './mg-document-card';
import './mg-document-card';
import './mg-origin-filter';

/** How long a row that is being read may take before focus gives up on it (a broken host). */
const FOCUS_WAIT_MS = 3000;
// Made once: toLocaleString makes a formatter per call, and the count line is drawn every frame of a scroll.
const COUNT = new Intl.NumberFormat('en');

/**
 * The library: the publisher's documents and the reader's own, sorted by date or title (remembered),
 * filtered as you type and by origin, with a mark on documents that have highlights or notes. Rows are
 * read from main a page at a time and only those on screen (and a few either side) are drawn, so a
 * library of 100,000 opens as fast as one of ten; the list keeps the whole length (the scrollbar, and
 * each row's aria-posinset of aria-setsize), and the focused row stays drawn when it scrolls away.
 *
 * @fires mg-open-document - a document was chosen (from its mg-document-card)
 * @fires mg-document-remove - one of the reader's documents is to be removed (from its card)
 * @fires mg-add-documents - "Add documents…" was pressed
 * @fires mg-preferences-change - the sort order changed
 * @fires mg-bibliography-export - documents picked for a bibliography (from its mg-bibliography-picker)
 */
@customElement('mg-library-view')
export class MgLibraryView extends LitElement {
  static override styles = [sharedStyles, segmentedStyles, libraryViewStyles];

  @consume({ context: apiContext })
  private api!: MarginApi;

  @consume({ context: preferencesContext, subscribe: true })
  @state()
  private preferences: Preferences = DEFAULT_PREFERENCES;

  /** Goes up when the library changed (an import, a removal, an undo): the list is read again. */
  @property({ type: Number }) revision = 0;

  @state() private filter = '';
  @state() private origin: OriginFilter = 'all';

  @query('ul.rows') private list!: HTMLUListElement | null;

  private readonly rows = new LibraryRows(
    () => this.api,
    () => this.requestUpdate(),
  );
  /** Measured from a drawn row; the first guess is the row's height at the default font size. */
  private rowHeight = LIBRARY_ROW_REM * 16;
  private readonly rowWindow = new RowWindowController(
    this,
    () => this.list,
    () => this.rowHeight,
    () => this.rows.total ?? 0,
    () => this.headerHeight(),
  );
  /** The row holding focus: always drawn, wherever the list is scrolled. */
  private focusedIndex: number | null = null;
  private askedRevision: number | null = null;
  /** Where the card of a removed document was, to put focus on the one that takes its place. */
  private focusAfterRemoval: { index: number; docId: string } | null = null;

  constructor() {
    super();
    this.addEventListener(OriginFilterEvent.eventName, (event) => {
      // The filter is this view's own state, so its event stops here.
      event.stopPropagation();
      this.origin = event.filter;
    });
    this.addEventListener(DocumentRemoveEvent.eventName, (event) => {
      const index = this.rowIndexOf(event);
      this.focusAfterRemoval = index === null ? null : { index, docId: event.docId };
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const query = { text: this.filter, origin: this.origin, sort: this.preferences.librarySort };
    const revised = this.askedRevision !== null && this.askedRevision !== this.revision;
    if (changed.has('revision') || this.askedRevision === null) this.askedRevision = this.revision;
    this.rows.setQuery(query, revised);
  }

  protected override updated(): void {
    this.placeRows();
    const drawn = this.renderRoot.querySelector<HTMLElement>('li.row');
    const height = drawn?.getBoundingClientRect().height ?? 0;
    let again = false;
    if (height > 0 && Math.abs(height - this.rowHeight) > 0.5) {
      this.rowHeight = height;
      this.placeRows();
      again = true;
    }
    if (this.rowWindow.measure()) again = true;
    const { first, last } = this.shownWindow();
    this.rows.want(first, last);
    if (again) this.requestUpdate();
    void this.moveFocusAfterRemoval();
  }

  /**
   * The list's height and each row's place, set on the elements' style objects: the CSP allows no
   * inline style attributes, which is what a template's style binding would write.
   */
  private placeRows(): void {
    const list = this.list;
    if (!list) return;
    list.style.height = `${(this.rows.total ?? 0) * this.rowHeight}px`;
    for (const row of list.querySelectorAll<HTMLElement>('li.row')) {
      row.style.transform = `translateY(${Number(row.dataset.index) * this.rowHeight}px)`;
    }
  }

  /** The rows on screen; before the list has been measured, the first screenful. */
  private shownWindow(): { first: number; last: number } {
    const total = this.rows.total ?? 0;
    const measured = this.rowWindow.window;
    if (measured.last >= measured.first)
      return { first: measured.first, last: Math.min(measured.last, total - 1) };
    return { first: 0, last: Math.min(total, Math.ceil(window.innerHeight / this.rowHeight) + 1) - 1 };
  }

  private headerHeight(): number {
    const root = getComputedStyle(document.documentElement);
    return parseFloat(root.getPropertyValue('--mg-header-height')) * parseFloat(root.fontSize) || 0;
  }

  /** The position of the row an event came from (its li's data-index), or null. */
  private rowIndexOf(event: Event): number | null {
    for (const target of event.composedPath()) {
      if (target instanceof HTMLLIElement && target.dataset.index !== undefined)
        return Number(target.dataset.index);
      if (target === this.list) break;
    }
    return null;
  }

  private cardAt(index: number): MgDocumentCard | null {
    return this.renderRoot.querySelector<MgDocumentCard>(`li[data-index="${index}"] mg-document-card`);
  }

  /** Scrolls row `index` into view, waits until it is read and drawn, and focuses its title. */
  private async focusRow(index: number): Promise<void> {
    this.focusedIndex = index;
    this.rowWindow.reveal(index);
    const until = performance.now() + FOCUS_WAIT_MS;
    while (performance.now() < until) {
      await this.updateComplete;
      const card = this.cardAt(index);
      if (card) {
        await card.updateComplete;
        card.focus({ preventScroll: true });
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  /** Once the list is read again without the removed document, its successor's title takes focus. */
  private async moveFocusAfterRemoval(): Promise<void> {
    const removal = this.focusAfterRemoval;
    const total = this.rows.total;
    if (!removal || total === null) return;
    const index = Math.min(removal.index, total - 1);
    if (index >= 0 && (!this.rows.hasRows(index, index) || this.rows.rowAt(index)?.id === removal.docId))
      return;
    this.focusAfterRemoval = null;
    if (index < 0) {
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
      return;
    }
    await this.focusRow(index);
  }

  /** Asked at once; while an answer is on its way, LibraryRows holds the newest filter until it is in. */
  private onFilterInput(event: InputEvent): void {
    this.filter = (event.target as HTMLInputElement).value;
  }

  /** Arrow keys, Page Up/Down, Home and End move focus along the list, as in any list of rows. */
  private onListKey(event: KeyboardEvent): void {
    const index = this.rowIndexOf(event);
    const total = this.rows.total ?? 0;
    if (index === null || total === 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
      return;
    const screenful = Math.max(1, Math.floor((window.innerHeight - this.headerHeight()) / this.rowHeight));
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + screenful,
      PageUp: index - screenful,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    void this.focusRow(Math.max(0, Math.min(total - 1, target)));
  }

  private onListFocusIn(event: FocusEvent): void {
    this.focusedIndex = this.rowIndexOf(event);
  }

  private onListFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.list?.contains(next)) this.focusedIndex = null;
  }

  protected override render(): TemplateResult {
    return html`
      <main id="main" tabindex="-1" aria-labelledby="library-title">
        <div class="head">
          <h1 id="library-title" tabindex="-1">Library</h1>
          <span class="muted">${this.countLine()}</span>
          <button
            class="button add"
            title="Add PDFs, saved web pages, Markdown or text files (or drop them on the window)"
            @click=${() => this.dispatchEvent(new AddDocumentsEvent())}
          >
            Add documents…
          </button>
        </div>
        <div class="toolbar">
          <div class="filter">
            <input
              type="search"
              aria-label="Filter documents"
              placeholder="Filter by title, author, publisher or tag"
              autocomplete="off"
              .value=${this.filter}
              @input=${this.onFilterInput}
            />
          </div>
          <mg-origin-filter .value=${this.origin}></mg-origin-filter>
          <div class="sort">
            <span class="muted" id="sort-label">Sort by</span>
            <div class="segmented" role="group" aria-labelledby="sort-label">
              ${this.sortButton('date', 'Newest')} ${this.sortButton('title', 'Title')}
            </div>
          </div>
          <mg-bibliography-picker></mg-bibliography-picker>
        </div>
        ${this.renderDocuments()}
      </main>
    `;
  }

  private sortButton(sort: Preferences['librarySort'], label: string): TemplateResult {
    return html`<button
      class="button"
      aria-pressed=${String(this.preferences.librarySort === sort)}
      @click=${() => this.dispatchEvent(new PreferencesChangeEvent({ librarySort: sort }))}
    >
      ${label}
    </button>`;
  }

  private countLine(): string {
    const { total, libraryTotal } = this.rows;
    if (total === null) return '';
    const noun = libraryTotal === 1 ? 'document' : 'documents';
    return total === libraryTotal
      ? `${COUNT.format(libraryTotal)} ${noun}`
      : `${COUNT.format(total)} of ${COUNT.format(libraryTotal)} ${noun}`;
  }

  private renderDocuments(): TemplateResult {
    const { total, problem } = this.rows;
    if (problem !== null)
      return html`<p class="message error" role="alert">The library could not be read: ${problem}</p>`;
    if (total === null) return html`<p class="message" role="status">Opening the library…</p>`;
    if (this.rows.libraryTotal === 0) return html`<p class="message">The library is empty.</p>`;
    if (total === 0) return html`<p class="message" role="status">${this.emptyLine()}</p>`;
    const { first, last } = this.shownWindow();
    const indices: number[] = [];
    for (let index = first; index <= last; index++) indices.push(index);
    const focused = this.focusedIndex;
    if (focused !== null && focused < total && (focused < first || focused > last)) indices.push(focused);
    return html`<ul
      class="rows"
      aria-label="Documents"
      @keydown=${this.onListKey}
      @focusin=${this.onListFocusIn}
      @focusout=${this.onListFocusOut}
    >
      ${repeat(
        indices,
        (index) => this.rows.rowAt(index)?.id ?? `reading-${index}`,
        (index) => {
          const doc = this.rows.rowAt(index);
          return html`<li
            class="row"
            data-index=${index}
            aria-setsize=${total}
            aria-posinset=${index + 1}
            aria-busy=${doc ? nothing : 'true'}
          >
            ${doc ? html`<mg-document-card .doc=${doc}></mg-document-card>` : nothing}
          </li>`;
        },
      )}
    </ul>`;
  }

  private emptyLine(): string {
    const words = this.filter.trim();
    if (words) return `No documents match “${words}”.`;
    if (this.origin === 'yours')
      return 'None of your own documents yet. Add documents… or drop PDFs, web pages, Markdown or text files here.';
    return 'No documents from the publisher.';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-library-view': MgLibraryView;
  }
}
