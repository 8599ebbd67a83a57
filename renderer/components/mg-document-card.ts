import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DocumentSummary } from '../../main/api';
import { DocumentRemoveEvent, OpenDocumentEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { documentCardStyles } from './mg-document-card.styles';
import { formatAuthorNames, formatDate, formatDocumentKind, formatReadingTime } from './document-format';

/**
 * One document of the library: its title (the link that opens it), metadata, tags and a mark when it
 * has notes. A document of the reader's own also says what kind of file it came from and can be removed.
 *
 * @fires mg-open-document - the title was chosen
 * @fires mg-document-remove - Remove was pressed (the reader's own documents only)
 */
@customElement('mg-document-card')
export class MgDocumentCard extends LitElement {
  static override styles = [sharedStyles, documentCardStyles];

  @property({ attribute: false }) doc!: DocumentSummary;

  /** Puts focus on the title link (after the card before it was removed). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('a')?.focus(options);
  }

  override render() {
    const doc = this.doc;
    const notes = doc.annotationCount;
    return html`<article class="card ${doc.origin === 'yours' ? 'yours' : ''}">
      ${doc.series ? html`<p class="series">${doc.series}</p>` : nothing}
      <h2>
        <a href="#/read/${doc.id}" @click=${this.open}>${doc.title}</a>
      </h2>
      ${doc.authors.length > 0 ? html`<p class="authors">${formatAuthorNames(doc.authors)}</p>` : nothing}
      <div class="facts">
        <p class="meta">
          ${
            doc.origin === 'yours' && doc.kind
              ? html`<span class="kind" title=${doc.fileName ?? ''}>${formatDocumentKind(doc.kind)}</span>`
              : nothing
          }
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
      </div>
      ${
        doc.origin === 'yours'
          ? html`<button
              class="button remove"
              aria-label="Remove ${doc.title}"
              title="Remove from your library (your notes are kept)"
              @click=${() => this.dispatchEvent(new DocumentRemoveEvent(doc.id, doc.title))}
            >
              Remove
            </button>`
          : nothing
      }
    </article>`;
  }

  private open(event: MouseEvent): void {
    event.preventDefault();
    this.dispatchEvent(new OpenDocumentEvent(this.doc.id));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-document-card': MgDocumentCard;
  }
}
