import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared-styles';
import { dropTargetStyles } from './mg-drop-target.styles';

/**
 * What the window shows while files are dragged over it: the whole window takes the drop, and says
 * what dropping does. It never catches the pointer itself; the app's drag controller does.
 */
@customElement('mg-drop-target')
export class MgDropTarget extends LitElement {
  static override styles = [sharedStyles, dropTargetStyles];

  /** True while files are being dragged over the window. */
  @property({ type: Boolean, reflect: true }) active = false;

  override render() {
    if (!this.active) return nothing;
    return html`<div class="target">
      <p>
        <strong>Drop to add to your library</strong>
        <span>PDF, web page (.html), Markdown or text; several at once</span>
      </p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mg-drop-target': MgDropTarget;
  }
}
