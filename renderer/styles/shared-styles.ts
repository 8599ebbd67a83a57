/**
 * Styles every element shares: focus ring, buttons, visually hidden text.
 *
 * Where styles live: a component's own styles are in a sibling `mg-x.styles.ts` next to `mg-x.ts`,
 * and only sheets that several components adopt (this one, theme tokens, highlight colours, the
 * annotation list) are in `renderer/styles/`.
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    box-sizing: border-box;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--mg-focus);
    outline-offset: 2px;
    border-radius: 4px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  button {
    font: inherit;
    color: inherit;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.25rem;
    padding: 0 0.8rem;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    background: var(--mg-surface);
    color: var(--mg-text);
    font-size: 0.875rem;
    cursor: pointer;
    transition:
      background var(--mg-duration),
      border-color var(--mg-duration);
  }

  .button:hover {
    border-color: var(--mg-border-strong);
    background: var(--mg-surface-raised);
  }

  .button[aria-pressed='true'],
  .button[aria-checked='true'] {
    background: var(--mg-accent-soft);
    border-color: var(--mg-accent);
    color: var(--mg-text);
  }

  .icon-button {
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--mg-radius);
    background: transparent;
    color: var(--mg-muted);
    cursor: pointer;
  }

  .icon-button:hover {
    background: var(--mg-accent-soft);
    color: var(--mg-text);
  }

  .icon-button:disabled {
    opacity: 0.45;
    cursor: default;
  }

  .muted {
    color: var(--mg-muted);
  }
`;
