import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ImportProgressReport } from '../../main/api';
import { isSettled, type ImportRow } from '../imports/import-queue';
import { ImportCancelEvent, ImportDismissEvent, ImportSameNameEvent, OpenDocumentEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { importPanelStyles } from './mg-import-panel.styles';

const PHASES = { reading: 'Reading', parsing: 'Reading the text', indexing: 'Indexing', done: 'Finishing' };

/**
 * The list of files being added to the library: per file its name, a progress bar while it imports,
 * Cancel, then its result line (imported, already in your library, refused and why), or the question
 * of what to do about a file of the same name. Hidden when there is nothing to show.
 *
 * @fires mg-import-cancel - stop importing one file
 * @fires mg-import-same-name - replace the document of the same name, or keep both
 * @fires mg-import-dismiss - clear the finished rows
 * @fires mg-open-document - open an imported document
 */
@customElement('mg-import-panel')
export class MgImportPanel extends LitElement {
  static override styles = [sharedStyles, importPanelStyles];

  @property({ attribute: false }) rows: readonly ImportRow[] = [];

  override render() {
    if (this.rows.length === 0) return nothing;
    const working = this.rows.some((row) => !isSettled(row));
    return html`<section aria-labelledby="import-heading">
      <div class="head">
        <h2 id="import-heading">${working ? 'Adding documents' : 'Finished adding documents'}</h2>
        <button
          class="icon-button"
          aria-label="Clear the finished files from this list"
          title="Clear the finished files"
          ?disabled=${this.rows.every((row) => !isSettled(row))}
          @click=${() => this.dispatchEvent(new ImportDismissEvent())}
        >
          ✕
        </button>
      </div>
      <ul aria-label="Files">
        ${this.rows.map((row) => this.renderRow(row))}
      </ul>
    </section>`;
  }

  private renderRow(row: ImportRow): TemplateResult {
    return html`<li data-status=${row.status}>
      <span class="name" title=${row.name}>${row.name}</span>
      ${this.renderState(row)}
    </li>`;
  }

  private renderState(row: ImportRow): TemplateResult {
    switch (row.status) {
      case 'waiting':
        return html`<span class="line muted">Waiting</span>${this.cancelButton(row)}`;
      case 'importing':
        return html`${this.progressBar(row)}${this.cancelButton(row)}`;
      case 'same-name':
        return html`<span class="line">${row.message}</span>
          <span class="actions">
            <button
              class="button"
              @click=${() => this.dispatchEvent(new ImportSameNameEvent(row.key, 'replace'))}
            >
              Replace (keep my notes, re-anchored)
            </button>
            <button
              class="button"
              @click=${() => this.dispatchEvent(new ImportSameNameEvent(row.key, 'keep-both'))}
            >
              Keep both
            </button>
            ${this.cancelButton(row)}
          </span>`;
      case 'imported':
        return html`<span class="line done">Imported</span>${this.openButton(row)}`;
      case 'already-in-library':
        return html`<span class="line">Already in your library</span>${this.openButton(row)}`;
      case 'refused':
        return html`<span class="line refused" title=${row.message}>Refused: ${row.message}</span>`;
      case 'cancelled':
        return html`<span class="line muted">Cancelled</span>`;
    }
  }

  private progressBar(row: ImportRow): TemplateResult {
    const progress = row.progress;
    // Without a total yet the bar moves without a value: the browser shows it as busy.
    const known = progress !== null && progress.total > 0;
    return html`<span class="progress">
      <progress
        aria-label="Importing ${row.name}"
        max=${known ? progress.total : 1}
        value=${known ? progress.done : nothing}
      ></progress>
      <span class="muted">${progressLine(progress)}</span>
    </span>`;
  }

  private cancelButton(row: ImportRow): TemplateResult {
    return html`<button
      class="button"
      aria-label="Cancel importing ${row.name}"
      @click=${() => this.dispatchEvent(new ImportCancelEvent(row.key))}
    >
      Cancel
    </button>`;
  }

  private openButton(row: ImportRow): TemplateResult | typeof nothing {
    const docId = row.docId;
    if (!docId) return nothing;
    return html`<button
      class="button"
      aria-label="Open ${row.title ?? row.name}"
      @click=${() => this.dispatchEvent(new OpenDocumentEvent(docId))}
    >
      Open
    </button>`;
  }
}

/** What the bar stands for in words: the phase, and the page while a PDF's text is read. */
function progressLine(progress: ImportProgressReport | null): string {
  if (!progress) return 'Starting';
  // A count of one is a step, not a page: only a real count is worth reading out.
  if (progress.phase === 'parsing' && progress.total > 1)
    return `Reading page ${Math.min(progress.done + 1, progress.total)} of ${progress.total}`;
  return PHASES[progress.phase];
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-import-panel': MgImportPanel;
  }
}
