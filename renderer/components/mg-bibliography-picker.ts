import { consume } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { BibliographyFormat, DocumentSummary, MarginApi } from '../../main/api';
import { apiContext } from '../contexts';
import { BibliographyExportEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { BibliographyPicks } from '../library/bibliography-picks';
import { formatAuthorNames, formatDate } from './document-format';
import { bibliographyPickerStyles } from './mg-bibliography-picker.styles';

const FORMATS: Array<{ format: BibliographyFormat; label: string }> = [
  { format: 'bibtex', label: 'BibTeX (.bib)' },
  { format: 'ris', label: 'RIS (.ris)' },
  { format: 'csl-json', label: 'CSL-JSON (.json)' },
];

/**
 * "Bibliography…" in the library: find documents, tick them and export one bibliography file of them
 * in BibTeX, RIS or CSL-JSON, listed by title. A modal dialog of its own, so the library view only
 * places the button. The list is read from main a page at a time (see BibliographyPicks).
 *
 * @fires mg-bibliography-export - the picked documents, in the chosen format
 */
@customElement('mg-bibliography-picker')
export class MgBibliographyPicker extends LitElement {
  static override styles = [sharedStyles, bibliographyPickerStyles];

  @consume({ context: apiContext })
  private api!: MarginApi;

  private readonly picks = new BibliographyPicks(
    () => this.api,
    () => this.requestUpdate(),
  );
  @state() private format: BibliographyFormat = 'bibtex';
  @query('dialog') private dialog!: HTMLDialogElement;

  override render(): TemplateResult {
    const { picks } = this;
    return html`
      <button class="button" aria-haspopup="dialog" @click=${this.open}>Bibliography…</button>
      <dialog aria-labelledby="picker-title">
        <h2 id="picker-title">Export a bibliography</h2>
        <p class="muted">Choose the documents to cite; the file lists them by title.</p>
        ${picks.problem ? html`<p role="alert">${picks.problem}</p>` : nothing}
        <input
          type="search"
          class="find"
          aria-label="Find documents"
          placeholder="Find by title, author, publisher or tag"
          autocomplete="off"
          maxlength="200"
          .value=${picks.text}
          @input=${(event: InputEvent) => void picks.find((event.target as HTMLInputElement).value)}
        />
        <div class="select-all">
          <button class="button small" @click=${() => picks.pickShown()}>
            ${picks.hasMore ? 'Select all shown' : 'Select all'}
          </button>
          <button class="button small" @click=${() => picks.pickNone()}>Select none</button>
          <button class="button small" @click=${() => void picks.pickWithNotes()}>
            Documents with notes
          </button>
        </div>
        <fieldset class="documents">
          <legend class="visually-hidden">Documents</legend>
          ${picks.rows.map((summary) => this.renderDocument(summary))}
          ${
            picks.hasMore
              ? html`<div class="more">
                  <span class="muted"
                    >${picks.rows.length.toLocaleString('en')} of ${picks.total.toLocaleString('en')}
                    shown</span
                  >
                  <button class="button small" @click=${() => void picks.showMore()}>Show more</button>
                </div>`
              : nothing
          }
        </fieldset>
        <div class="actions">
          <label>
            Format
            <select
              @change=${(event: Event) =>
                (this.format = (event.target as HTMLSelectElement).value as BibliographyFormat)}
            >
              ${FORMATS.map(
                ({ format, label }) =>
                  html`<option value=${format} ?selected=${this.format === format}>${label}</option>`,
              )}
            </select>
          </label>
          <button class="button primary" ?disabled=${picks.count === 0} @click=${this.export}>
            Export ${picks.count} ${picks.count === 1 ? 'document' : 'documents'}
          </button>
          <form method="dialog"><button class="button">Cancel</button></form>
        </div>
      </dialog>
    `;
  }

  private renderDocument(summary: DocumentSummary): TemplateResult {
    const details = [
      summary.authors.length > 0 ? formatAuthorNames(summary.authors) : null,
      summary.published ? formatDate(summary.published) : null,
    ].filter(Boolean);
    return html`<label class="document">
      <input
        type="checkbox"
        .checked=${this.picks.isPicked(summary.id)}
        @change=${(event: Event) => this.picks.pick(summary, (event.target as HTMLInputElement).checked)}
      />
      <span>
        <span class="title">${summary.title}</span>
        ${details.length > 0 ? html`<span class="muted">${details.join(' · ')}</span>` : nothing}
      </span>
    </label>`;
  }

  private async open(): Promise<void> {
    this.dialog.showModal();
    await this.picks.find(this.picks.text);
  }

  private export(): void {
    this.dispatchEvent(new BibliographyExportEvent(this.format, null, this.picks.ids()));
    this.dialog.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-bibliography-picker': MgBibliographyPicker;
  }
}
