import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property, queryAll, state } from 'lit/decorators.js';
import type { DocumentSummary, MarginApi, Preferences } from '../../main/api';
import { DEFAULT_PREFERENCES } from '../../main/shared/preference-defaults';
import { apiContext, preferencesContext } from '../contexts';
import {
  AddDocumentsEvent,
  DocumentRemoveEvent,
  OriginFilterEvent,
  PreferencesChangeEvent,
  type OriginFilter,
} from '../events';
import { foldText } from '../highlighting/text-matching';
import { sharedStyles } from '../styles/shared-styles';
import { libraryViewStyles } from './mg-library-view.styles';
import './mg-bibliography-picker';
import type { MgDocumentCard } from './mg-document-card';
import './mg-document-card';
import './mg-origin-filter';

/**
 * The library: the publisher's documents and the reader's own, sorted by date or title (remembered),
 * filtered as you type and by origin, with a mark on documents that have highlights or notes.
 *
 * @fires mg-open-document - a document was chosen (from its mg-document-card)
 * @fires mg-document-remove - one of the reader's documents is to be removed (from its card)
 * @fires mg-add-documents - "Add documents…" was pressed
 * @fires mg-preferences-change - the sort order changed
 * @fires mg-bibliography-export - documents picked for a bibliography (from its mg-bibliography-picker)
 */
@customElement('mg-library-view')
export class MgLibraryView extends LitElement {
  static override styles = [sharedStyles, libraryViewStyles];

  @consume({ context: apiContext })
  private api!: MarginApi;

  @consume({ context: preferencesContext, subscribe: true })
  @state()
  private preferences: Preferences = DEFAULT_PREFERENCES;

  /** Goes up when the library changed (an import, a removal, an undo): the list is read again. */
  @property({ type: Number }) revision = 0;

  @state() private filter = '';
  @state() private origin: OriginFilter = 'all';

  @queryAll('mg-document-card') private cards!: NodeListOf<MgDocumentCard>;
  /** Where the card of a removed document was, to put focus on the one that takes its place. */
  private focusAfterRemoval: { index: number; docId: string } | null = null;

  private readonly documentsTask = new Task(this, {
    task: () => this.api.listDocuments(),
    // The revision is not an input of the call: a new one only makes it run again.
    args: () => [this.revision] as const,
  });

  constructor() {
    super();
    this.addEventListener(OriginFilterEvent.eventName, (event) => {
      // The filter is this view's own state, so its event stops here.
      event.stopPropagation();
      this.origin = event.filter;
    });
    this.addEventListener(DocumentRemoveEvent.eventName, (event) => {
      const index = [...this.cards].findIndex((card) => card.doc.id === event.docId);
      this.focusAfterRemoval = index >= 0 ? { index, docId: event.docId } : null;
    });
  }

  protected override updated(): void {
    void this.moveFocusAfterRemoval();
  }

  /** Once the list is read again without the removed document, its successor's title takes focus. */
  private async moveFocusAfterRemoval(): Promise<void> {
    const removal = this.focusAfterRemoval;
    if (!removal || this.documentsTask.status !== TaskStatus.COMPLETE) return;
    const cards = [...this.cards];
    if (cards.some((card) => card.doc.id === removal.docId)) return;
    this.focusAfterRemoval = null;
    const next = cards[Math.min(removal.index, cards.length - 1)];
    if (!next) {
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
      return;
    }
    // A card drawn in this update has not drawn its own link yet.
    await next.updateComplete;
    next.focus();
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
              @input=${(event: InputEvent) => (this.filter = (event.target as HTMLInputElement).value)}
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
        ${this.documentsTask.render({
          // Read again after an import or a removal: the list stays as it was meanwhile.
          pending: () => {
            const shown = this.documentsTask.value;
            if (shown) return this.renderDocuments(shown);
            return html`<p class="message" role="status">Opening the library…</p>`;
          },
          error: (error) =>
            html`<p class="message error" role="alert">
              The library could not be read: ${error instanceof Error ? error.message : String(error)}
            </p>`,
          complete: (documents) => this.renderDocuments(documents),
        })}
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
    const all = this.documentsTask.value;
    if (!all) return '';
    const shown = this.visible(all).length;
    const noun = all.length === 1 ? 'document' : 'documents';
    return shown === all.length ? `${all.length} ${noun}` : `${shown} of ${all.length} ${noun}`;
  }

  private renderDocuments(all: DocumentSummary[]): TemplateResult {
    if (all.length === 0) return html`<p class="message">The library is empty.</p>`;
    const documents = this.visible(all);
    if (documents.length === 0) return html`<p class="message" role="status">${this.emptyLine()}</p>`;
    return html`<ul aria-label="Documents">
      ${documents.map((doc) => html`<li><mg-document-card .doc=${doc}></mg-document-card></li>`)}
    </ul>`;
  }

  private emptyLine(): string {
    const words = this.filter.trim();
    if (words) return `No documents match “${words}”.`;
    if (this.origin === 'yours')
      return 'None of your own documents yet. Add documents… or drop PDFs, web pages, Markdown or text files here.';
    return 'No documents from the publisher.';
  }

  /** Filtered (every word must appear somewhere in the row) and sorted as the reader chose. */
  private visible(all: DocumentSummary[]): DocumentSummary[] {
    const words = foldText(this.filter).split(/\s+/).filter(Boolean);
    const matching = all.filter((doc) => {
      if (this.origin !== 'all' && doc.origin !== this.origin) return false;
      const haystack = foldText(
        [
          doc.title,
          doc.series ?? '',
          doc.publisherName ?? '',
          ...doc.authors.map((a) => a.name),
          ...doc.tags,
        ].join(' '),
      );
      return words.every((word) => haystack.includes(word));
    });
    return this.preferences.librarySort === 'title'
      ? matching.sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }))
      : matching.sort(
          (a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title),
        );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-library-view': MgLibraryView;
  }
}
