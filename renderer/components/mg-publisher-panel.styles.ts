/** The look of the publisher panel (`mg-publisher-panel`) in the reader's side column. */
import { css } from 'lit';

export const publisherPanelStyles = css`
  :host {
    display: block;
    font-size: 0.875rem;
    line-height: 1.55;
  }

  .card {
    padding: 1rem 1.1rem;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    background: var(--mg-surface);
  }

  h2 {
    margin: 0 0 0.2rem;
    font-size: 0.72rem;
    font-weight: 700;
    letter-spacing: 0.1em;
    text-transform: uppercase;
    color: var(--mg-muted);
  }

  .name {
    margin: 0;
    font-weight: 600;
  }

  summary {
    margin-top: 0.6rem;
    cursor: pointer;
    color: var(--mg-accent);
    font-weight: 500;
    border-radius: 4px;
  }

  summary:focus-visible {
    outline: 2px solid var(--mg-focus);
    outline-offset: 2px;
  }

  .about {
    max-height: 50vh;
    overflow: auto;
    margin-top: 0.6rem;
    padding-right: 0.25rem;
    color: var(--mg-text-soft);
  }

  .about p {
    margin: 0 0 0.7rem;
  }

  address {
    margin-top: 0.75rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--mg-border);
    font-style: normal;
    color: var(--mg-muted);
    overflow-wrap: anywhere;
  }

  address span {
    display: block;
  }
`;
