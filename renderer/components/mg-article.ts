import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Block, Document } from '../../main/api';
import { DEFAULT_PREFERENCES } from '../../main/shared/preference-defaults';
import { ArticleAnnotationsController } from '../controllers/article-annotations-controller';
import { highlightStyles } from '../styles/highlight-styles';
import { sharedStyles } from '../styles/shared-styles';
import { articleStyles } from './mg-article.styles';
import { formatDate, formatReadingTime } from './document-format';
import { openExternally, renderRuns } from './inline-runs';

/**
 * The text of one document: title block, sections, figures, source and author bio.
 *
 * The contract for anything that paints on the text (search marks, find, the reader's highlights): every
 * annotatable unit is one element carrying `data-block-id` and `data-start`, and that element's
 * `textContent` is exactly the unit's canonical text (headings: the heading; paragraphs: the runs;
 * figures: the caption, on the caption element, without the ▲ mark or the credit). So a canonical
 * offset `o` lies in the element whose `data-start` ≤ `o`, at `o - data-start` inside it. All of them
 * live in this element's shadow root, whose styles carry the `::highlight()` rules.
 *
 * @fires mg-open-external - a link in the text or the source was activated
 */
@customElement('mg-article')
export class MgArticle extends LitElement {
  static override styles = [sharedStyles, highlightStyles, articleStyles];

  @property({ attribute: false }) doc: Document | null = null;

  /** Paints the reader's highlights, reports text selections, opens a highlight's editor on click. */
  readonly annotations = new ArticleAnnotationsController(this);
  /** Body text size in CSS px. */
  @property({ type: Number }) fontSize = DEFAULT_PREFERENCES.fontSize;
  /** Measure in characters. */
  @property({ type: Number }) lineWidth = 68;

  /** Every element that holds an annotatable unit, in reading order (headings included). */
  blockElements(): HTMLElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLElement>('[data-block-id]') ?? [])];
  }

  blockElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(id)}"]`);
  }

  /** What a reader lands on for a block: the block itself, or the whole figure for a caption. */
  landingElement(id: string): HTMLElement | null {
    const block = this.blockElement(id);
    return block?.closest('figure') ?? block;
  }

  /** The regions the table of contents follows: 'top' (title and untitled opening), each section, 'bio'. */
  regions(): Array<{ id: string; element: HTMLElement }> {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[data-region]')].map((element) => ({
      id: element.dataset.region ?? '',
      element,
    }));
  }

  /** Where a region starts, for jumping to it from the table of contents. */
  regionElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-region="${CSS.escape(id)}"]`);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // CSSOM, not a style attribute: the CSP forbids inline style attributes.
    if (changed.has('fontSize')) this.style.setProperty('--mg-font-size', `${this.fontSize}px`);
    if (changed.has('lineWidth')) this.style.setProperty('--mg-measure', `${this.lineWidth}ch`);
  }

  protected override render(): TemplateResult | typeof nothing {
    const doc = this.doc;
    if (!doc) return nothing;
    return html`
      <article lang="en" aria-labelledby="doc-title">
        <header class="doc-header" data-region="top">
          ${doc.series ? html`<p class="series">${doc.series}</p>` : nothing}
          <h1 id="doc-title" tabindex="-1">${doc.title}</h1>
          ${
            doc.authors.length > 0
              ? html`<p class="byline">
                  By
                  ${doc.authors.map(
                    (author, index) =>
                      html`${index > 0 ? ', ' : ''}<strong>${author.name}</strong>${
                        author.role ? html`<span class="muted">, ${author.role}</span>` : nothing
                      }`,
                  )}
                </p>`
              : nothing
          }
          <p class="dateline">
            ${doc.published ? html`<time datetime=${doc.published}>${formatDate(doc.published)}</time> · ` : nothing}
            ${formatReadingTime(doc.readingMinutes)}
          </p>
        </header>
        ${doc.sections.map(
          (section, index) => html`
            <section
              data-region=${section.heading === null && index === 0 ? 'top' : section.id}
              aria-labelledby=${section.heading === null ? nothing : `heading-${section.id}`}
            >
              ${section.heading === null ? nothing : this.renderHeading(section.id, section.heading, section.headingStart)}
              ${section.blocks.map((block) => this.renderBlock(block))}
            </section>
          `,
        )}
        ${this.renderFooter(doc)}
      </article>
    `;
  }

  // The elements that hold text are kept on one line: no template whitespace may enter their text.
  // prettier-ignore
  private renderHeading(sectionId: string, heading: string, start: number | null): TemplateResult {
    return html`<h2 id="heading-${sectionId}" data-block-id=${sectionId} data-start=${String(start ?? '')} tabindex="-1">${heading}</h2>`;
  }

  // prettier-ignore
  private renderBlock(block: Block): TemplateResult {
    if (block.type === 'paragraph') {
      return html`<p data-block-id=${block.id} data-start=${block.start} tabindex="-1">${renderRuns(block.runs)}</p>`;
    }
    return html`
      <figure>
        <div class="figure-card" aria-hidden="true">
          <svg viewBox="0 0 24 24">
            <rect x="3" y="5" width="18" height="14" rx="2"></rect>
            <circle cx="9" cy="10" r="1.6"></circle>
            <path d="M4 17l5-5 4 4 3-3 4 4"></path>
          </svg>
          <span>Image not included in this edition</span>
        </div>
        <figcaption>
          <span data-block-id=${block.id} data-start=${block.start} tabindex="-1">${renderRuns(block.caption)}</span>
          ${block.credit ? html`<span class="credit"><span class="visually-hidden">Credit: </span>${block.credit}</span>` : nothing}
        </figcaption>
      </figure>
    `;
  }

  private renderFooter(doc: Document): TemplateResult | typeof nothing {
    if (!doc.source && doc.authorBio.length === 0) return nothing;
    const source = doc.source;
    return html`
      <footer class="doc-footer">
        ${
          source
            ? html`<p class="source">
                First published in <cite>${source.venue}</cite>${
                  source.date
                    ? html` on <time datetime=${source.date}>${formatDate(source.date)}</time>`
                    : nothing
                }.
                ${
                  source.url
                    ? html`<a href=${source.url} rel="noopener noreferrer" @click=${openExternally}
                        >Read the original<span class="visually-hidden"> at ${source.venue}</span></a
                      >`
                    : nothing
                }
              </p>`
            : nothing
        }
        ${
          doc.authorBio.length > 0
            ? html`<section class="bio" data-region="bio" aria-labelledby="bio-heading">
                <h2 id="bio-heading">About the author${doc.authors.length === 1 ? '' : 's'}</h2>
                ${doc.authorBio.map((block) => this.renderBlock(block))}
              </section>`
            : nothing
        }
      </footer>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-article': MgArticle;
  }
}
