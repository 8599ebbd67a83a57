/** The look of the menu over a text selection (`mg-selection-menu`). */
import { css } from 'lit';

export const selectionMenuStyles = css`
  :host {
    position: fixed;
    z-index: 40;
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  [role='toolbar'] {
    display: flex;
    /* In a narrow window (320 px) the items wrap onto a second row instead of leaving the screen. */
    flex-wrap: wrap;
    max-width: calc(100vw - 1rem);
    box-sizing: border-box;
    align-items: center;
    gap: 0.15rem;
    padding: 0.3rem;
    border: 1px solid var(--mg-border);
    border-radius: 1.4rem;
    background: var(--mg-surface-raised);
    box-shadow: var(--mg-shadow);
    font-family: var(--mg-ui-font);
    font-size: 0.85rem;
    animation: rise var(--mg-duration) ease-out;
  }
  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(4px);
    }
  }
  .divider {
    width: 1px;
    align-self: stretch;
    margin: 0.25rem 0.3rem;
    background: var(--mg-border);
  }
  .text-button {
    min-height: 2rem;
    padding: 0 0.7rem;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: var(--mg-text);
    font-size: 0.85rem;
    cursor: pointer;
    white-space: nowrap;
  }
  .text-button:hover {
    background: var(--mg-accent-soft);
  }
  .style-picker {
    min-height: 2rem;
    max-width: 9rem;
    padding: 0 0.4rem;
    border: 1px solid var(--mg-border);
    border-radius: 999px;
    background: var(--mg-surface-raised);
    color: var(--mg-text);
    font: inherit;
    font-size: 0.8rem;
  }
`;
