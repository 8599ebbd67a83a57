import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Annotation, AnnotationVersion, MarginApi } from '../../main/api';
import { apiContext } from '../contexts';
import { AnnotationVersionRestoreEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { noteHistoryStyles } from './mg-note-history.styles';

/** "10:02" today, "3 Nov, 10:02" another day: when a kept text was written. */
export function editedWhen(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === now.toDateString()) return time;
  return `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}

/**
 * The earlier texts of a note that sync kept when two devices edited it at once: "Also edited on Desk
 * at 10:02 — Show / Restore". Nothing at all when there are none (a note edited on one device only).
 *
 * @fires mg-annotation-version-restore - Restore was chosen for a kept text
 */
@customElement('mg-note-history')
export class MgNoteHistory extends LitElement {
  static override styles = [sharedStyles, noteHistoryStyles];

  @consume({ context: apiContext })
  private api?: MarginApi;

  /** The annotation whose kept texts are shown. */
  @property({ attribute: false }) annotation: Annotation | null = null;

  @state() private versions: AnnotationVersion[] = [];
  @state() private shown = new Set<string>();
  @state() private problem: string | null = null;
  private ticket = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('annotation') as Annotation | null | undefined;
    const now = this.annotation;
    if (!changed.has('annotation')) return;
    if (before?.id !== now?.id) this.shown = new Set();
    // A new text (typed here, restored, or synced) can change which texts are kept.
    if (before?.id !== now?.id || before?.note !== now?.note || before?.modified !== now?.modified)
      void this.load();
  }

  private async load(): Promise<void> {
    const ticket = ++this.ticket;
    const annotation = this.annotation;
    if (!annotation || !this.api) {
      this.versions = [];
      return;
    }
    try {
      const versions = await this.api.getAnnotationVersions(annotation.id);
      if (ticket !== this.ticket) return;
      this.versions = versions;
      this.problem = null;
    } catch (error) {
      if (ticket !== this.ticket) return;
      this.versions = [];
      const reason = error instanceof Error && error.message ? `: ${error.message}` : '.';
      this.problem = `The earlier texts of this note could not be loaded${reason}`;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.problem) return html`<p class="problem" role="status">${this.problem}</p>`;
    if (this.versions.length === 0) return nothing;
    return html`
      <ul class="versions" aria-label="Earlier texts from other devices">
        ${this.versions.map((version) => this.renderVersion(version))}
      </ul>
    `;
  }

  private renderVersion(version: AnnotationVersion): TemplateResult {
    const open = this.shown.has(version.id);
    return html`
      <li class="version">
        <span class="what"
          >Also edited on <strong>${version.deviceName}</strong> at
          <time datetime=${version.editedAt}>${editedWhen(version.editedAt)}</time></span
        >
        <span class="actions">
          <button class="link-button" aria-expanded=${String(open)} @click=${() => this.toggle(version.id)}>
            ${open ? 'Hide' : 'Show'}
          </button>
          <button class="link-button" @click=${() => this.restore(version.id)}>Restore</button>
        </span>
        ${open ? html`<blockquote class="text">${version.text}</blockquote>` : nothing}
      </li>
    `;
  }

  private toggle(id: string): void {
    const shown = new Set(this.shown);
    if (!shown.delete(id)) shown.add(id);
    this.shown = shown;
  }

  private restore(versionId: string): void {
    if (!this.annotation) return;
    this.dispatchEvent(new AnnotationVersionRestoreEvent(this.annotation.id, versionId));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-note-history': MgNoteHistory;
  }
}
