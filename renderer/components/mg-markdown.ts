import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { parseMarkdown, type MdBlock, type MdInline } from '../annotations/markdown-parse';
import { OpenExternalEvent } from '../events';
import { markdownStyles } from './mg-markdown.styles';

/**
 * Shows a note's Markdown (CommonMark) as formatted text. The note is parsed into plain data and every piece
 * becomes a Lit template, so nothing in a note is ever read as HTML. Links (https only) go through
 * the app's external-link flow, which asks before opening a browser.
 *
 * @fires mg-open-external - a link in the note was activated
 */
@customElement('mg-markdown')
export class MgMarkdown extends LitElement {
  static override styles = markdownStyles;

  /** The note's Markdown text. */
  @property() source = '';

  /** Tighter spacing, for lists of notes. */
  @property({ type: Boolean, reflect: true }) compact = false;

  override render() {
    if (this.source.trim() === '') return nothing;
    return parseMarkdown(this.source).map((block) => this.block(block));
  }

  private block(block: MdBlock): TemplateResult {
    switch (block.kind) {
      case 'paragraph':
        return html`<p>${this.inlines(block.inlines)}</p>`;
      case 'heading':
        // A note's headings are not the page's headings: shown bold, outside the document outline.
        return html`<p class="heading">${this.inlines(block.inlines)}</p>`;
      case 'code':
        return html`<pre><code>${block.text}</code></pre>`;
      case 'rule':
        return html`<hr />`;
      case 'blockquote':
        return html`<blockquote>${block.blocks.map((inner) => this.block(inner))}</blockquote>`;
      case 'list': {
        const items = block.items.map((item) => html`<li>${this.listItem(item)}</li>`);
        return block.ordered
          ? html`<ol start=${block.start === 1 ? nothing : block.start}>
              ${items}
            </ol>`
          : html`<ul>
              ${items}
            </ul>`;
      }
    }
  }

  /** A one-paragraph list item is shown without its paragraph margins. */
  private listItem(blocks: MdBlock[]) {
    if (blocks.length === 1 && blocks[0].kind === 'paragraph') return this.inlines(blocks[0].inlines);
    return blocks.map((inner) => this.block(inner));
  }

  private inlines(inlines: MdInline[]): TemplateResult[] {
    return inlines.map((inline) => {
      switch (inline.kind) {
        case 'text':
          return html`${inline.text}`;
        case 'break':
          return html`<br />`;
        case 'code':
          return html`<code>${inline.text}</code>`;
        case 'em':
          return html`<em>${this.inlines(inline.children)}</em>`;
        case 'strong':
          return html`<strong>${this.inlines(inline.children)}</strong>`;
        case 'link':
          return html`<a
            href=${inline.href}
            title=${inline.href}
            rel="noopener noreferrer"
            @click=${this.openLink}
            >${this.inlines(inline.children)}</a
          >`;
      }
    });
  }

  private openLink(event: MouseEvent) {
    event.preventDefault();
    const href = (event.currentTarget as HTMLAnchorElement).getAttribute('href');
    if (href) this.dispatchEvent(new OpenExternalEvent(href));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-markdown': MgMarkdown;
  }
}
