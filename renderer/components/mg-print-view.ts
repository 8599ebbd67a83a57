import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Annotation, Block, Citation, Document, InlineRun, PrintNotesLayout } from '../../main/api';
import { colorLabel } from '../annotations/highlight-colors';
import { blockPieces, printPlan, runsLength, sliceRuns, type PrintPlan } from '../annotations/print-plan';
import { printStyles } from '../styles/print-styles';
import { formatAuthorNames, formatDate } from './document-format';
import { printViewStyles } from './mg-print-view.styles';
import './mg-markdown';

/** The underline that tells each colour apart on a greyscale page (the same as in print-styles). */
export const UNDERLINE_OF_COLOR = {
  yellow: 'solid underline',
  green: 'double underline',
  blue: 'dashed underline',
  pink: 'wavy underline',
  purple: 'dotted underline',
} as const;

/**
 * A document laid out for paper with the reader's highlights and notes: the citation on top, the
 * article in print typography with each highlight shaded and underlined in its colour's style, and the
 * notes numbered, either beside their passage (`margin`) or after the article (`endnotes`). Shown only
 * when printing; it holds no buttons, so nothing of the app reaches the page.
 */
@customElement('mg-print-view')
export class MgPrintView extends LitElement {
  static override styles = [printStyles, printViewStyles];

  @property({ attribute: false }) doc: Document | null = null;
  /** The document's annotations (any order). */
  @property({ attribute: false }) annotations: readonly Annotation[] = [];
  /** The reference in the reader's style, or null when it cannot be made. */
  @property({ attribute: false }) citation: Citation | null = null;
  @property({ reflect: true }) layout: PrintNotesLayout = 'endnotes';

  protected override render(): TemplateResult | typeof nothing {
    const doc = this.doc;
    if (!doc) return nothing;
    const plan = printPlan(this.annotations);
    return html`
      <article lang="en">
        <header>
          ${doc.series ? html`<p class="series">${doc.series}</p>` : nothing}
          <h1>${doc.title}</h1>
          <p class="meta">
            ${doc.authors.length > 0 ? html`${formatAuthorNames(doc.authors)}` : nothing}
            ${doc.published ? html` · ${formatDate(doc.published)}` : nothing}
          </p>
          ${this.renderCitation()} ${this.renderLegend(plan)} ${this.renderDocumentNotes(plan)}
        </header>
        ${doc.sections.map(
          (section) =>
            html`<section>
              ${
                section.heading !== null && section.headingStart !== null
                  ? html`<h2>
                      ${this.renderText([{ type: 'text', text: section.heading }], section.headingStart, plan)}
                    </h2>`
                  : nothing
              }
              ${section.blocks.map((block) => this.renderBlock(block, plan))}
            </section>`,
        )}
        ${
          doc.authorBio.length > 0
            ? html`<section class="bio">
                <h2>${doc.authors.length === 1 ? 'About the author' : 'About the authors'}</h2>
                ${doc.authorBio.map((block) => this.renderBlock(block, plan))}
              </section>`
            : nothing
        }
        ${this.layout === 'endnotes' ? this.renderEndnotes(plan) : nothing} ${this.renderOrphans(plan)}
      </article>
    `;
  }

  private renderCitation(): TemplateResult | typeof nothing {
    if (!this.citation) return nothing;
    return html`<p class="cite-as"><span class="label">Cite as</span>${this.citation.reference.text}</p>`;
  }

  /** Which underline is which colour, for the colours this print uses. */
  private renderLegend(plan: PrintPlan): TemplateResult | typeof nothing {
    const used = [...new Set(plan.anchored.map((annotation) => annotation.color))];
    if (used.length === 0) return nothing;
    return html`<p class="legend">
      <span
        >${plan.anchored.length} ${plan.anchored.length === 1 ? 'highlight' : 'highlights'},
        ${plan.numbers.size} ${plan.numbers.size === 1 ? 'note' : 'notes'}:</span
      >
      ${used.map(
        (color) =>
          html`<span
            ><mark data-color=${color ?? nothing}>${colorLabel(color)}</mark>
            ${color ? UNDERLINE_OF_COLOR[color] : ''}</span
          >`,
      )}
    </p>`;
  }

