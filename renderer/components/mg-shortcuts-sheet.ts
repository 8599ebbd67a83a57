import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import {
  EXTEND_SELECTION_NOTE,
  SHORTCUTS,
  shortcutLabel,
  type ShortcutGroup,
} from '../../main/shared/shortcuts';
import { currentPlatform } from '../controllers/keyboard-shortcut-controller';
import { sharedStyles } from '../styles/shared-styles';
import { shortcutsSheetStyles } from './mg-shortcuts-sheet.styles';

/**
 * The Keyboard shortcuts sheet: a modal dialog listing every shortcut of the table in
 * `main/shared/shortcuts.ts` by group, written for this platform (Ctrl or ⌘). The browser's dialog
 * traps focus, closes on Escape and gives focus back to where it was.
 */
@customElement('mg-shortcuts-sheet')
export class MgShortcutsSheet extends LitElement {
  static override styles = [sharedStyles, shortcutsSheetStyles];

  @query('dialog') private dialog!: HTMLDialogElement;
  private returnFocus: HTMLElement | null = null;

  /** Opens the sheet, remembering which element to give focus back to. */
  async show(from: HTMLElement | null): Promise<void> {
    await this.updateComplete;
    if (this.dialog.open) return;
    this.returnFocus = from;
    this.dialog.showModal();
  }

  protected override render(): TemplateResult {
    const platform = currentPlatform();
    const groups = [...new Set(SHORTCUTS.map((entry) => entry.group))] as ShortcutGroup[];
    return html`<dialog aria-labelledby="shortcuts-title" @close=${this.onClose}>
      <div class="top">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button class="button" @click=${() => this.dialog.close()}>Close</button>
      </div>
      ${groups.map(
        (group) =>
          html`<h3 id=${`group-${group.replace(/\W+/g, '-')}`}>${group}</h3>
            <table aria-labelledby=${`group-${group.replace(/\W+/g, '-')}`}>
              ${SHORTCUTS.filter((entry) => entry.group === group).map(
                (entry) =>
                  html`<tr>
                    <th scope="row">${entry.label}</th>
                    <td><kbd>${shortcutLabel(entry, platform)}</kbd></td>
                  </tr>`,
              )}
            </table>`,
      )}
      <p>${EXTEND_SELECTION_NOTE}</p>
    </dialog>`;
  }

  private onClose(): void {
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target?.isConnected) target.focus({ preventScroll: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-shortcuts-sheet': MgShortcutsSheet;
  }
}
