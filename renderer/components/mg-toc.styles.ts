/** The look of the table of contents (`mg-toc`). */
import { css } from 'lit';

export const tocStyles = css`
  :host {
    display: block;
    font-size: 0.875rem;
  }

  h2 {
    margin: 0 0 0.75rem;
    padding-left: 0.85rem;
    font-size: 0.72rem;
    font-weight: 700;
    letter-spacing: 0.1em;
    text-transform: uppercase;
    color: var(--mg-muted);
  }

  ol {
    margin: 0;
    padding: 0;
    list-style: none;
    border-left: 1px solid var(--mg-border);
  }

  a {
    display: block;
    margin-left: -1px;
    padding: 0.35rem 0.75rem 0.35rem 0.85rem;
    border-left: 2px solid transparent;
    color: var(--mg-muted);
    text-decoration: none;
    line-height: 1.35;
    transition:
      color var(--mg-duration),
      border-color var(--mg-duration);
  }

  a:hover {
    color: var(--mg-text);
  }

  a[aria-current='location'] {
    border-left-color: var(--mg-accent);
    color: var(--mg-text);
    font-weight: 600;
  }
`;
