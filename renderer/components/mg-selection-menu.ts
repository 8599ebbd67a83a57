import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CitationStyleId, HighlightColor, Preferences } from '../../main/api';
import { isCitationStyleId } from '../../main/shared/citation-styles';
import { citationStyleOptions } from './citation-style-options';
import { DEFAULT_PREFERENCES } from '../../main/shared/preference-defaults';
import { HIGHLIGHT_COLORS, colorLabel } from '../annotations/highlight-colors';
import { preferencesContext } from '../contexts';
import type { TextSelection } from '../controllers/selection-controller';
import {
  CopyCitationEvent,
  CopyQuoteEvent,
  HighlightCreateEvent,
  PreferencesChangeEvent,
  SearchLibraryEvent,
  SelectionDismissEvent,
} from '../events';
import { selectionQuery } from '../reading/selection-query';
import { sharedStyles } from '../styles/shared-styles';
import { swatchStyles } from '../styles/highlight-styles';
import { selectionMenuStyles } from './mg-selection-menu.styles';

/**
 * The small menu over a text selection: five highlight colours, "Add note", "Copy", "Copy with
 * citation" and "Search" (the library, for the selected words). It floats above the selection without
 * taking focus, so the reader can still adjust the selection; Tab, a right-click on the selection or
 * Shift+F10 moves into it, arrow keys move along it, Escape closes it. It is also the reader's context
 * menu for a selection, in the desktop app and in a browser alike.
 *
 * @fires mg-highlight-create - a colour or "Add note" was chosen
 * @fires mg-copy-quote - "Copy" was chosen
 * @fires mg-copy-citation - "Copy with citation" was chosen (in the remembered style)
 * @fires mg-search-library - "Search" was chosen
 * @fires mg-preferences-change - another citation style was picked (it is remembered)
 * @fires mg-selection-dismiss - Escape, or focus left the menu by keyboard
 */
/** A note on a passage is a highlight too (every passage has a colour): the first colour, unless changed. */
const DEFAULT_NOTE_COLOR: HighlightColor = 'yellow';

@customElement('mg-selection-menu')
export class MgSelectionMenu extends LitElement {
  static override styles = [sharedStyles, swatchStyles, selectionMenuStyles];

  /** The selection the menu acts on; the menu is hidden without one. */
  @property({ attribute: false }) selection: TextSelection | null = null;

  @consume({ context: preferencesContext, subscribe: true })
  @state()
  private preferences: Preferences = DEFAULT_PREFERENCES;

  override render() {
    if (!this.selection) return nothing;
    return html`
      <div
        role="toolbar"
        aria-label="Highlight the selection"
        aria-orientation="horizontal"
        @keydown=${this.onKeyDown}
      >
        ${HIGHLIGHT_COLORS.map(
          (color, index) => html`
            <button
              class="swatch"
              data-color=${color}
              tabindex=${index === 0 ? 0 : -1}
              aria-label=${`Highlight ${colorLabel(color).toLowerCase()}`}
              title=${`Highlight ${colorLabel(color).toLowerCase()}`}
              @click=${() => this.create(color, false)}
            ></button>
          `,
        )}
        <span class="divider" aria-hidden="true"></span>
        <button class="text-button" tabindex="-1" @click=${() => this.create(DEFAULT_NOTE_COLOR, true)}>
          Add note
        </button>
        <button class="text-button" tabindex="-1" @click=${this.copyQuote}>Copy</button>
        <button class="text-button" tabindex="-1" @click=${this.copy}>Copy with citation</button>
        <select
          class="style-picker"
          tabindex="-1"
          aria-label="Citation style"
          title="Citation style"
          @change=${this.pickStyle}
        >
          ${citationStyleOptions(this.preferences.citationStyle)}
        </select>
        <button
          class="text-button"
          tabindex="-1"
          aria-label="Search the library for the selection"
          title="Search the library for the selection"
          @click=${this.searchLibrary}
        >
          Search
        </button>
      </div>
    `;
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has('selection')) this.place();
  }

  /** Moves focus to the first colour (the reader pressed Tab with the menu open). */
  override focus() {
    this.buttons()[0]?.focus();
  }

  /** Puts the menu above the selection, or below it near the top of the window, inside the viewport. */
  private place() {
    const rect = this.selection?.rect;
    if (!rect) return;
    const width = this.offsetWidth || 320;
    const height = this.offsetHeight || 44;
    const margin = 8;
    const header = parseFloat(getComputedStyle(this).getPropertyValue('--mg-header-height')) * 16 || 56;
    let top = rect.top - height - margin;
    if (top < header + margin) top = rect.bottom + margin;
    const left = Math.min(
      Math.max(margin, rect.left + rect.width / 2 - width / 2),
      window.innerWidth - width - margin,
    );
    this.style.top = `${Math.round(top)}px`;
    this.style.left = `${Math.round(left)}px`;
  }

  /** The toolbar's items in order; arrow keys move along them. */
  private buttons(): Array<HTMLButtonElement | HTMLSelectElement> {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('button, select')];
  }

  private onKeyDown(event: KeyboardEvent) {
    // A toolbar's select (the style picker) keeps Up/Down and typing to choose a style; Left/Right,
    // Home, End and Escape still move along the toolbar (WAI-ARIA toolbar pattern).
    const inPicker = event.target instanceof HTMLSelectElement;
    if (inPicker && !['ArrowLeft', 'ArrowRight', 'Home', 'End', 'Escape'].includes(event.key)) return;
    const buttons = this.buttons();
    const current = buttons.indexOf(this.shadowRoot?.activeElement as HTMLButtonElement | HTMLSelectElement);
    let next = -1;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (current + 1) % buttons.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp')
      next = (current - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.dispatchEvent(new SelectionDismissEvent());
      return;
    }
    if (next < 0) return;
    event.preventDefault();
    buttons.forEach((button, index) => (button.tabIndex = index === next ? 0 : -1));
    buttons[next].focus();
  }

  private create(color: HighlightColor | null, withNote: boolean) {
    if (!this.selection) return;
    const { start, end } = this.selection;
    this.dispatchEvent(new HighlightCreateEvent({ start, end }, color, withNote));
  }

  private copy() {
    if (!this.selection) return;
    const { quote, start } = this.selection;
    this.dispatchEvent(new CopyCitationEvent(quote, start, this.preferences.citationStyle));
  }

  private copyQuote() {
    if (this.selection) this.dispatchEvent(new CopyQuoteEvent(this.selection.quote));
  }

  private searchLibrary() {
    const query = this.selection ? selectionQuery(this.selection.quote) : null;
    if (query) this.dispatchEvent(new SearchLibraryEvent(query));
  }

  private pickStyle(event: Event) {
    const style: unknown = (event.target as HTMLSelectElement).value;
    if (isCitationStyleId(style)) this.change(style);
  }

  private change(citationStyle: CitationStyleId) {
    this.dispatchEvent(new PreferencesChangeEvent({ citationStyle }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-selection-menu': MgSelectionMenu;
  }
}
