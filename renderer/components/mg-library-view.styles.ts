/** The library page (`mg-library-view`): heading, toolbar and the list (each card has its own styles). */
import { css, unsafeCSS } from 'lit';

/**
 * Every row of the list is this tall (its card plus the gap below it), so the list can place any of
 * 100,000 rows without drawing the others; the card clips what would not fit (a third line of title).
 */
export const LIBRARY_ROW_REM = 11.5;

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
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem 1rem;
    margin-bottom: 1.25rem;
  }

  .add {
    margin-inline-start: auto;
    align-self: center;
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

  ul.rows {
    position: relative;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  li.row {
    position: absolute;
    top: 0;
    left: 0;
    right: 0;
    box-sizing: border-box;
    height: ${unsafeCSS(LIBRARY_ROW_REM)}rem;
    padding-bottom: 0.9rem;
    /* The rows drawn above and below the screen are not laid out or painted until they scroll into
       view; each row is its own layout root, so a card that changes lays out alone. */
    content-visibility: auto;
  }

  li.row mg-document-card {
    height: 100%;
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
