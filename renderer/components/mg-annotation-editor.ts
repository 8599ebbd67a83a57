import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Annotation, HighlightColor } from '../../main/api';
import { parseTags } from '../annotations/annotation-order';
import { HIGHLIGHT_COLORS, colorLabel } from '../annotations/highlight-colors';
import { AnnotationDeleteEvent, AnnotationEditorCloseEvent, AnnotationUpdateEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { annotationEditorStyles } from './mg-annotation-editor.styles';
import { swatchStyles } from '../styles/highlight-styles';
import './mg-markdown';
import './mg-note-history';

/** How long typing may pause before the note is saved. */
const SAVE_DELAY_MS = 600;

/**
 * The popover of one highlight or note: its colour, its note (Markdown, with a preview), its tags,
 * and delete. Every change is saved as it is made (the note a moment after typing pauses, and at
 * once when the editor closes), so there is no Save button to forget.
 *
 * @fires mg-annotation-update - colour, note or tags changed
 * @fires mg-annotation-delete - Delete was chosen
 * @fires mg-annotation-editor-close - Escape, Done, or a click outside
 */
@customElement('mg-annotation-editor')
export class MgAnnotationEditor extends LitElement {
  static override styles = [sharedStyles, swatchStyles, annotationEditorStyles];

  /** The annotation being edited; the editor is empty without one. */
  @property({ attribute: false }) annotation: Annotation | null = null;
  /** Where the highlight is on screen (viewport rect), to place the popover beside it. */
  @property({ attribute: false }) anchor: DOMRect | null = null;
  /** Put the caret in the note as soon as the editor opens ("Add note"). */
  @property({ type: Boolean }) focusNote = false;

  @state() private draft = '';
  @state() private preview = false;
  @query('textarea') private textarea?: HTMLTextAreaElement;

  private saveTimer: number | undefined;
  private editingId: string | null = null;

  /** The card grows with the preview, a typed note or new tags: it is placed again to stay in view. */
  private readonly resizeObserver = new ResizeObserver(() => this.place());

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onOutsidePointer, true);
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
    this.resizeObserver.disconnect();
    this.flushNote();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('annotation') && this.annotation?.id !== this.editingId) {
      this.flushNote();
      this.editingId = this.annotation?.id ?? null;
      this.draft = this.annotation?.note ?? '';
      this.preview = false;
    } else if (changed.has('annotation') && this.annotation) {
      // The text changed under the editor (an earlier text restored, a sync): follow it, unless the
      // reader has typed something not yet saved.
      const before = changed.get('annotation');
      if (before && before.note === this.draft) this.draft = this.annotation.note;
    }
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has('anchor') || changed.has('annotation')) this.place();
    if (
      changed.has('annotation') &&
      this.annotation &&
      changed.get('annotation')?.id !== this.annotation.id
    ) {
      if (this.focusNote) this.textarea?.focus();
      else this.renderRoot.querySelector<HTMLElement>('.swatch[aria-checked="true"], .swatch')?.focus();
    }
  }

  override render() {
    const annotation = this.annotation;
    if (!annotation) return nothing;
    const quote = annotation.selectors.length === 2 ? annotation.selectors[0].exact : null;
    const title = quote ? 'Highlight' : 'Note on this document';
    return html`
      <div class="card" role="dialog" aria-label=${title} @keydown=${this.onKeyDown}>
        ${quote ? html`<p class="quote">${quote}</p>` : nothing}
        ${quote ? this.renderColors(annotation.color) : nothing}
        <div class="row spread">
          <div class="tabs" role="tablist" aria-label="Note">
            <button
              class="tab"
              role="tab"
              aria-selected=${!this.preview}
              @click=${() => (this.preview = false)}
            >
              Write
            </button>
            <button class="tab" role="tab" aria-selected=${this.preview} @click=${this.showPreview}>
              Preview
            </button>
          </div>
          <span class="hint muted">Markdown</span>
        </div>
        ${
          this.preview
            ? html`<div class="preview" role="tabpanel" aria-label="Note preview">
                ${this.draft.trim() ? html`<mg-markdown .source=${this.draft}></mg-markdown>` : html`<span class="muted">Nothing written yet.</span>`}
              </div>`
            : html`<textarea
                aria-label="Note"
                placeholder="Write a note…"
                .value=${this.draft}
                @input=${this.onInput}
                @blur=${this.flushNote}
              ></textarea>`
        }
        <mg-note-history .annotation=${annotation}></mg-note-history>
        ${this.renderTags(annotation.tags)}
        <div class="row spread">
          <button class="button danger" @click=${this.delete}>Delete</button>
          <button class="button" @click=${this.close}>Done</button>
        </div>
      </div>
    `;
  }

  private renderColors(current: HighlightColor | null) {
    // A passage always has a colour (the store insists); removing it is Delete.
    const choices: (HighlightColor | null)[] = [...HIGHLIGHT_COLORS];
    return html`
      <div class="row" role="radiogroup" aria-label="Colour" @keydown=${this.onColorKey}>
        ${choices.map(
          (color) => html`
            <button
              class="swatch"
              role="radio"
              data-color=${color ?? 'none'}
              aria-checked=${color === current}
              tabindex=${color === current ? 0 : -1}
              aria-label=${color ? colorLabel(color) : 'Underline only'}
              title=${color ? colorLabel(color) : 'Underline only'}
              @click=${() => this.setColor(color)}
            >
              ${color === null ? html`<span aria-hidden="true">ab</span>` : nothing}
            </button>
          `,
        )}
      </div>
    `;
  }

  private renderTags(tags: string[]) {
    return html`
      <div class="tags" aria-label="Tags">
        ${tags.map(
          (tag) =>
            html`<span class="tag"
              >${tag}<button
                aria-label=${`Remove tag ${tag}`}
                title="Remove tag"
                @click=${() => this.removeTag(tag)}
              >
                ×
              </button></span
            >`,
        )}
      </div>
      <input
        aria-label="Add tags"
        placeholder="Add tags (Enter or comma)"
        @keydown=${this.onTagKey}
        @blur=${this.onTagBlur}
      />
    `;
  }

  /**
   * Below the highlight when it fits, else above it, else as close as the window allows; never under
   * the app header.
   */
  private place() {
    const rect = this.anchor;
    const margin = 8;
    const header = parseFloat(getComputedStyle(this).getPropertyValue('--mg-header-height')) * 16 || 56;
    const width = this.offsetWidth || 384;
    const height = this.offsetHeight || 360;
    const top = header + margin;
    const bottom = window.innerHeight - margin;
    let y: number;
    let x: number;
    if (!rect) {
      y = Math.max(top, (window.innerHeight - height) / 2);
      x = (window.innerWidth - width) / 2;
    } else {
      if (rect.bottom + margin + height <= bottom) y = rect.bottom + margin;
      else if (rect.top - margin - height >= top) y = rect.top - margin - height;
      else y = Math.max(top, Math.min(rect.bottom + margin, bottom - height));
      x = rect.left;
    }
    this.style.top = `${Math.round(y)}px`;
    this.style.left = `${Math.round(Math.min(Math.max(margin, x), window.innerWidth - width - margin))}px`;
  }

  private setColor(color: HighlightColor | null) {
    if (!this.annotation || this.annotation.color === color) return;
    this.dispatchEvent(new AnnotationUpdateEvent(this.annotation.id, { color }));
  }

  private onColorKey(event: KeyboardEvent) {
    const step =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0;
    if (!step || !this.annotation) return;
    event.preventDefault();
    const choices: (HighlightColor | null)[] = [...HIGHLIGHT_COLORS];
    // From the swatch that has focus: a second arrow before the store answers moves on, not back.
    const focused = (this.shadowRoot?.activeElement as HTMLElement | null)?.dataset.color;
    const current = focused === undefined ? this.annotation.color : focused === 'none' ? null : focused;
    const index = choices.indexOf(current as HighlightColor | null);
    const next = choices[(index + step + choices.length) % choices.length];
    this.setColor(next);
    // Focus moves with the choice now; the check mark follows when the store has saved it.
    this.renderRoot.querySelector<HTMLElement>(`.swatch[data-color="${next ?? 'none'}"]`)?.focus();
  }

  private onInput(event: InputEvent) {
    this.draft = (event.target as HTMLTextAreaElement).value;
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => this.flushNote(), SAVE_DELAY_MS);
  }

  /** Saves the note now if it differs from what is stored. */
  private flushNote = () => {
    window.clearTimeout(this.saveTimer);
    const annotation = this.annotation;
    if (!annotation || annotation.id !== this.editingId || this.draft === annotation.note) return;
    this.dispatchEvent(new AnnotationUpdateEvent(annotation.id, { note: this.draft }));
  };

  private showPreview() {
    this.flushNote();
    this.preview = true;
  }

  private addTags(text: string) {
    if (!this.annotation) return;
    const added = parseTags(text).filter(
      (tag) => !this.annotation!.tags.some((t) => t.toLowerCase() === tag.toLowerCase()),
    );
    if (added.length === 0) return;
    this.dispatchEvent(
      new AnnotationUpdateEvent(this.annotation.id, { tags: [...this.annotation.tags, ...added] }),
    );
  }

  private removeTag(tag: string) {
    if (!this.annotation) return;
    this.dispatchEvent(
      new AnnotationUpdateEvent(this.annotation.id, { tags: this.annotation.tags.filter((t) => t !== tag) }),
    );
  }

  private onTagKey(event: KeyboardEvent) {
    const input = event.target as HTMLInputElement;
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      this.addTags(input.value);
      input.value = '';
    } else if (event.key === 'Backspace' && input.value === '' && this.annotation?.tags.length) {
      this.removeTag(this.annotation.tags[this.annotation.tags.length - 1]);
    }
  }

  private onTagBlur(event: FocusEvent) {
    const input = event.target as HTMLInputElement;
    if (input.value.trim()) this.addTags(input.value);
    input.value = '';
  }

  private onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.close();
    }
  }

  private onOutsidePointer = (event: PointerEvent) => {
    if (this.annotation && !event.composedPath().includes(this)) this.close();
  };

  private delete() {
    if (!this.annotation) return;
    window.clearTimeout(this.saveTimer);
    this.editingId = null;
    this.dispatchEvent(new AnnotationDeleteEvent(this.annotation.id));
  }

  private close() {
    this.flushNote();
    const input = this.renderRoot.querySelector('input');
    if (input?.value.trim()) {
      this.addTags(input.value);
      input.value = '';
    }
    this.dispatchEvent(new AnnotationEditorCloseEvent());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-annotation-editor': MgAnnotationEditor;
  }
}
