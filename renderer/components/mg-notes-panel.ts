import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Annotation, ImportReport } from '../../main/api';
import { groupForPanel } from '../annotations/annotation-order';
import { DocumentNoteCreateEvent, NotesPanelToggleEvent, PrintEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { swatchStyles } from '../styles/highlight-styles';
import { annotationListStyles } from '../styles/annotation-list-styles';
import { notesPanelStyles } from './mg-notes-panel.styles';
import './mg-annotation-item';
import './mg-annotation-transfer';

/**
 * The panel beside the reader: notes on the whole document first, then every highlight and note
 * in reading order, then the ones whose passage is no longer in this edition of the document.
 * Export and import live at its foot.
 *
 * @fires mg-annotation-reveal - a highlight in the list was chosen (from its mg-annotation-item)
 * @fires mg-annotation-edit - Edit was chosen on an item (from its mg-annotation-item)
 * @fires mg-document-note-create - a note on the whole document was added
 * @fires mg-annotations-export - an export button was pressed (from its mg-annotation-transfer)
 * @fires mg-annotations-import - a file was picked to import (from its mg-annotation-transfer)
 * @fires mg-print - save the document with its notes as a PDF
 * @fires mg-notes-panel-toggle - the panel's close button
 */
@customElement('mg-notes-panel')
export class MgNotesPanel extends LitElement {
  static override styles = [sharedStyles, swatchStyles, annotationListStyles, notesPanelStyles];

  /** The open document's id (for a one-document export). */
  @property() docId = '';
  /** Every annotation of the open document. */
  @property({ attribute: false }) annotations: readonly Annotation[] = [];
  /** What the last import did, shown at the panel's foot until the next one. */
  @property({ attribute: false }) importReport: ImportReport | null = null;

  @state() private newNote = '';

  override render() {
    const groups = groupForPanel(this.annotations);
    const total = this.annotations.length;
    return html`
      <section aria-labelledby="notes-title">
        <header>
          <h2 id="notes-title" tabindex="-1">Notes<span class="count muted">${total || ''}</span></h2>
          <button
            class="icon-button"
            aria-label="Close notes"
            title="Close notes (Ctrl+Shift+N)"
            @click=${this.closePanel}
          >
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
            </svg>
          </button>
        </header>
        <div class="content">
          <h3>On the whole document</h3>
          ${
            groups.documentNotes.length
              ? html`<ul class="items">
                  ${groups.documentNotes.map((a) => this.renderItem(a))}
                </ul>`
              : nothing
          }
          <div class="new-note">
            <textarea
              aria-label="Note on this document"
              placeholder="A note on the whole document…"
              .value=${this.newNote}
              @input=${(event: InputEvent) => (this.newNote = (event.target as HTMLTextAreaElement).value)}
              @keydown=${this.onNoteKey}
            ></textarea>
            <button
              class="button small"
              ?disabled=${this.newNote.trim() === ''}
              @click=${this.addDocumentNote}
            >
              Add note
            </button>
          </div>

          <h3>Highlights</h3>
          ${
            groups.passages.length
              ? html`<ul class="items">
                  ${groups.passages.map((a) => this.renderItem(a))}
                </ul>`
              : html`<p class="empty muted">Select text in the article to highlight it or add a note.</p>`
          }
          ${
            groups.orphaned.length
              ? html`<h3>Not found in this edition</h3>
                  <ul class="items">
                    ${groups.orphaned.map((a) => this.renderItem(a))}
                  </ul>`
              : nothing
          }
        </div>
        <footer>
          <mg-annotation-transfer compact .docId=${this.docId || null}></mg-annotation-transfer>
          <div class="print-pdf">
            <button
              class="button small"
              title="The document with your highlights and notes, as a PDF file"
              @click=${() => this.dispatchEvent(new PrintEvent({ kind: 'document', docId: this.docId }, 'pdf'))}
            >
              Save as PDF…
            </button>
          </div>
          ${this.renderReport()}
        </footer>
      </section>
    `;
  }

  private renderItem(annotation: Annotation) {
    return html`<li data-annotation-id=${annotation.id}>
      <mg-annotation-item variant="panel" .annotation=${annotation}></mg-annotation-item>
    </li>`;
  }

  private renderReport() {
    const report = this.importReport;
    if (!report) return nothing;
    return html`<div class="report" role="status">
      Imported: ${report.added} added, ${report.updated} updated, ${report.skipped} unchanged.
      ${
        report.problems.length
          ? html`<ul>
              ${report.problems.slice(0, 5).map((problem) => html`<li>${problem}</li>`)}
              ${report.problems.length > 5 ? html`<li>…and ${report.problems.length - 5} more.</li>` : nothing}
            </ul>`
          : nothing
      }
    </div>`;
  }

  private addDocumentNote() {
    const note = this.newNote.trim();
    if (!note) return;
    this.dispatchEvent(new DocumentNoteCreateEvent(note));
    this.newNote = '';
  }

  private onNoteKey(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.addDocumentNote();
    }
  }

  /** Takes focus (the panel was just opened): its heading, scrolled into view if it is not. */
  override focus() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private closePanel() {
    this.dispatchEvent(new NotesPanelToggleEvent(false));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-notes-panel': MgNotesPanel;
  }
}
