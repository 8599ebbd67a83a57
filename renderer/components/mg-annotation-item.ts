import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Annotation } from '../../main/api';
import { annotationQuote } from '../annotations/annotation-order';
import { colorLabel } from '../annotations/highlight-colors';
import {
  AnnotationEditEvent,
  AnnotationRevealEvent,
  AnnotationTagFilterEvent,
  OpenAnnotationEvent,
} from '../events';
import './mg-markdown';

/** Where an item is drawn: beside the open document, or in the notebook of every document. */
export type AnnotationItemVariant = 'panel' | 'notebook';

const ORPHAN_LABEL = 'Couldn’t find this passage in the current edition.';

/**
 * One highlight or note in a list: colour bar, quoted passage, note (Markdown), tags and what can be
 * done with it. In the notes panel the quote scrolls the reader to it and Edit opens its editor; in
 * the notebook the quote opens its document there and a tag filters the notebook by that tag.
 *
 * It renders into its own light DOM, not a shadow root, so its words belong to the list item that holds
 * it (its text, find and copy see them) and the list's sheet, `annotationListStyles`, styles it.
 *
 * @fires mg-annotation-reveal - the quote was chosen in the panel (scroll the reader to it)
 * @fires mg-annotation-edit - Edit (or Add note) was chosen in the panel
 * @fires mg-open-annotation - the quote was chosen in the notebook (open its document there)
 * @fires mg-annotation-tag-filter - a tag was chosen in the notebook (show only that tag)
 */
@customElement('mg-annotation-item')
export class MgAnnotationItem extends LitElement {
  /** The highlight or note shown. */
  @property({ attribute: false }) annotation: Annotation | null = null;
  /** The panel's form (reveal and edit) or the notebook's (open the document, filter by tag). */
  @property({ reflect: true }) variant: AnnotationItemVariant = 'panel';

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const annotation = this.annotation;
    if (!annotation) return nothing;
    return html`
      <span
        class="color-bar"
        data-color=${annotation.color ?? 'none'}
        title=${colorLabel(annotation.color)}
      ></span>
      <div class="body">
        ${this.variant === 'notebook' ? this.renderNotebookQuote(annotation) : this.renderPanelQuote(annotation)}
        ${annotation.note.trim() ? html`<mg-markdown compact .source=${annotation.note}></mg-markdown>` : nothing}
        ${this.variant === 'notebook' ? this.renderNotebookMeta(annotation) : this.renderPanelMeta(annotation)}
      </div>
    `;
  }

  private renderPanelQuote(annotation: Annotation) {
    const quote = annotationQuote(annotation);
    if (!quote) return nothing;
    if (annotation.anchorStatus === 'orphaned') {
      return html`<p class="quote">${quote}</p>
        <p class="orphan-label">${ORPHAN_LABEL}</p>`;
    }
    return html`<button
      class="quote quote-button"
      title="Show in the article"
      @click=${() => this.dispatchEvent(new AnnotationRevealEvent(annotation.id))}
    >
      ${quote}
    </button>`;
  }

  private renderPanelMeta(annotation: Annotation) {
    const label = annotation.note.trim() ? 'Edit' : annotationQuote(annotation) ? 'Add note' : 'Edit';
    return html`<div class="meta">
      ${annotation.tags.map((tag) => html`<span class="tag">${tag}</span>`)}
      <button class="link-button" @click=${() => this.edit(annotation)}>${label}</button>
    </div>`;
  }

  private renderNotebookQuote(annotation: Annotation) {
    const quote = annotationQuote(annotation);
    return html`<button
      class="open"
      @click=${() => this.dispatchEvent(new OpenAnnotationEvent(annotation.docId, annotation.id))}
    >
      ${
        quote
          ? html`<span class="quote">${quote}</span>`
          : html`<span class="doc-note muted">Note on the document</span>`
      }
      ${annotation.anchorStatus === 'orphaned' ? html`<span class="orphan-label">${ORPHAN_LABEL}</span>` : nothing}
    </button>`;
  }

  private renderNotebookMeta(annotation: Annotation) {
    if (annotation.tags.length === 0) return nothing;
    return html`<div class="meta">
      ${annotation.tags.map(
        (tag) =>
          html`<button
            class="tag tag-button"
            title="Show only this tag"
            @click=${() => this.dispatchEvent(new AnnotationTagFilterEvent(tag))}
          >
            ${tag}
          </button>`,
      )}
    </div>`;
  }

  private edit(annotation: Annotation) {
    const rect = this.getBoundingClientRect();
    // The editor opens beside the panel, not over the item it edits.
    const anchor = new DOMRect(Math.max(8, rect.left - 400), rect.top, 0, 0);
    this.dispatchEvent(new AnnotationEditEvent(annotation.id, anchor));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-annotation-item': MgAnnotationItem;
  }
}
