import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { FindCloseEvent, FindQueryEvent, FindStepEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { findBarStyles } from './mg-find-bar.styles';

/**
 * Find in the open document: a query box, "3 of 12", previous/next and close. Enter moves to the next
 * match, Shift+Enter to the previous one, Escape closes.
 *
 * @fires mg-find-query - the query changed
 * @fires mg-find-step - next (1) or previous (-1)
 * @fires mg-find-close - the bar should close
 */
@customElement('mg-find-bar')
export class MgFindBar extends LitElement {
  static override styles = [sharedStyles, findBarStyles];

  @property() query = '';
  /** Number of matches for the query. */
  @property({ type: Number }) count = 0;
  /** Index of the current match, -1 when there is none. */
  @property({ type: Number }) current = -1;

  @query('input') private input!: HTMLInputElement;

  /** Puts the caret in the query box with the query selected, ready to type over. */
  override focus(): void {
    this.updateComplete.then(() => {
      this.input.focus();
      this.input.select();
    });
  }

  protected override render(): TemplateResult {
    const hasQuery = this.query.trim().length > 0;
    const status = !hasQuery ? '' : this.count === 0 ? 'No matches' : `${this.current + 1} of ${this.count}`;
    return html`
      <div class="bar" role="search" aria-label="Find in document">
        <input
          type="search"
          aria-label="Find in document"
          placeholder="Find in document"
          autocomplete="off"
          spellcheck="false"
          .value=${this.query}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
        />
        <span class="count ${hasQuery && this.count === 0 ? 'none' : ''}" role="status" aria-live="polite"
          >${status}</span
        >
        <button
          class="icon-button"
          aria-label="Previous match"
          title="Previous match (Shift+Enter)"
          ?disabled=${this.count === 0}
          @click=${() => this.dispatchEvent(new FindStepEvent(-1))}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 15l6-6 6 6"></path></svg>
        </button>
        <button
          class="icon-button"
          aria-label="Next match"
          title="Next match (Enter)"
          ?disabled=${this.count === 0}
          @click=${() => this.dispatchEvent(new FindStepEvent(1))}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 9l6 6 6-6"></path></svg>
        </button>
        <button
          class="icon-button"
          aria-label="Close find"
          title="Close (Escape)"
          @click=${() => this.dispatchEvent(new FindCloseEvent())}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"></path></svg>
        </button>
      </div>
    `;
  }

  private onInput(event: InputEvent): void {
    this.dispatchEvent(new FindQueryEvent((event.target as HTMLInputElement).value));
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.dispatchEvent(new FindStepEvent(event.shiftKey ? -1 : 1));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.dispatchEvent(new FindCloseEvent());
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-find-bar': MgFindBar;
  }
}
