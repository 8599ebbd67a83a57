/** The look of the notes panel (`mg-notes-panel`), a card in the reader's side column. */
import { css } from 'lit';

export const notesPanelStyles = css`
  /* A card in the reader's side column, above the publisher's: your notes matter more. */
  :host {
    order: -1;
    display: block;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    background: var(--mg-surface);
    color: var(--mg-text);
    font-family: var(--mg-ui-font);
    font-size: 0.875rem;
    line-height: 1.5;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 0.55rem 0.4rem 0 1rem;
  }
  h2 {
    margin: 0;
    font-size: 0.72rem;
    font-weight: 700;
    letter-spacing: 0.1em;
    text-transform: uppercase;
    color: var(--mg-muted);
  }
  .count {
    margin-inline-start: 0.4rem;
    font-weight: 500;
    letter-spacing: 0;
  }
  .icon-button {
    width: 2rem;
    height: 2rem;
  }
  .content {
    padding: 0 0.75rem 0.75rem;
  }
  h3 {
    margin: 0.9rem 0.25rem 0.45rem;
    font-size: 0.78rem;
    font-weight: 650;
    color: var(--mg-text-soft);
  }
  .items {
    gap: 0.5rem;
  }
  .new-note {
    display: grid;
    gap: 0.4rem;
    margin-top: 0.5rem;
  }
  textarea {
    width: 100%;
    min-height: 3.2rem;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    background: var(--mg-bg);
    color: var(--mg-text);
    font: inherit;
    font-size: 0.85rem;
    resize: vertical;
  }
  .small {
    min-height: 1.9rem;
    padding: 0 0.6rem;
    font-size: 0.8rem;
  }
  .new-note .button {
    justify-self: end;
  }
  .empty {
    margin: 0 0.25rem;
    font-size: 0.82rem;
  }
  footer {
    display: grid;
    gap: 0.4rem;
    padding: 0.65rem 0.75rem 0.75rem;
    border-top: 1px solid var(--mg-border);
  }
  .report {
    margin: 0;
    font-size: 0.78rem;
  }
  .report ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.1rem;
  }
`;
