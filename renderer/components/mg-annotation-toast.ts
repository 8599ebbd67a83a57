import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ToastActionEvent, ToastDismissEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';

/**
 * A short message at the foot of the window ("Highlight deleted" · Undo), announced politely to
 * screen readers. It goes away by itself; hovering or focusing it keeps it.
 *
 * @fires mg-toast-action - the action button was pressed
 * @fires mg-toast-dismiss - the toast timed out or was closed
 */
@customElement('mg-annotation-toast')
export class MgAnnotationToast extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        position: fixed;
        inset-inline: 0;
        bottom: 1.25rem;
        z-index: 50;
        display: flex;
        justify-content: center;
        pointer-events: none;
      }
      .toast {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        padding: 0.55rem 0.6rem 0.55rem 1rem;
        border-radius: 999px;
        background: var(--mg-text);
        color: var(--mg-bg);
        box-shadow: var(--mg-shadow);
        font-family: var(--mg-ui-font);
        font-size: 0.9rem;
        pointer-events: auto;
        animation: rise var(--mg-duration) ease-out;
      }
      @keyframes rise {
        from {
          opacity: 0;
          transform: translateY(6px);
        }
      }
      .action {
        min-height: 2rem;
        padding: 0 0.8rem;
        border: 0;
        border-radius: 999px;
        background: var(--mg-bg);
        color: var(--mg-text);
        font-weight: 600;
        cursor: pointer;
      }
    `,
  ];

  /** The message; the toast is hidden when empty. */
  @property() message = '';
  /** The label of the action button, or empty for none. */
  @property() actionLabel = '';
  /** How long the toast stays, in milliseconds. */
  @property({ type: Number }) duration = 6000;

  private timer: number | undefined;

  override updated(changed: PropertyValues<this>) {
    if (changed.has('message')) this.restart();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.clearTimeout(this.timer);
  }

  override render() {
    return html`<div role="status" aria-live="polite">
      ${
        this.message
          ? html`<div
              class="toast"
              @pointerenter=${this.hold}
              @pointerleave=${this.restart}
              @focusin=${this.hold}
              @focusout=${this.restart}
            >
              <span>${this.message}</span>
              ${
                this.actionLabel
                  ? html`<button class="action" @click=${() => this.dispatchEvent(new ToastActionEvent())}>
                      ${this.actionLabel}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </div>`;
  }

  private hold = () => window.clearTimeout(this.timer);

  private restart = () => {
    window.clearTimeout(this.timer);
    if (this.message)
      this.timer = window.setTimeout(() => this.dispatchEvent(new ToastDismissEvent()), this.duration);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-annotation-toast': MgAnnotationToast;
  }
}
