import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReadAloudStatus } from '../controllers/read-aloud-controller';
import { PreferencesChangeEvent, ReadAloudCommandEvent, type ReadAloudCommand } from '../events';
import { READ_ALOUD_RATES } from '../reading/read-aloud-plan';
import { sharedStyles } from '../styles/shared-styles';
import { readAloudBarStyles } from './mg-read-aloud-bar.styles';

/**
 * The read-aloud controls above the article: Read aloud, then Pause/Resume, previous and next
 * sentence, Stop, speed and voice. A problem (no voices) shows as a message under them.
 *
 * @fires mg-read-aloud-command - a control was used
 * @fires mg-preferences-change - the speed or voice was changed (remembered)
 */
@customElement('mg-read-aloud-bar')
export class MgReadAloudBar extends LitElement {
  static override styles = [sharedStyles, readAloudBarStyles];

  @property() status: ReadAloudStatus = 'idle';
  @property() message = '';
  @property({ type: Number }) rate = 1;
  @property() voice = '';
  @property({ attribute: false }) voices: string[] = [];

  protected override render(): TemplateResult {
    const active = this.status !== 'idle';
    return html`
      <div role="toolbar" aria-label="Read aloud">
        ${
          active
            ? html`${
                this.status === 'speaking' ? this.button('pause', 'Pause') : this.button('resume', 'Resume')
              }
              ${this.button('previous', 'Previous sentence')} ${this.button('skip', 'Next sentence')}
              ${this.button('stop', 'Stop')}`
            : this.button('start', 'Read aloud')
        }
        <label
          >Speed
          <select @change=${this.onRate}>
            ${READ_ALOUD_RATES.map(
              (rate) => html`<option value=${rate} ?selected=${rate === this.rate}>${rate}×</option>`,
            )}
          </select></label
        >
        ${
          this.voices.length > 0
            ? html`<label
                >Voice
                <select @change=${this.onVoice}>
                  <option value="" ?selected=${this.voice === ''}>System default</option>
                  ${this.voices.map(
                    (name) => html`<option value=${name} ?selected=${name === this.voice}>${name}</option>`,
                  )}
                </select></label
              >`
            : nothing
        }
      </div>
      ${this.message ? html`<p class="message">${this.message}</p>` : nothing}
    `;
  }

  private button(command: ReadAloudCommand, label: string): TemplateResult {
    return html`<button class="button" @click=${() => this.dispatchEvent(new ReadAloudCommandEvent(command))}>
      ${label}
    </button>`;
  }

  private onRate(event: Event): void {
    const rate = Number((event.target as HTMLSelectElement).value);
    this.dispatchEvent(new PreferencesChangeEvent({ readAloudRate: rate }));
  }

  private onVoice(event: Event): void {
    this.dispatchEvent(
      new PreferencesChangeEvent({ readAloudVoice: (event.target as HTMLSelectElement).value }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-read-aloud-bar': MgReadAloudBar;
  }
}
