import { consume } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { Licences, MarginApi } from '../../main/api';
import { apiContext } from '../contexts';
import { sharedStyles } from '../styles/shared-styles';
import { aboutSheetStyles } from './mg-about-sheet.styles';

/**
 * "About Margin": the version, and the licence of every bundled library and citation style (the list
 * the build generates from what it bundled). A modal dialog; Escape or Close closes it.
 */
@customElement('mg-about-sheet')
export class MgAboutSheet extends LitElement {
  static override styles = [sharedStyles, aboutSheetStyles];

  @consume({ context: apiContext })
  private api!: MarginApi;

  @state() private version: string | null = null;
  @state() private licences: Licences | null = null;
  @state() private problem: string | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the sheet and loads what it lists (once). */
  async show(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    if (this.licences) return;
    try {
      const [status, licences] = await Promise.all([this.api.getStatus(), this.api.getLicences()]);
      this.version = status.version;
      this.licences = licences;
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : 'The licence list could not be read.';
    }
  }

  override render() {
    return html`
      <dialog aria-labelledby="about-title">
        <h2 id="about-title">About Margin</h2>
        ${this.version ? html`<p>Version ${this.version}</p>` : nothing}
        ${this.problem ? html`<p role="alert">${this.problem}</p>` : nothing} ${this.renderLicences()}
        <form method="dialog">
          <button class="button" autofocus>Close</button>
        </form>
      </dialog>
    `;
  }

  private renderLicences() {
    const licences = this.licences;
    if (!licences) return nothing;
    return html`
      <h3>Citation styles</h3>
      <p class="muted">Official CSL styles from the Citation Style Language project.</p>
      ${licenceTable(
        ['Style', 'Updated', 'Licence'],
        licences.styles.map((style) => [style.title, style.updated ?? '', style.licence]),
      )}
      <h3>Libraries</h3>
      ${licenceTable(
        ['Package', 'Version', 'Licence'],
        licences.libraries.map((library) => [library.name, library.version, library.licence]),
      )}
    `;
  }
}

/** A table of licences: one header row, one row per entry. */
function licenceTable(headings: string[], rows: string[][]): TemplateResult {
  return html`<table>
    <thead>
      <tr>
        ${headings.map((heading) => html`<th scope="col">${heading}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${row.map((cell) => html`<td>${cell}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-about-sheet': MgAboutSheet;
  }
}
