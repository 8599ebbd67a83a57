import { css } from 'lit';

/** The styles of `<mg-origin-filter>`: the library's segmented control, as the sort buttons look. */
export const originFilterStyles = css`
  :host {
    display: inline-flex;
    font-size: 0.85rem;
  }

  .segmented {
    display: inline-flex;
    flex-wrap: wrap;
    padding: 2px;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    background: var(--mg-surface);
  }

  .segmented .button {
    min-height: 2rem;
    border: 0;
    border-radius: 6px;
    background: transparent;
  }

  .segmented .button[aria-checked='true'] {
    background: var(--mg-accent-soft);
    font-weight: 600;
  }

  @media (forced-colors: active) {
    .segmented .button[aria-checked='true'] {
      outline: 2px solid Highlight;
    }
  }
`;
