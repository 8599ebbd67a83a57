/**
 * A segmented control: buttons side by side in one frame, the chosen one shaded (the library's sort
 * buttons, `aria-pressed`, and its origin filter, a radio group with `aria-checked`).
 */
import { css } from 'lit';

export const segmentedStyles = css`
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

  .segmented .button[aria-pressed='true'],
  .segmented .button[aria-checked='true'] {
    background: var(--mg-accent-soft);
    font-weight: 600;
  }

  @media (forced-colors: active) {
    .segmented .button[aria-pressed='true'],
    .segmented .button[aria-checked='true'] {
      outline: 2px solid Highlight;
    }
  }
`;
