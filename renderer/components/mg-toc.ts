import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TocNavigateEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { tocStyles } from './mg-toc.styles';

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
  static override styles = [sharedStyles, tocStyles];

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
