/** The look of the notebook (`mg-notebook-view`): a page of every note, with its filters. */
import { css } from 'lit';

export const notebookViewStyles = css`
  :host {
    display: block;
    max-width: 52rem;
    margin: 0 auto;
    padding: 2rem 1.5rem 4rem;
    color: var(--mg-text);
    font-family: var(--mg-ui-font);
  }
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.75rem;
  }
  h1 {
    margin: 0;
    font-size: 1.6rem;
    font-weight: 700;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1rem;
    margin: 1.25rem 0 1.5rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    background: var(--mg-surface);
  }
  input[type='search'],
  select {
    min-height: 2.25rem;
    padding: 0 0.6rem;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    background: var(--mg-bg);
    color: var(--mg-text);
    font: inherit;
    font-size: 0.9rem;
  }
  input[type='search'] {
    flex: 1 1 14rem;
  }
  .colors {
    display: flex;
    align-items: center;
    gap: 0.1rem;
  }
  .all {
    min-height: 1.75rem;
    padding: 0 0.6rem;
    border: 1px solid var(--mg-border);
    border-radius: 999px;
    background: transparent;
    font-size: 0.8rem;
    cursor: pointer;
  }
  .all[aria-checked='true'] {
    border-color: var(--mg-text);
    background: var(--mg-accent-soft);
  }
  .summary {
    margin: 0 0 1rem;
    font-size: 0.85rem;
  }
  h2 {
    margin: 1.75rem 0 0.6rem;
    font-size: 1.05rem;
    font-weight: 650;
    font-family: var(--mg-reading-font);
  }
  .doc-link {
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .doc-link:hover {
    color: var(--mg-accent);
  }
  .doc-removed {
    color: var(--mg-muted);
  }
  .empty {
    padding: 2rem 0;
    text-align: center;
    line-height: 1.6;
  }
  .report {
    margin: 0 0 1rem;
    font-size: 0.85rem;
  }
  .print-actions {
    display: flex;
    gap: 0.25rem;
    margin-left: auto;
  }
`;
