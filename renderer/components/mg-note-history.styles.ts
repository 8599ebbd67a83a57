/** The look of a note's kept earlier texts in the editor (`mg-note-history`). */
import { css } from 'lit';

export const noteHistoryStyles = css`
  :host {
    display: block;
    font-size: 0.82rem;
  }
  .versions {
    display: grid;
    gap: 0.4rem;
    margin: 0;
    padding: 0.5rem 0.6rem;
    list-style: none;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    background: var(--mg-accent-soft);
  }
  .version {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem 0.5rem;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--mg-accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .link-button:focus-visible {
    outline: 2px solid var(--mg-focus);
    outline-offset: 2px;
  }
  .text {
    flex-basis: 100%;
    margin: 0;
    padding-inline-start: 0.6rem;
    border-inline-start: 3px solid var(--mg-border-strong);
    white-space: pre-wrap;
    color: var(--mg-text-soft);
  }
  .problem {
    margin: 0;
    color: var(--mg-danger);
  }
`;
