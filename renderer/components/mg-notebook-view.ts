import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Annotation, DocumentSummary, HighlightColor, ImportReport } from '../../main/api';
import { allTags, filterNotebook, notebookOrder } from '../annotations/annotation-order';
import { HIGHLIGHT_COLORS, colorLabel } from '../annotations/highlight-colors';
import { AnnotationTagFilterEvent, OpenDocumentEvent, PrintEvent } from '../events';
import type { PrintMode } from '../../main/api';
import { sharedStyles } from '../styles/shared-styles';
import { swatchStyles } from '../styles/highlight-styles';
import { annotationListStyles } from '../styles/annotation-list-styles';
import { notebookViewStyles } from './mg-notebook-view.styles';
import './mg-annotation-item';
import './mg-annotation-transfer';

/**
 * The notebook: every highlight and note of every document, grouped by document and filterable by
 * colour, tag and words. Choosing one opens its document at that passage.
 *
 * @fires mg-open-annotation - a note was chosen (from its mg-annotation-item)
 * @fires mg-open-document - a document's title was chosen
 * @fires mg-annotations-export - export everything (from its mg-annotation-transfer)
 * @fires mg-annotations-import - a file was picked to import (from its mg-annotation-transfer)
 * @fires mg-print - print or save as PDF the notes shown
 */
@customElement('mg-notebook-view')
export class MgNotebookView extends LitElement {
  static override styles = [sharedStyles, swatchStyles, annotationListStyles, notebookViewStyles];

  /** Every annotation of every document. */
  @property({ attribute: false }) annotations: readonly Annotation[] = [];
  /** The library, for document titles. */
  @property({ attribute: false }) documents: readonly DocumentSummary[] = [];
  /** What the last import did. */
  @property({ attribute: false }) importReport: ImportReport | null = null;

  @state() private color: HighlightColor | null = null;
  @state() private tag: string | null = null;
  @state() private text = '';

  /** A document's title, marked when it was removed from the library (its notes are kept). */
  private titleOf = (docId: string) => {
    const doc = this.documents.find((candidate) => candidate.id === docId);
    if (!doc) return docId;
    return doc.removed ? `${doc.title} (removed)` : doc.title;
  };

  private isRemoved = (docId: string) => this.documents.some((doc) => doc.id === docId && doc.removed);

  override render() {
    const shown = notebookOrder(
      filterNotebook(this.annotations, { color: this.color, tag: this.tag, text: this.text }, this.titleOf),
      this.titleOf,
    );
    const tags = allTags(this.annotations);
    return html`
      <div class="title-row">
        <h1 tabindex="-1">Notebook</h1>
        <div class="print-actions">
          <button class="button" ?disabled=${shown.length === 0} @click=${() => this.print(shown, 'dialog')}>
            Print…
          </button>
          <button class="button" ?disabled=${shown.length === 0} @click=${() => this.print(shown, 'pdf')}>
            Save as PDF…
          </button>
        </div>
        <mg-annotation-transfer .docId=${null}></mg-annotation-transfer>
      </div>
      <div class="filters" role="search" aria-label="Filter notes">
        <input
          type="search"
          aria-label="Filter by words"
          placeholder="Filter by words…"
          .value=${this.text}
          @input=${(event: InputEvent) => (this.text = (event.target as HTMLInputElement).value)}
        />
        <div class="colors" role="radiogroup" aria-label="Colour">
          <button
            class="all"
            role="radio"
            aria-checked=${this.color === null}
            @click=${() => (this.color = null)}
          >
            All colours
          </button>
          ${HIGHLIGHT_COLORS.map(
            (color) =>
              html`<button
                class="swatch"
                role="radio"
                data-color=${color}
                aria-checked=${this.color === color}
                aria-label=${colorLabel(color)}
                title=${colorLabel(color)}
                @click=${() => (this.color = this.color === color ? null : color)}
              ></button>`,
          )}
        </div>
        <select
          aria-label="Tag"
          @change=${(event: Event) => (this.tag = (event.target as HTMLSelectElement).value || null)}
        >
          <option value="" ?selected=${this.tag === null}>All tags</option>
          ${tags.map((tag) => html`<option value=${tag} ?selected=${this.tag === tag}>${tag}</option>`)}
        </select>
      </div>
      ${
        this.importReport
          ? html`<p class="report" role="status">
              Imported: ${this.importReport.added} added, ${this.importReport.updated} updated,
              ${this.importReport.skipped}
              unchanged${
                this.importReport.problems.length
                  ? html`; ${this.importReport.problems.length} could not be read
                    (${this.importReport.problems[0]})`
                  : nothing
              }.
            </p>`
          : nothing
      }
      ${this.renderList(shown)}
    `;
  }

  private renderList(shown: Annotation[]) {
    if (this.annotations.length === 0) {
      return html`<p class="empty muted">
        No notes yet. Select text in any document to highlight it, or write a note in its notes panel.
      </p>`;
    }
    if (shown.length === 0) return html`<p class="empty muted">No notes match these filters.</p>`;
    const groups: { docId: string; items: Annotation[] }[] = [];
    for (const annotation of shown) {
      const last = groups[groups.length - 1];
      if (last?.docId === annotation.docId) last.items.push(annotation);
      else groups.push({ docId: annotation.docId, items: [annotation] });
    }
    return html`
      <p class="summary muted" aria-live="polite">
        ${shown.length} of ${this.annotations.length} ${this.annotations.length === 1 ? 'note' : 'notes'}
      </p>
      ${groups.map(
        (group) => html`
          <h2>
            ${
              this.isRemoved(group.docId)
                ? // Nothing to open: the document is out of the library until it is restored or imported again.
                  html`<span class="doc-removed">${this.titleOf(group.docId)}</span>`
                : html`<button
                    class="doc-link"
                    title="Open the document"
                    @click=${() => this.dispatchEvent(new OpenDocumentEvent(group.docId))}
                  >
                    ${this.titleOf(group.docId)}
                  </button>`
            }
          </h2>
          <ul class="items" @mg-annotation-tag-filter=${this.filterByTag}>
            ${group.items.map((annotation) => this.renderItem(annotation))}
          </ul>
        `,
      )}
    `;
  }

  private renderItem(annotation: Annotation) {
    return html`<li data-annotation-id=${annotation.id}>
      <mg-annotation-item variant="notebook" .annotation=${annotation}></mg-annotation-item>
    </li>`;
  }

  /** Prints the notes as the notebook shows them now, saying which filters chose them. */
  private print(shown: Annotation[], mode: PrintMode) {
    const filters = [
      this.color ? `colour: ${colorLabel(this.color)}` : '',
      this.tag ? `tag: ${this.tag}` : '',
      this.text.trim() ? `words: “${this.text.trim()}”` : '',
    ].filter(Boolean);
    const count = `${shown.length} of ${this.annotations.length} ${this.annotations.length === 1 ? 'note' : 'notes'}`;
    const summary = filters.length > 0 ? `${count} (${filters.join(', ')})` : count;
    this.dispatchEvent(new PrintEvent({ kind: 'notebook', annotations: shown, summary }, mode));
  }

  /** A tag chosen on an item: the filter is this view's own state, so the event stops here. */
  private filterByTag(event: AnnotationTagFilterEvent) {
    event.stopPropagation();
    this.tag = event.tag;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-notebook-view': MgNotebookView;
  }
}
