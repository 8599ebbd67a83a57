/** The look of the find-in-document bar (`mg-find-bar`). */
import { css } from 'lit';

export const findBarStyles = css`
  :host {
    display: block;
  }

  .bar {
    display: flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.4rem 0.4rem 0.4rem 0.75rem;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    background: var(--mg-surface-raised);
    box-shadow: var(--mg-shadow);
    font-size: 0.875rem;
  }

  input {
    flex: 1;
    min-width: 6rem;
    height: 2rem;
    padding: 0 0.5rem;
    border: 1px solid var(--mg-border);
    border-radius: 6px;
    background: var(--mg-bg);
    color: var(--mg-text);
    font: inherit;
  }

  input:focus-visible {
    outline: 2px solid var(--mg-focus);
    outline-offset: 0;
  }

  .count {
    min-width: 5.5rem;
    text-align: center;
    color: var(--mg-muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .count.none {
    color: var(--mg-danger);
  }

  svg {
    width: 1.1rem;
    height: 1.1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;
