import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TocNavigateEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';

export interface TocEntry {
  /** A region id of `mg-article` ('top', a section id, 'bio'). */
  id: string;
  label: string;
}

/**
 * The table of contents of the open document; marks the section being read.
 *
 * @fires mg-toc-navigate - an entry was chosen
 */
@customElement('mg-toc')
export class MgToc extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: 0.875rem;
      }

      h2 {
        margin: 0 0 0.75rem;
        padding-left: 0.85rem;
        font-size: 0.72rem;
        font-weight: 700;
        letter-spacing: 0.1em;
        text-transform: uppercase;
        color: var(--mg-muted);
      }

      ol {
        margin: 0;
        padding: 0;
        list-style: none;
        border-left: 1px solid var(--mg-border);
      }

      a {
        display: block;
        margin-left: -1px;
        padding: 0.35rem 0.75rem 0.35rem 0.85rem;
        border-left: 2px solid transparent;
        color: var(--mg-muted);
        text-decoration: none;
        line-height: 1.35;
        transition:
          color var(--mg-duration),
          border-color var(--mg-duration);
      }

      a:hover {
        color: var(--mg-text);
      }

      a[aria-current='location'] {
        border-left-color: var(--mg-accent);
        color: var(--mg-text);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) entries: TocEntry[] = [];
  @property({ attribute: false }) activeId: string | null = null;

  protected override render(): TemplateResult {
    return html`
      <nav aria-labelledby="toc-title">
        <h2 id="toc-title">Contents</h2>
        <ol>
          ${this.entries.map(
            (entry) => html`
              <li>
                <a
                  href="#${entry.id}"
                  aria-current=${entry.id === this.activeId ? 'location' : nothing}
                  @click=${(event: MouseEvent) => this.choose(event, entry.id)}
                  >${entry.label}</a
                >
              </li>
            `,
          )}
        </ol>
      </nav>
    `;
  }

  private choose(event: MouseEvent, id: string): void {
    event.preventDefault();
    this.dispatchEvent(new TocNavigateEvent(id));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-toc': MgToc;
  }
}
