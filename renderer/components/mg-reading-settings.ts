import { consume } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { Preferences, ThemeChoice } from '../../main/api';
import {
  DEFAULT_PREFERENCES,
  FONT_SIZE_RANGE as FONT_SIZE,
  LINE_WIDTH_RANGE as LINE_WIDTH,
} from '../../main/shared/preference-defaults';
import { isCitationStyleId } from '../../main/shared/citation-styles';
import { citationStyleOptions } from './citation-style-options';
import { preferencesContext } from '../contexts';
import { PreferencesChangeEvent, ShowShortcutsEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import './mg-about-sheet';
import './mg-export-template-sheet';
import { readingSettingsStyles } from './mg-reading-settings.styles';
import { PopoverController } from '../controllers/popover-controller';

const THEMES: Array<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'sepia', label: 'Sepia' },
  { value: 'dark', label: 'Dark' },
];

/**
 * The "Aa" button and its panel: theme, text size, line width, citation style, the Keyboard shortcuts
 * sheet and About. Escape or a click elsewhere closes it.
 *
 * @fires mg-preferences-change - a setting was changed
 * @fires mg-show-shortcuts - Keyboard shortcuts was chosen
 */
@customElement('mg-reading-settings')
export class MgReadingSettings extends LitElement {
  static override styles = [sharedStyles, readingSettingsStyles];

  @consume({ context: preferencesContext, subscribe: true })
  @state()
  private preferences: Preferences = DEFAULT_PREFERENCES;

  private readonly panelState = new PopoverController(this, () => this.toggleButton);
  @query('.toggle') private toggleButton!: HTMLButtonElement;

  protected override render(): TemplateResult {
    return html`
      <button
        class="icon-button toggle"
        aria-label="Reading settings"
        title="Reading settings"
        aria-expanded=${String(this.panelState.open)}
        aria-controls="settings-panel"
        @click=${() => (this.panelState.open = !this.panelState.open)}
      >
        Aa
      </button>
      ${this.panelState.open ? this.renderPanel() : nothing}
      <mg-about-sheet></mg-about-sheet>
      <mg-export-template-sheet></mg-export-template-sheet>
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
        @keydown=${this.panelState.onPanelKey}
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
        <button class="button shortcuts" @click=${this.showShortcuts}>Keyboard shortcuts</button>
        ${this.renderCitationStyle()}
      </div>
    `;
  }

  private showShortcuts(): void {
    this.panelState.open = false;
    this.dispatchEvent(new ShowShortcutsEvent());
  }

  /** The style of "Copy with citation", the same choice as the selection menu's picker. */
  private renderCitationStyle(): TemplateResult {
    return html`
      <label class="label" for="citation-style">Citation style</label>
      <select
        id="citation-style"
        class="citation-style"
        @change=${(event: Event) => {
          const style: unknown = (event.target as HTMLSelectElement).value;
          if (isCitationStyleId(style)) this.change({ citationStyle: style });
        }}
      >
        ${citationStyleOptions(this.preferences.citationStyle)}
      </select>
      <label class="label" for="print-notes">Notes in print</label>
      <select
        id="print-notes"
        @change=${(event: Event) => {
          const layout = (event.target as HTMLSelectElement).value;
          if (layout === 'endnotes' || layout === 'margin') this.change({ printNotes: layout });
        }}
      >
        <option value="endnotes" ?selected=${this.preferences.printNotes === 'endnotes'}>
          Numbered, after the text
        </option>
        <option value="margin" ?selected=${this.preferences.printNotes === 'margin'}>
          Beside the text, in the margin
        </option>
      </select>
      <button class="button template" @click=${this.showTemplate}>Markdown export template…</button>
      <button class="button about" @click=${this.showAbout}>About Margin and licences</button>
    `;
  }

  private showTemplate(): void {
    this.panelState.open = false;
    void this.renderRoot.querySelector('mg-export-template-sheet')?.show();
  }

  /** Opens the panel with focus on its first setting (the menu's Settings…, Ctrl/Cmd+,). */
  async openPanel(): Promise<void> {
    this.panelState.open = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#settings-panel input, #settings-panel button')?.focus();
  }

  /** Shows About Margin and its licences (the button here, or the menu's About Margin). */
  showAbout(): void {
    this.panelState.open = false;
    void this.renderRoot.querySelector('mg-about-sheet')?.show();
  }

  private change(patch: Partial<Preferences>): void {
    this.dispatchEvent(new PreferencesChangeEvent(patch));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-reading-settings': MgReadingSettings;
  }
}
