import { consume } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { BibliographyFormat, DocumentSummary, MarginApi } from '../../main/api';
import { apiContext } from '../contexts';
import { BibliographyExportEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { formatAuthorNames, formatDate } from './document-format';
import { bibliographyPickerStyles } from './mg-bibliography-picker.styles';

const FORMATS: Array<{ format: BibliographyFormat; label: string }> = [
  { format: 'bibtex', label: 'BibTeX (.bib)' },
  { format: 'ris', label: 'RIS (.ris)' },
  { format: 'csl-json', label: 'CSL-JSON (.json)' },
];

/**
 * "Bibliography…" in the library: pick documents with checkboxes and export one bibliography file of
 * them in BibTeX, RIS or CSL-JSON, in the order of the library. A modal dialog of its own, so the
 * library view only places the button.
 *
 * @fires mg-bibliography-export - the picked documents, in the chosen format
 */
@customElement('mg-bibliography-picker')
export class MgBibliographyPicker extends LitElement {
  static override styles = [sharedStyles, bibliographyPickerStyles];

  @consume({ context: apiContext })
  private api!: MarginApi;

  @state() private documents: DocumentSummary[] = [];
  @state() private picked = new Set<string>();
  @state() private format: BibliographyFormat = 'bibtex';
  @state() private problem: string | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  override render(): TemplateResult {
    return html`
      <button class="button" aria-haspopup="dialog" @click=${this.open}>Bibliography…</button>
      <dialog aria-labelledby="picker-title">
        <h2 id="picker-title">Export a bibliography</h2>
        <p class="muted">Choose the documents to cite; the file lists them in the order shown.</p>
        ${this.problem ? html`<p role="alert">${this.problem}</p>` : nothing}
        <div class="select-all">
          <button class="button small" @click=${() => this.pickAll(true)}>Select all</button>
          <button class="button small" @click=${() => this.pickAll(false)}>Select none</button>
          <button class="button small" @click=${this.pickWithNotes}>Documents with notes</button>
        </div>
        <fieldset class="documents">
          <legend class="visually-hidden">Documents</legend>
          ${this.documents.map((summary) => this.renderDocument(summary))}
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
          <button class="button primary" ?disabled=${this.picked.size === 0} @click=${this.export}>
            Export ${this.picked.size} ${this.picked.size === 1 ? 'document' : 'documents'}
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
        .checked=${this.picked.has(summary.id)}
        @change=${(event: Event) => this.pick(summary.id, (event.target as HTMLInputElement).checked)}
      />
      <span>
        <span class="title">${summary.title}</span>
        ${details.length > 0 ? html`<span class="muted">${details.join(' · ')}</span>` : nothing}
      </span>
    </label>`;
  }

  private async open(): Promise<void> {
    this.dialog.showModal();
    try {
      this.documents = await this.api.listDocuments();
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private pick(id: string, on: boolean): void {
    const next = new Set(this.picked);
    if (on) next.add(id);
    else next.delete(id);
    this.picked = next;
  }

  private pickAll(on: boolean): void {
    this.picked = new Set(on ? this.documents.map((summary) => summary.id) : []);
  }

  private pickWithNotes(): void {
    this.picked = new Set(
      this.documents.filter((summary) => summary.annotationCount > 0).map((summary) => summary.id),
    );
  }

  private export(): void {
    // The library's order, whatever order the boxes were ticked in.
    const ids = this.documents.map((summary) => summary.id).filter((id) => this.picked.has(id));
    this.dispatchEvent(new BibliographyExportEvent(this.format, null, ids));
    this.dialog.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-bibliography-picker': MgBibliographyPicker;
  }
}