  private renderDocumentNotes(plan: PrintPlan): TemplateResult | typeof nothing {
    if (plan.documentNotes.length === 0) return nothing;
    return html`<section class="document-notes">
      <h3>Notes on the whole document</h3>
      ${plan.documentNotes.map((annotation) => this.renderNoteBody(annotation))}
    </section>`;
  }

  private renderBlock(block: Block, plan: PrintPlan): TemplateResult {
    if (block.type === 'paragraph') return html`<p>${this.renderText(block.runs, block.start, plan)}</p>`;
    return html`<figure>
      <figcaption>
        ▲ ${this.renderText(block.caption, block.start, plan)}
        ${block.credit ? html`<span class="credit">${block.credit}</span>` : nothing}
      </figcaption>
    </figure>`;
  }

  /** A block's runs with its highlights marked and its note markers (and margin notes) in place. */
  private renderText(runs: readonly InlineRun[], start: number, plan: PrintPlan): TemplateResult[] {
    return blockPieces(start, runsLength(runs), plan).map((piece) => {
      const text = sliceRuns(runs, piece.from, piece.to).map(renderRun);
      const marked = piece.highlight
        ? html`<mark data-color=${piece.highlight.color ?? nothing}>${text}</mark>`
        : html`${text}`;
      return html`${marked}${piece.notesEnding.map((annotation) => this.renderMarker(annotation, plan))}`;
    });
  }

  private renderMarker(annotation: Annotation, plan: PrintPlan): TemplateResult {
    const number = plan.numbers.get(annotation.id);
    if (this.layout === 'margin') {
      return html`<sup class="note-ref">${number}</sup
        ><span class="sidenote"
          ><span class="sidenote-number">${number}</span>
          <mg-markdown compact .source=${annotation.note}></mg-markdown>${this.renderTags(annotation)}</span
        >`;
    }
    return html`<sup class="note-ref"><a href="#note-${number}" id="ref-${number}">${number}</a></sup>`;
  }

  private renderEndnotes(plan: PrintPlan): TemplateResult | typeof nothing {
    const noted = plan.anchored.filter((annotation) => plan.numbers.has(annotation.id));
    if (noted.length === 0) return nothing;
    return html`<section class="endnotes">
      <h2>Notes</h2>
      <ol>
        ${noted.map(
          (annotation) =>
            html`<li id="note-${plan.numbers.get(annotation.id)}" value=${plan.numbers.get(annotation.id)!}>
              ${this.renderNoteBody(annotation)}
            </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderOrphans(plan: PrintPlan): TemplateResult | typeof nothing {
    if (plan.orphans.length === 0) return nothing;
    return html`<section class="orphans">
      <h2>Highlights not found in this edition</h2>
      ${plan.orphans.map((annotation) => this.renderNoteBody(annotation))}
    </section>`;
  }

  /** A note with its quote (when it has one) and tags, for endnotes and the lists around the article. */
  private renderNoteBody(annotation: Annotation): TemplateResult {
    const quote = annotation.selectors[0]?.exact;
    return html`<div class="note">
      ${
        quote !== undefined
          ? html`<blockquote><mark data-color=${annotation.color ?? nothing}>${quote}</mark></blockquote>`
          : nothing
      }
      ${annotation.note.trim() ? html`<mg-markdown compact .source=${annotation.note}></mg-markdown>` : nothing}
      ${this.renderTags(annotation)}
    </div>`;
  }

  private renderTags(annotation: Annotation): TemplateResult | typeof nothing {
    if (annotation.tags.length === 0) return nothing;
    return html`<span class="tags">${annotation.tags.map((tag) => `#${tag}`).join(' ')}</span>`;
  }
}

/** Runs as print text: links keep their words (a printed link cannot be followed). */
function renderRun(run: InlineRun): TemplateResult {
  switch (run.type) {
    case 'emphasis':
      return html`<em>${run.text}</em>`;
    case 'strong':
      return html`<strong>${run.text}</strong>`;
    default:
      return html`${run.text}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-print-view': MgPrintView;
  }
}
