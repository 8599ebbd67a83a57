import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Publisher } from '../../main/api';
import { sharedStyles } from '../styles/shared-styles';
import { publisherPanelStyles } from './mg-publisher-panel.styles';

/** The publisher's name, about text and contact lines: kept beside the article, never in it. */
@customElement('mg-publisher-panel')
export class MgPublisherPanel extends LitElement {
  static override styles = [sharedStyles, publisherPanelStyles];

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
