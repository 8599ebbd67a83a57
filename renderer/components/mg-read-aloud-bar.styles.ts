import { css } from 'lit';

export const readAloudBarStyles = css`
  :host {
    display: block;
    margin: 0 0 1rem;
  }
  [role='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    font-size: 0.85rem;
  }
  select {
    max-width: 12rem;
    font: inherit;
  }
  .message {
    margin: 0.5rem 0 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--mg-border-strong);
    border-left: 4px solid var(--mg-accent);
    border-radius: var(--mg-radius);
    font-size: 0.9rem;
  }
`;
