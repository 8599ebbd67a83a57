import { consume } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { Preferences, ThemeChoice } from '../../main/api';
import { DEFAULT_PREFERENCES } from '../../main/shared/preference-defaults';
import { preferencesContext } from '../contexts';
import { PreferencesChangeEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';

const THEMES: Array<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'sepia', label: 'Sepia' },
  { value: 'dark', label: 'Dark' },
];

const FONT_SIZE = { min: 14, max: 28, step: 1 };
const LINE_WIDTH = { min: 50, max: 90, step: 2 };

/**
 * The "Aa" button and its panel: theme, text size and line width. Escape or a click elsewhere closes it.
 *
 * @fires mg-preferences-change - a setting was changed
 */
@customElement('mg-reading-settings')
export class MgReadingSettings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        position: relative;
        display: inline-block;
      }

      .toggle {
        font-family: var(--mg-reading-font);
        font-size: 1rem;
        width: auto;
        padding: 0 0.6rem;
      }

      .panel {
        position: absolute;
        right: 0;
        top: calc(100% + 0.5rem);
        z-index: 20;
        width: 18rem;
        padding: 1rem;
        border: 1px solid var(--mg-border);
        border-radius: 12px;
        background: var(--mg-surface-raised);
        box-shadow: var(--mg-shadow);
        font-size: 0.875rem;
      }

      fieldset {
        margin: 0 0 1rem;
        padding: 0;
        border: 0;
      }

      legend,
      .label {
        display: block;
        margin-bottom: 0.45rem;
        font-size: 0.72rem;
        font-weight: 700;
        letter-spacing: 0.08em;
        text-transform: uppercase;
        color: var(--mg-muted);
      }

      .themes {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        gap: 0.35rem;
      }

      .theme {
        position: relative;
        display: grid;
        justify-items: center;
        gap: 0.3rem;
        padding: 0.45rem 0.2rem;
        border: 1px solid var(--mg-border);
        border-radius: var(--mg-radius);
        cursor: pointer;
        font-size: 0.78rem;
      }

      .theme:has(input:checked) {
        border-color: var(--mg-accent);
        background: var(--mg-accent-soft);
      }

      .theme:has(input:focus-visible) {
        outline: 2px solid var(--mg-focus);
        outline-offset: 2px;
      }

      /* The real radio covers its whole tile, invisible: clicks and keys go straight to it. */
      .theme input {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        margin: 0;
        opacity: 0;
        cursor: pointer;
      }

      .swatch {
        width: 1.5rem;
        height: 1.5rem;
        border-radius: 50%;
        border: 1px solid var(--mg-border-strong);
      }

      .swatch.system {
        background: linear-gradient(135deg, #fbfaf7 50%, #15171b 50%);
      }
      .swatch.light {
        background: #fbfaf7;
      }
      .swatch.sepia {
        background: #f5edda;
      }
      .swatch.dark {
        background: #15171b;
      }

      .stepper {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        margin-bottom: 1rem;
      }

      .stepper output {
        font-variant-numeric: tabular-nums;
        color: var(--mg-text-soft);
      }

      .small {
        font-size: 0.8rem;
      }

      .large {
        font-size: 1.15rem;
      }

      .range {
        display: grid;
        grid-template-columns: 1fr auto;
        align-items: center;
        gap: 0.5rem;
      }

      input[type='range'] {
        width: 100%;
        accent-color: var(--mg-accent);
      }
    `,
  ];

  @consume({ context: preferencesContext, subscribe: true })
  @state()
  private preferences: Preferences = DEFAULT_PREFERENCES;

  @state() private open = false;
  @query('.toggle') private toggleButton!: HTMLButtonElement;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onOutsidePointer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutsidePointer);
  }

  protected override render(): TemplateResult {
    return html`
      <button
        class="icon-button toggle"
        aria-label="Reading settings"
        title="Reading settings"
        aria-expanded=${String(this.open)}
        aria-controls="settings-panel"
        @click=${() => (this.open = !this.open)}
      >
        Aa
      </button>
      ${this.open ? this.renderPanel() : nothing}
    `;
  }

  private renderPanel(): TemplateResult {
    const { theme, fontSize, lineWidth } = this.preferences;
    return html`
      <div
        id="settings-panel"
        class="panel"
        role="group"
        aria-label="Reading settings"
        @keydown=${this.onPanelKey}
      >
        <fieldset>
          <legend>Theme</legend>
          <div class="themes">
            ${THEMES.map(
              (choice) => html`
                <label class="theme">
                  <input
                    type="radio"
                    name="theme"
                    .value=${choice.value}
                    .checked=${theme === choice.value}
                    @change=${() => this.change({ theme: choice.value })}
                  />
                  <span class="swatch ${choice.value}" aria-hidden="true"></span>
                  ${choice.label}
                </label>
              `,
            )}
          </div>
        </fieldset>
        <span class="label" id="size-label">Text size</span>
        <div class="stepper" role="group" aria-labelledby="size-label">
          <button
            class="button small"
            aria-label="Smaller text"
            ?disabled=${fontSize <= FONT_SIZE.min}
            @click=${() => this.change({ fontSize: Math.max(FONT_SIZE.min, fontSize - FONT_SIZE.step) })}
          >
            A−
          </button>
          <output aria-live="polite">${fontSize} px</output>
          <button
            class="button large"
            aria-label="Larger text"
            ?disabled=${fontSize >= FONT_SIZE.max}
            @click=${() => this.change({ fontSize: Math.min(FONT_SIZE.max, fontSize + FONT_SIZE.step) })}
          >
            A+
          </button>
        </div>
        <label class="label" for="line-width">Line width</label>
        <div class="range">
          <input
            id="line-width"
            type="range"
            min=${LINE_WIDTH.min}
            max=${LINE_WIDTH.max}
            step=${LINE_WIDTH.step}
            .value=${String(lineWidth)}
            aria-valuetext="${lineWidth} characters"
            @change=${(event: Event) => this.change({ lineWidth: Number((event.target as HTMLInputElement).value) })}
          />
          <output class="muted">${lineWidth} ch</output>
        </div>
      </div>
    `;
  }

  private change(patch: Partial<Preferences>): void {
    this.dispatchEvent(new PreferencesChangeEvent(patch));
  }

  private onPanelKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.open = false;
    this.toggleButton.focus();
  }

  private readonly onOutsidePointer = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-reading-settings': MgReadingSettings;
  }
}
