import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Annotation } from '../../main/api';
import type { NotebookPrintGroup } from '../annotations/print-plan';
import { printStyles } from '../styles/print-styles';
import { notebookPrintStyles } from './mg-notebook-print.styles';
import './mg-markdown';

/**
 * The notebook on paper: every note shown in the notebook (all of them, or what its filters leave),
 * grouped by document, each document with its reference and each quote with its citation.
 */
@customElement('mg-notebook-print')
export class MgNotebookPrint extends LitElement {
  static override styles = [printStyles, notebookPrintStyles];

  @property({ attribute: false }) groups: readonly NotebookPrintGroup[] = [];
  /** What the notebook showed, in words ("12 of 40 notes, tag: cpec"). */
  @property() summary = '';
  /** The date the print was made, as a reader writes it. */
  @property() printed = '';

  protected override render(): TemplateResult {
    return html`
      <h1>Notebook</h1>
      <p class="meta">${this.summary}${this.printed ? html` · printed ${this.printed}` : nothing}</p>
      ${this.groups.map(
        (group) =>
          html`<section class="group">
            <h2>${group.title}</h2>
            ${group.reference ? html`<p class="cite-as"><span class="label">Cite as</span>${group.reference}</p>` : nothing}
            ${group.items.map(({ annotation, citation }) => this.renderItem(annotation, citation))}
          </section>`,
      )}
    `;
  }

  private renderItem(annotation: Annotation, citation: string): TemplateResult {
    const quote = annotation.selectors[0]?.exact;
    return html`<div class="item">
      ${
        quote !== undefined
          ? html`<blockquote><mark data-color=${annotation.color ?? nothing}>${quote}</mark></blockquote>`
          : html`<p class="where">Note on the whole document</p>`
      }
      ${citation ? html`<p class="where">${citation}</p>` : nothing}
      ${annotation.note.trim() ? html`<mg-markdown compact .source=${annotation.note}></mg-markdown>` : nothing}
      ${annotation.tags.length > 0 ? html`<span class="tags">${annotation.tags.map((tag) => `#${tag}`).join(' ')}</span>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-notebook-print': MgNotebookPrint;
  }
}
