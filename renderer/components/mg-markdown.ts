import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { parseMarkdown, type MdBlock, type MdInline } from '../annotations/markdown-parse';
import { OpenExternalEvent } from '../events';

/**
 * Shows a note's Markdown (CommonMark) as formatted text. The note is parsed into plain data and every piece
 * becomes a Lit template, so nothing in a note is ever read as HTML. Links (https only) go through
 * the app's external-link flow, which asks before opening a browser.
 *
 * @fires mg-open-external - a link in the note was activated
 */
@customElement('mg-markdown')
export class MgMarkdown extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow-wrap: anywhere;
    }
    :host([compact]) p,
    :host([compact]) ul,
    :host([compact]) ol,
    :host([compact]) blockquote,
    :host([compact]) pre {
      margin-block: 0.3em;
    }
    p,
    ul,
    ol,
    blockquote,
    pre {
      margin-block: 0.55em;
    }
    :first-child {
      margin-block-start: 0;
    }
    :last-child {
      margin-block-end: 0;
    }
    ul,
    ol {
      padding-inline-start: 1.4em;
    }
    blockquote {
      margin-inline: 0;
      padding-inline-start: 0.8em;
      border-inline-start: 3px solid var(--mg-border-strong);
      color: var(--mg-text-soft);
    }
    code,
    pre {
      font-family: ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace;
      font-size: 0.88em;
      background: var(--mg-figure);
      border-radius: 4px;
    }
    code {
      padding: 0.05em 0.3em;
    }
    pre {
      padding: 0.6em 0.8em;
      overflow-x: auto;
      white-space: pre-wrap;
    }
    .heading {
      font-weight: 650;
    }
    hr {
      margin-block: 0.55em;
      border: none;
      border-block-start: 1px solid var(--mg-border-strong);
    }
    a {
      color: var(--mg-accent);
      text-underline-offset: 0.15em;
    }
    a:focus-visible {
      outline: 2px solid var(--mg-focus);
      outline-offset: 1px;
      border-radius: 2px;
    }
  `;

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
