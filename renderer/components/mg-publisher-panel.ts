import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Publisher } from '../../main/api';
import { sharedStyles } from '../styles/shared-styles';

/** The publisher's name, about text and contact lines: kept beside the article, never in it. */
@customElement('mg-publisher-panel')
export class MgPublisherPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: 0.875rem;
        line-height: 1.55;
      }

      .card {
        padding: 1rem 1.1rem;
        border: 1px solid var(--mg-border);
        border-radius: var(--mg-radius);
        background: var(--mg-surface);
      }

      h2 {
        margin: 0 0 0.2rem;
        font-size: 0.72rem;
        font-weight: 700;
        letter-spacing: 0.1em;
        text-transform: uppercase;
        color: var(--mg-muted);
      }

      .name {
        margin: 0;
        font-weight: 600;
      }

      summary {
        margin-top: 0.6rem;
        cursor: pointer;
        color: var(--mg-accent);
        font-weight: 500;
        border-radius: 4px;
      }

      summary:focus-visible {
        outline: 2px solid var(--mg-focus);
        outline-offset: 2px;
      }

      .about {
        max-height: 50vh;
        overflow: auto;
        margin-top: 0.6rem;
        padding-right: 0.25rem;
        color: var(--mg-text-soft);
      }

      .about p {
        margin: 0 0 0.7rem;
      }

      address {
        margin-top: 0.75rem;
        padding-top: 0.75rem;
        border-top: 1px solid var(--mg-border);
        font-style: normal;
        color: var(--mg-muted);
        overflow-wrap: anywhere;
      }

      address span {
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) publisher: Publisher | null = null;

  protected override render(): TemplateResult | typeof nothing {
    const publisher = this.publisher;
    if (!publisher) return nothing;
    const hasDetails = publisher.about.length > 0 || publisher.contact.length > 0;
    return html`
      <section class="card" aria-labelledby="publisher-title">
        <h2 id="publisher-title">Publisher</h2>
        <p class="name">${publisher.name}</p>
        ${
          hasDetails
            ? html`<details>
                <summary>About the publisher</summary>
                <div class="about" tabindex="0" role="region" aria-label="About ${publisher.name}">
                  ${publisher.about.map((paragraph) => html`<p>${paragraph}</p>`)}
                  ${
                    publisher.contact.length > 0
                      ? html`<address>
                          ${publisher.contact.map((line) => html`<span>${line}</span>`)}
                        </address>`
                      : nothing
                  }
                </div>
              </details>`
            : nothing
        }
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-publisher-panel': MgPublisherPanel;
  }
}
