import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BibliographyFormat, ExportFormat } from '../../main/api';
import { AnnotationsExportEvent, AnnotationsImportEvent, BibliographyExportEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { annotationTransferStyles } from './mg-annotation-transfer.styles';

/** Bibliography files for reference managers (Zotero, EndNote, BibDesk). */
const BIBLIOGRAPHY_BUTTONS: Array<{ format: BibliographyFormat; label: string; title: string }> = [
  { format: 'bibtex', label: 'BibTeX', title: 'A .bib file for BibTeX, BibDesk or Zotero' },
  { format: 'ris', label: 'RIS', title: 'An .ris file for Zotero, EndNote or Mendeley' },
  { format: 'csl-json', label: 'CSL-JSON', title: 'CSL-JSON, as Zotero and Pandoc read it' },
];

/** What the file picker offers: Margin's own JSON-LD and Markdown exports. */
const IMPORT_ACCEPT = '.json,.jsonld,.md,.markdown,application/ld+json,application/json,text/markdown';

/**
 * The export and import buttons for annotations, shared by the notebook (everything, full labels)
 * and the notes panel (`compact`: one document, short labels under an "Export" group, smaller
 * buttons). Both forms give the buttons the same accessible names, so tests and screen readers
 * find "Export Markdown", "Export JSON-LD" and "Import…" in either place.
 *
 * @fires mg-annotations-export - an export button was pressed
 * @fires mg-annotations-import - a file was picked to import
 * @fires mg-bibliography-export - a bibliography button was pressed (the document, or every one with notes)
 */
@customElement('mg-annotation-transfer')
export class MgAnnotationTransfer extends LitElement {
  static override styles = [sharedStyles, annotationTransferStyles];

  /** The document to export, or null to export every document. */
  @property({ attribute: false }) docId: string | null = null;
  /** The notes panel's form: short labels and small buttons. */
  @property({ type: Boolean, reflect: true }) compact = false;

  override render() {
    const importControls = html`
      <button class=${this.compact ? 'button small' : 'button'} @click=${this.pickFile}>Import…</button>
      <input
        type="file"
        hidden
        accept=${IMPORT_ACCEPT}
        aria-label="Import annotations file"
        @change=${this.onFile}
      />
    `;
    if (!this.compact) {
      return html`
        <div class="actions">
          <button class="button" @click=${() => this.export('markdown')}>Export Markdown</button>
          <button class="button" @click=${() => this.export('jsonld')}>Export JSON-LD</button>
          ${importControls}
        </div>
        ${this.renderBibliography()}
      `;
    }
    return html`
      <div class="actions" role="group" aria-label="Export">
        <span class="label muted" aria-hidden="true">Export</span>
        <button
          class="button small"
          aria-label="Export Markdown"
          title="A Markdown file, ready for Obsidian"
          @click=${() => this.export('markdown')}
        >
          Markdown
        </button>
        <button
          class="button small"
          aria-label="Export JSON-LD"
          title="W3C Web Annotation JSON-LD, which Margin can import again"
          @click=${() => this.export('jsonld')}
        >
          JSON-LD
        </button>
      </div>
      ${this.renderBibliography()}
      <div class="actions">${importControls}</div>
    `;
  }

  /** "Bibliography: BibTeX RIS CSL-JSON", named "Export bibliography as …" in either form. */
  private renderBibliography() {
    const size = this.compact ? 'button small' : 'button';
    return html`
      <div class="actions" role="group" aria-label="Bibliography">
        <span class="label muted" aria-hidden="true">Bibliography</span>
        ${BIBLIOGRAPHY_BUTTONS.map(
          ({ format, label, title }) => html`
            <button
              class=${size}
              aria-label=${`Export bibliography as ${label}`}
              title=${this.docId ? title : `${title}: every document with notes`}
              @click=${() => this.dispatchEvent(new BibliographyExportEvent(format, this.docId))}
            >
              ${label}
            </button>
          `,
        )}
      </div>
    `;
  }

  private export(format: ExportFormat) {
    this.dispatchEvent(new AnnotationsExportEvent(format, this.docId));
  }

  private pickFile() {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  }

  private async onFile(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so that picking the same file again still fires a change.
    input.value = '';
    if (!file) return;
    this.dispatchEvent(new AnnotationsImportEvent(await file.text(), file.name));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-annotation-transfer': MgAnnotationTransfer;
  }
}
