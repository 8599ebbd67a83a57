/** The search box and its results panel (`mg-search`). */
import { css } from 'lit';

export const searchStyles = css`
  :host {
    position: relative;
    display: block;
    width: 100%;
    max-width: 36rem;
  }

  .field {
    position: relative;
    display: flex;
    align-items: center;
  }

  .field svg {
    position: absolute;
    left: 0.75rem;
    width: 1rem;
    height: 1rem;
    fill: none;
    stroke: var(--mg-muted);
    stroke-width: 2;
    stroke-linecap: round;
    pointer-events: none;
  }

  input {
    width: 100%;
    height: 2.35rem;
    padding: 0 4.5rem 0 2.3rem;
    border: 1px solid var(--mg-border);
    border-radius: 999px;
    background: var(--mg-surface);
    color: var(--mg-text);
    font: inherit;
    font-size: 0.9rem;
    transition: border-color var(--mg-duration);
  }

  input::placeholder {
    color: var(--mg-muted);
  }

  input:hover {
    border-color: var(--mg-border-strong);
  }

  input:focus-visible {
    outline: 2px solid var(--mg-focus);
    outline-offset: 1px;
  }

  input:focus ~ kbd,
  input:not(:placeholder-shown) ~ kbd {
    display: none;
  }

  kbd {
    position: absolute;
    right: 0.7rem;
    padding: 0.05rem 0.4rem;
    border: 1px solid var(--mg-border);
    border-radius: 5px;
    color: var(--mg-muted);
    font-family: var(--mg-ui-font);
    font-size: 0.72rem;
    pointer-events: none;
  }

  .panel {
    position: absolute;
    left: 0;
    right: 0;
    top: calc(100% + 0.5rem);
    z-index: 30;
    max-height: min(70vh, 36rem);
    overflow: auto;
    border: 1px solid var(--mg-border);
    border-radius: 12px;
    background: var(--mg-surface-raised);
    box-shadow: var(--mg-shadow);
    font-size: 0.875rem;
  }

  .status {
    margin: 0;
    padding: 0.6rem 1rem;
    color: var(--mg-muted);
    font-size: 0.8rem;
    border-bottom: 1px solid var(--mg-border);
  }

  .status.invalid {
    color: var(--mg-danger);
    border-bottom: 0;
  }

  .status:empty {
    display: none;
  }

  [role='listbox'] {
    padding: 0.35rem 0;
  }

  /*
   * Twenty documents of snippets, of which the panel shows two or three: the browser lays out and paints
   * only the groups in view (the rest keep their place by their last known size), which was most of the
   * cost of showing each keystroke's results. Still in the accessibility tree and found by find-in-page.
   */
  .group {
    content-visibility: auto;
    contain-intrinsic-size: auto 16rem;
  }

  .group + .group {
    border-top: 1px solid var(--mg-border);
    margin-top: 0.35rem;
    padding-top: 0.35rem;
  }

  .group-title {
    padding: 0.5rem 1rem 0.25rem;
    font-weight: 650;
    color: var(--mg-text);
    line-height: 1.35;
  }

  .group-meta {
    display: block;
    font-weight: 400;
    font-size: 0.78rem;
    color: var(--mg-muted);
  }

  [role='option'] {
    margin: 0 0.35rem;
    padding: 0.5rem 0.65rem;
    border-radius: var(--mg-radius);
    cursor: pointer;
    line-height: 1.45;
  }

  [role='option']:hover {
    background: var(--mg-accent-soft);
  }

  [role='option'][aria-selected='true'] {
    background: var(--mg-accent-soft);
    box-shadow: inset 3px 0 0 var(--mg-accent);
  }

  .section {
    display: block;
    margin-bottom: 0.15rem;
    font-size: 0.72rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--mg-muted);
  }

  .document {
    display: block;
    margin-bottom: 0.15rem;
    font-size: 0.78rem;
    font-weight: 600;
    color: var(--mg-muted);
  }

  .snippet {
    color: var(--mg-text-soft);
    font-family: var(--mg-reading-font);
    font-size: 0.92rem;
  }

  mark {
    background: var(--mg-mark);
    color: var(--mg-mark-text);
    border-radius: 2px;
    padding: 0 1px;
  }

  .empty {
    padding: 1rem;
    color: var(--mg-muted);
  }

  /* No room for the hint in a narrow window; the shortcuts sheet lists it. */
  @media (max-width: 30rem) {
    kbd {
      display: none;
    }
  }
`;
