import { announce } from '../announce';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ToastActionEvent, ToastDismissEvent } from '../events';
import { sharedStyles } from '../styles/shared-styles';
import { annotationToastStyles } from './mg-annotation-toast.styles';

/**
 * A short message at the foot of the window ("Highlight deleted" · Undo), announced politely to
 * screen readers. It goes away by itself; hovering or focusing it keeps it.
 *
 * @fires mg-toast-action - the action button was pressed
 * @fires mg-toast-dismiss - the toast timed out or was closed
 */
@customElement('mg-annotation-toast')
export class MgAnnotationToast extends LitElement {
  static override styles = [sharedStyles, annotationToastStyles];

  /** The message; the toast is hidden when empty. */
  @property() message = '';
  /** The label of the action button, or empty for none. */
  @property() actionLabel = '';
  /** How long the toast stays, in milliseconds. */
  @property({ type: Number }) duration = 6000;

  private timer: number | undefined;

  override updated(changed: PropertyValues<this>) {
    if (changed.has('message')) {
      this.restart();
      // Heard through the app's one live region, so it is announced once.
      if (this.message)
        announce(
          this,
          this.actionLabel ? `${this.message}. ${this.actionLabel} is available.` : this.message,
        );
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.clearTimeout(this.timer);
  }

  override render() {
    return html`<div>
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
