import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Annotation, DocumentSummary, HighlightColor, ImportReport } from '../../main/api';
import { allTags, annotationQuote, filterNotebook, notebookOrder } from '../annotations/annotation-order';
import { HIGHLIGHT_COLORS, colorLabel } from '../annotations/highlight-colors';
import { OpenAnnotationEvent, OpenDocumentEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { swatchStyles } from '../styles/highlight-styles';
import { annotationListStyles } from '../styles/annotation-list-styles';
import './mg-annotation-transfer';
import './mg-markdown';

/**
 * The notebook: every highlight and note of every document, grouped by document and filterable by
 * colour, tag and words. Choosing one opens its document at that passage.
 *
 * @fires mg-open-annotation - a note was chosen
 * @fires mg-open-document - a document's title was chosen
 * @fires mg-annotations-export - export everything (from its mg-annotation-transfer)
 * @fires mg-annotations-import - a file was picked to import (from its mg-annotation-transfer)
 */
@customElement('mg-notebook-view')
export class MgNotebookView extends LitElement {
  static override styles = [
    sharedStyles,
    swatchStyles,
    annotationListStyles,
    css`
      :host {
        display: block;
        max-width: 52rem;
        margin: 0 auto;
        padding: 2rem 1.5rem 4rem;
        color: var(--mg-text);
        font-family: var(--mg-ui-font);
      }
      .title-row {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.75rem;
      }
      h1 {
        margin: 0;
        font-size: 1.6rem;
        font-weight: 700;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem 1rem;
        margin: 1.25rem 0 1.5rem;
        padding: 0.75rem 1rem;
        border: 1px solid var(--mg-border);
        border-radius: var(--mg-radius);
        background: var(--mg-surface);
      }
      input[type='search'],
      select {
        min-height: 2.25rem;
        padding: 0 0.6rem;
        border: 1px solid var(--mg-border);
        border-radius: var(--mg-radius);
        background: var(--mg-bg);
        color: var(--mg-text);
        font: inherit;
        font-size: 0.9rem;
      }
      input[type='search'] {
        flex: 1 1 14rem;
      }
      .colors {
        display: flex;
        align-items: center;
        gap: 0.1rem;
      }
      .all {
        min-height: 1.75rem;
        padding: 0 0.6rem;
        border: 1px solid var(--mg-border);
        border-radius: 999px;
        background: transparent;
        font-size: 0.8rem;
        cursor: pointer;
      }
      .all[aria-checked='true'] {
        border-color: var(--mg-text);
        background: var(--mg-accent-soft);
      }
      .summary {
        margin: 0 0 1rem;
        font-size: 0.85rem;
      }
      h2 {
        margin: 1.75rem 0 0.6rem;
        font-size: 1.05rem;
        font-weight: 650;
        font-family: var(--mg-reading-font);
      }
      .item {
        background: var(--mg-surface);
      }
      .doc-link {
        padding: 0;
        border: 0;
        background: none;
        color: inherit;
        font: inherit;
        text-align: start;
        cursor: pointer;
      }
      .doc-link:hover {
        color: var(--mg-accent);
      }
      .tag-button {
        border: 0;
        font: inherit;
        cursor: pointer;
      }
      .tag-button:hover {
        color: var(--mg-text);
        text-decoration: underline;
      }
      .open {
        display: grid;
        gap: 0.35rem;
        width: 100%;
        padding: 0;
        border: 0;
        background: none;
        color: inherit;
        text-align: start;
        cursor: pointer;
      }
      .open:hover .quote {
        color: var(--mg-accent);
      }
      .doc-note {
        font-size: 0.78rem;
        font-style: italic;
      }
      .empty {
        padding: 2rem 0;
        text-align: center;
        line-height: 1.6;
      }
      .report {
        margin: 0 0 1rem;
        font-size: 0.85rem;
      }
    `,
  ];

  /** Every annotation of every document. */
  @property({ attribute: false }) annotations: readonly Annotation[] = [];
  /** The library, for document titles. */
  @property({ attribute: false }) documents: readonly DocumentSummary[] = [];
  /** What the last import did. */
  @property({ attribute: false }) importReport: ImportReport | null = null;

  @state() private color: HighlightColor | null = null;
  @state() private tag: string | null = null;
  @state() private text = '';

  private titleOf = (docId: string) => this.documents.find((doc) => doc.id === docId)?.title ?? docId;

  override render() {
    const shown = notebookOrder(
      filterNotebook(this.annotations, { color: this.color, tag: this.tag, text: this.text }, this.titleOf),
      this.titleOf,
    );
    const tags = allTags(this.annotations);
    return html`
      <div class="title-row">
        <h1 tabindex="-1">Notebook</h1>
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
            <button
              class="doc-link"
              title="Open the document"
              @click=${() => this.dispatchEvent(new OpenDocumentEvent(group.docId))}
            >
              ${this.titleOf(group.docId)}
            </button>
          </h2>
          <ul class="items">
            ${group.items.map((annotation) => this.renderItem(annotation))}
          </ul>
        `,
      )}
    `;
  }

  private renderItem(annotation: Annotation) {
    const quote = annotationQuote(annotation);
    return html`
      <li class="item" data-annotation-id=${annotation.id}>
        <span
          class="color-bar"
          data-color=${annotation.color ?? 'none'}
          title=${colorLabel(annotation.color)}
        ></span>
        <div class="body">
          <button
            class="open"
            @click=${() => this.dispatchEvent(new OpenAnnotationEvent(annotation.docId, annotation.id))}
          >
            ${quote ? html`<span class="quote">${quote}</span>` : html`<span class="doc-note muted">Note on the document</span>`}
            ${
              annotation.anchorStatus === 'orphaned'
                ? html`<span class="orphan-label">Couldn’t find this passage in the current edition.</span>`
                : nothing
            }
          </button>
          ${annotation.note.trim() ? html`<mg-markdown compact .source=${annotation.note}></mg-markdown>` : nothing}
          ${
            annotation.tags.length
              ? html`<div class="meta">
                  ${annotation.tags.map(
                    (tag) =>
                      html`<button
                        class="tag tag-button"
                        title="Show only this tag"
                        @click=${() => (this.tag = tag)}
                      >
                        ${tag}
                      </button>`,
                  )}
                </div>`
              : nothing
          }
        </div>
      </li>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-notebook-view': MgNotebookView;
  }
}
