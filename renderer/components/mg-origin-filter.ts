import { LitElement, html } from 'lit';
import { customElement, property, queryAll } from 'lit/decorators.js';
import { OriginFilterEvent, type OriginFilter } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { originFilterStyles } from './mg-origin-filter.styles';

const CHOICES: ReadonlyArray<{ value: OriginFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'publisher', label: 'From the publisher' },
  { value: 'yours', label: 'Yours' },
];

/**
 * "All / From the publisher / Yours": a segmented radio group. One stop in the tab order (the chosen
 * one); the arrow keys, Home and End move the choice, as in any radio group.
 *
 * @fires mg-origin-filter - another choice was made
 */
@customElement('mg-origin-filter')
export class MgOriginFilter extends LitElement {
  static override styles = [sharedStyles, originFilterStyles];

  @property() value: OriginFilter = 'all';

  @queryAll('[role="radio"]') private radios!: NodeListOf<HTMLButtonElement>;

  override render() {
    return html`<div
      class="segmented"
      role="radiogroup"
      aria-label="Show documents"
      @keydown=${this.onKeyDown}
    >
      ${CHOICES.map(
        (choice) =>
          html`<button
            class="button"
            role="radio"
            aria-checked=${String(this.value === choice.value)}
            tabindex=${this.value === choice.value ? 0 : -1}
            @click=${() => this.choose(choice.value)}
          >
            ${choice.label}
          </button>`,
      )}
    </div>`;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const index = CHOICES.findIndex((choice) => choice.value === this.value);
    const last = CHOICES.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (index + 1) % CHOICES.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (index + last) % CHOICES.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    this.choose(CHOICES[next].value);
    void this.updateComplete.then(() => this.radios[next]?.focus());
  }

  private choose(value: OriginFilter): void {
    if (value === this.value) return;
    this.value = value;
    this.dispatchEvent(new OriginFilterEvent(value));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-origin-filter': MgOriginFilter;
  }
}
