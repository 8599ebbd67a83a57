/** The library page (`mg-library-view`): toolbar, document cards, notes mark. */
import { css } from 'lit';

export const libraryViewStyles = css`
  :host {
    display: block;
  }

  main {
    max-width: 56rem;
    margin: 0 auto;
    padding: 2.5rem 1.5rem 4rem;
  }

  main:focus {
    outline: none;
  }

  .head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 1rem;
    margin-bottom: 1.25rem;
  }

  h1 {
    margin: 0;
    font-family: var(--mg-reading-font);
    font-size: 2rem;
    font-weight: 700;
    letter-spacing: -0.01em;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-bottom: 1.5rem;
  }

  .filter {
    flex: 1 1 16rem;
  }

  .filter input {
    width: 100%;
    height: 2.35rem;
    padding: 0 0.8rem;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    background: var(--mg-surface);
    color: var(--mg-text);
    font: inherit;
    font-size: 0.9rem;
  }

  .filter input::placeholder {
    color: var(--mg-muted);
  }

  .filter input:focus-visible {
    outline: 2px solid var(--mg-focus);
    outline-offset: 1px;
  }

  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.85rem;
  }

  .segmented {
    display: inline-flex;
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

  .segmented .button[aria-pressed='true'] {
    background: var(--mg-accent-soft);
    font-weight: 600;
  }

  ul {
    display: grid;
    gap: 0.9rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .card {
    position: relative;
    padding: 1.2rem 1.4rem 1.1rem;
    border: 1px solid var(--mg-border);
    border-radius: 12px;
    background: var(--mg-surface);
    transition:
      border-color var(--mg-duration),
      box-shadow var(--mg-duration);
  }

  .card:hover {
    border-color: var(--mg-border-strong);
    box-shadow: var(--mg-shadow);
  }

  .card:focus-within {
    border-color: var(--mg-accent);
  }

  .series {
    margin: 0 0 0.35rem;
    font-size: 0.72rem;
    font-weight: 700;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    color: var(--mg-accent);
  }

  h2 {
    margin: 0 0 0.4rem;
    font-family: var(--mg-reading-font);
    font-size: 1.35rem;
    line-height: 1.25;
    font-weight: 700;
  }

  h2 a {
    color: var(--mg-text);
    text-decoration: none;
  }

  /* The whole card is the link's hit area; the link stays the one thing in the tab order. */
  h2 a::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: 12px;
  }

  h2 a:focus-visible {
    outline: none;
  }

  .card:has(h2 a:focus-visible) {
    outline: 2px solid var(--mg-focus);
    outline-offset: 2px;
  }

  .authors {
    margin: 0 0 0.5rem;
    color: var(--mg-text-soft);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.9rem;
    margin: 0;
    font-size: 0.82rem;
    color: var(--mg-muted);
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    margin: 0.75rem 0 0;
    padding: 0;
    list-style: none;
  }

  .tags li {
    padding: 0.1rem 0.55rem;
    border-radius: 999px;
    background: var(--mg-accent-soft);
    font-size: 0.75rem;
    color: var(--mg-text-soft);
  }

  .notes {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    padding: 0.05rem 0.5rem;
    border-radius: 999px;
    background: var(--mg-mark);
    color: var(--mg-mark-text);
    font-weight: 600;
  }

  .message {
    padding: 2.5rem 1rem;
    text-align: center;
    color: var(--mg-muted);
    border: 1px dashed var(--mg-border-strong);
    border-radius: 12px;
  }

  .message.error {
    color: var(--mg-danger);
  }
`;
