import { consume } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { MarginApi, SyncStatus } from '../../main/api';
import { apiContext } from '../contexts';
import { NotesSyncedEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { editedWhen } from './mg-note-history';
import { syncSettingsStyles } from './mg-sync-settings.styles';
import { PopoverController } from '../controllers/popover-controller';

/** How often the page asks whether a background sync brought notes from another device. */
const POLL_MS = 15_000;

/**
 * The "Sync" button and its panel: the folder, this device's name and the passphrase to turn sync on;
 * then the status (last sync, the other devices and when they last wrote, anything wrong), "Sync now"
 * and "Turn off". Escape or a click elsewhere closes it.
 *
 * @fires mg-notes-synced - a sync ran, so notes from other devices may have arrived
 */
@customElement('mg-sync-settings')
export class MgSyncSettings extends LitElement {
  static override styles = [sharedStyles, syncSettingsStyles];

  @consume({ context: apiContext })
  private api?: MarginApi;

  private readonly panelState = new PopoverController(this, () => this.toggleButton);
  @state() private status: SyncStatus | null = null;
  /** What is under way ("Opening the folder…"), null when nothing is. */
  @state() private busy: string | null = null;
  /** The last call's failure, in the service's words. */
  @state() private failure: string | null = null;
  @query('.toggle') private toggleButton!: HTMLButtonElement;
  private poll: number | undefined;
  /** The status's `notesUpdated` last seen here; undefined before the first answer. */
  private notesSeen: string | null | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.checkForNotes();
    this.poll = window.setInterval(() => void this.checkForNotes(), POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this.poll);
  }

  /** Sync also runs in the background (on a timer, after edits): notes it brought are shown at once. */
  private async checkForNotes(): Promise<void> {
    try {
      const status = (await this.api?.getSyncStatus()) ?? null;
      if (status === null) return;
      if (this.panelState.open) this.status = status;
      this.noticeNotes(status);
    } catch {
      // The next poll asks again; a failing call is shown when the reader opens the panel.
    }
  }

  private noticeNotes(status: SyncStatus): void {
    const seen = this.notesSeen;
    this.notesSeen = status.notesUpdated;
    if (seen !== undefined && seen !== status.notesUpdated) this.dispatchEvent(new NotesSyncedEvent());
  }

  protected override render(): TemplateResult {
    return html`
      <button
        class="icon-button toggle"
        aria-label="Sync"
        title="Sync your notes with your other devices"
        aria-expanded=${String(this.panelState.open)}
        aria-controls="sync-panel"
        @click=${this.toggle}
      >
        Sync
      </button>
      ${this.panelState.open ? this.renderPanel() : nothing}
    `;
  }

  private renderPanel(): TemplateResult {
    const status = this.status;
    return html`
      <div
        id="sync-panel"
        class="panel"
        role="group"
        aria-label="Sync"
        @keydown=${this.panelState.onPanelKey}
      >
        <h2>Your notes on every device</h2>
        ${status === null ? html`<p class="muted">Loading…</p>` : status.enabled ? this.renderOn(status) : this.renderOff(status)}
        ${this.busy ? html`<p class="muted" role="status">${this.busy}</p>` : nothing}
        ${this.renderProblems(status)}
      </div>
    `;
  }

  private renderOff(status: SyncStatus): TemplateResult {
    return html`
      <p class="muted">
        Pick a folder your own sync tool already carries between your devices (Syncthing, Dropbox, OneDrive, a
        USB stick). Your notes go there encrypted with your passphrase; use the same one on every device.
      </p>
      <p class="folder">
        ${status.folder ? html`Folder: <code>${status.folder}</code>` : 'No folder chosen yet.'}
      </p>
      ${
        status.canChooseFolder
          ? html`<button class="button" ?disabled=${this.busy !== null} @click=${this.chooseFolder}>
              Choose folder…
            </button>`
          : nothing
      }
      <form @submit=${this.turnOn}>
        <label class="label" for="device-name">This device's name</label>
        <input id="device-name" name="deviceName" .value=${status.deviceName} maxlength="60" required />
        <label class="label" for="passphrase">Passphrase (8 characters at least)</label>
        <input id="passphrase" name="passphrase" type="password" minlength="8" required autocomplete="off" />
        <button class="button" type="submit" ?disabled=${this.busy !== null || !status.folder}>
          Turn on sync
        </button>
      </form>
    `;
  }

  private renderOn(status: SyncStatus): TemplateResult {
    return html`
      <p>Syncing as <strong>${status.deviceName}</strong> through <code>${status.folder}</code>.</p>
      <p class="last-sync">
        ${status.lastSync ? html`Last synced at ${editedWhen(status.lastSync)}.` : 'Not synced yet.'}
      </p>
      ${
        status.devices.length > 0
          ? html`<ul class="devices" aria-label="Other devices">
              ${status.devices.map(
                (device) =>
                  html`<li>
                    ${device.name} <span class="muted">wrote at ${editedWhen(device.lastSeen)}</span>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">No other device has written to the folder yet.</p>`
      }
      <div class="row">
        <button class="button" ?disabled=${this.busy !== null} @click=${this.syncNow}>Sync now</button>
        <button class="button" ?disabled=${this.busy !== null} @click=${this.turnOff}>Turn off sync</button>
      </div>
      <p class="muted small">Turning sync off keeps every note on this device as it is.</p>
    `;
  }

  private renderProblems(status: SyncStatus | null): TemplateResult | typeof nothing {
    const problems = [...(status?.problems ?? []), ...(this.failure ? [this.failure] : [])];
    if (problems.length === 0) return nothing;
    return html`<ul class="problems" role="status" aria-label="Sync problems">
      ${problems.map((problem) => html`<li>${problem}</li>`)}
    </ul>`;
  }

  private toggle(): void {
    this.panelState.open = !this.panelState.open;
    if (this.panelState.open) void this.run(null, (api) => api.getSyncStatus(), false);
  }

  /** One call to the API; its answer is the new status, its failure a sentence in the panel. */
  private async run(
    what: string | null,
    call: (api: MarginApi) => Promise<SyncStatus>,
    synced: boolean,
  ): Promise<void> {
    if (!this.api) return;
    this.busy = what;
    this.failure = null;
    try {
      this.status = await call(this.api);
      this.notesSeen = this.status.notesUpdated;
      if (synced) this.dispatchEvent(new NotesSyncedEvent());
    } catch (error) {
      this.failure = error instanceof Error && error.message ? error.message : 'Sync failed.';
    } finally {
      this.busy = null;
    }
  }

  private chooseFolder(): void {
    void this.run('Waiting for a folder…', (api) => api.chooseSyncFolder(), false);
  }

  private turnOn(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const setup = {
      deviceName: String(form.get('deviceName') ?? ''),
      passphrase: String(form.get('passphrase') ?? ''),
    };
    void this.run('Opening the sync folder…', (api) => api.setUpSync(setup), true);
  }

  private syncNow(): void {
    void this.run('Syncing…', (api) => api.syncNow(), true);
  }

  private turnOff(): void {
    void this.run(null, (api) => api.turnOffSync(), false);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-sync-settings': MgSyncSettings;
  }
}
