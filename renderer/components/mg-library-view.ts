import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { DocumentSummary, MarginApi, Preferences } from '../../main/api';
import { DEFAULT_PREFERENCES } from '../../main/shared/preference-defaults';
import { apiContext, preferencesContext } from '../contexts';
import { OpenDocumentEvent, PreferencesChangeEvent } from '../events';
import { foldText } from '../highlighting/text-matching';
import { sharedStyles } from '../styles/shared-styles';
import { libraryViewStyles } from './mg-library-view.styles';
import { formatAuthorNames, formatDate, formatReadingTime } from './document-format';
import './mg-bibliography-picker';

/**
 * The library: every document with its metadata, sorted by date or title (remembered), filtered as you
 * type, with a mark on documents that have highlights or notes.
 *
 * @fires mg-open-document - a document was chosen
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

  @state() private filter = '';

  private readonly documentsTask = new Task(this, {
    task: () => this.api.listDocuments(),
    args: () => [] as const,
  });

  protected override render(): TemplateResult {
    return html`
      <main id="main" tabindex="-1" aria-labelledby="library-title">
        <div class="head">
          <h1 id="library-title" tabindex="-1">Library</h1>
          <span class="muted">${this.countLine()}</span>
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
          <div class="sort">
            <span class="muted" id="sort-label">Sort by</span>
            <div class="segmented" role="group" aria-labelledby="sort-label">
              ${this.sortButton('date', 'Newest')} ${this.sortButton('title', 'Title')}
            </div>
          </div>
          <mg-bibliography-picker></mg-bibliography-picker>
        </div>
        ${this.documentsTask.render({
          pending: () => html`<p class="message" role="status">Opening the library…</p>`,
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
    if (documents.length === 0) {
      return html`<p class="message" role="status">No documents match “${this.filter.trim()}”.</p>`;
    }
    return html`<ul aria-label="Documents">
      ${documents.map((doc) => this.renderDocument(doc))}
    </ul>`;
  }

  private renderDocument(doc: DocumentSummary): TemplateResult {
    const notes = doc.annotationCount;
    return html`
      <li class="card">
        ${doc.series ? html`<p class="series">${doc.series}</p>` : nothing}
        <h2>
          <a href="#/read/${doc.id}" @click=${(event: MouseEvent) => this.open(event, doc.id)}
            >${doc.title}</a
          >
        </h2>
        ${doc.authors.length > 0 ? html`<p class="authors">${formatAuthorNames(doc.authors)}</p>` : nothing}
        <p class="meta">
          ${doc.published ? html`<time datetime=${doc.published}>${formatDate(doc.published)}</time>` : nothing}
          ${doc.publisherName ? html`<span>${doc.publisherName}</span>` : nothing}
          <span>${formatReadingTime(doc.readingMinutes)}</span>
          ${
            notes > 0
              ? html`<span class="notes"
                  ><span aria-hidden="true">✎</span> ${notes} ${notes === 1 ? 'note' : 'notes'}</span
                >`
              : nothing
          }
        </p>
        ${
          doc.tags.length > 0
            ? html`<ul class="tags" aria-label="Tags">
                ${doc.tags.map((tag) => html`<li>${tag}</li>`)}
              </ul>`
            : nothing
        }
      </li>
    `;
  }

  private open(event: MouseEvent, docId: string): void {
    event.preventDefault();
    this.dispatchEvent(new OpenDocumentEvent(docId));
  }

  /** Filtered (every word must appear somewhere in the row) and sorted as the reader chose. */
  private visible(all: DocumentSummary[]): DocumentSummary[] {
    const words = foldText(this.filter).split(/\s+/).filter(Boolean);
    const matching = all.filter((doc) => {
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
