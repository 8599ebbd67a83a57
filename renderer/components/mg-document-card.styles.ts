import { css } from 'lit';

/** The styles of `<mg-document-card>`: one document of the library. */
export const documentCardStyles = css`
  :host {
    display: block;
  }

  article {
    margin: 0;
  }

  /* In the library's rows the card fills its row; the host's height says how tall that is. */
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    height: 100%;
    overflow: hidden;
    padding: 1.1rem 1.4rem 1rem;
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
    margin: 0 0 0.25rem;
    font-size: 0.72rem;
    font-weight: 700;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    color: var(--mg-accent);
  }

  h2 {
    margin: 0 0 0.3rem;
    font-family: var(--mg-reading-font);
    font-size: 1.35rem;
    line-height: 1.25;
    font-weight: 700;
  }

  h2 a {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
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
    margin: 0 0 0.35rem;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    color: var(--mg-text-soft);
  }

  /*
   * Date, publisher, reading time, notes and tags share the card's last line, whatever the card's
   * height above them; what does not fit on that one line is left out of view (rows have one height).
   */
  .facts {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.9rem;
    max-height: 1.6rem;
    margin-top: auto;
    overflow: hidden;
  }

  /* Clear of the Remove button in the card's top corner. */
  .yours h2 {
    padding-right: 5.5rem;
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
    flex-wrap: nowrap;
    overflow: hidden;
    gap: 0.35rem;
    margin: 0;
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

  .kind {
    padding: 0.05rem 0.5rem;
    border: 1px solid var(--mg-border-strong);
    border-radius: 999px;
    color: var(--mg-text-soft);
    font-weight: 600;
  }

  /* Above the title link's card-wide hit area, so it can be pressed. */
  .remove {
    position: absolute;
    top: 1rem;
    right: 1rem;
    z-index: 1;
    min-height: 2rem;
  }
`;
