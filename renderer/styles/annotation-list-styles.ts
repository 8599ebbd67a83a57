/**
 * The look of a list of highlights and notes and of its items (`mg-annotation-item`, which renders
 * into the list's tree), shared by the notes panel and the notebook.
 */
import { css } from 'lit';

export const annotationListStyles = css`
  .items {
    display: grid;
    gap: 0.6rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  mg-annotation-item {
    display: flex;
    gap: 0.65rem;
    padding: 0.6rem 0.7rem;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    background: var(--mg-bg);
  }
  .body {
    display: grid;
    gap: 0.35rem;
    min-width: 0;
    flex: 1;
  }
  .quote {
    margin: 0;
    font-family: var(--mg-reading-font);
    font-size: 0.92rem;
    line-height: 1.5;
    color: var(--mg-text);
    display: -webkit-box;
    -webkit-line-clamp: 4;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .quote-button {
    padding: 0;
    border: 0;
    background: none;
    text-align: start;
    cursor: pointer;
  }
  .quote-button:hover {
    color: var(--mg-accent);
  }
  .orphan-label {
    margin: 0;
    font-size: 0.78rem;
    color: var(--mg-danger);
  }
  mg-markdown {
    font-size: 0.88rem;
    line-height: 1.5;
    color: var(--mg-text-soft);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem;
    font-size: 0.78rem;
  }
  .tag {
    padding: 0.05rem 0.5rem;
    border-radius: 999px;
    background: var(--mg-accent-soft);
    color: var(--mg-text-soft);
  }
  .link-button {
    margin-inline-start: auto;
    padding: 0.1rem 0.3rem;
    border: 0;
    border-radius: 4px;
    background: none;
    color: var(--mg-accent);
    font-size: 0.78rem;
    cursor: pointer;
  }
  .link-button:hover {
    text-decoration: underline;
  }

  /* In the notes panel: smaller, to fit the side column. */
  mg-annotation-item[variant='panel'] {
    gap: 0.55rem;
    padding: 0.5rem 0.55rem;
  }
  mg-annotation-item[variant='panel'] .quote {
    font-size: 0.85rem;
    -webkit-line-clamp: 3;
  }
  mg-annotation-item[variant='panel'] mg-markdown {
    font-size: 0.82rem;
  }

  /* In the notebook: the whole quote opens the document, and tags are buttons. */
  mg-annotation-item[variant='notebook'] {
    background: var(--mg-surface);
  }
  .open {
    display: grid;
    gap: 0.35rem;
    width: 100%;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    text-align: start;
    cursor: pointer;
  }
  .open:hover .quote {
    color: var(--mg-accent);
  }
  .doc-note {
    font-size: 0.78rem;
    font-style: italic;
  }
  .tag-button {
    border: 0;
    font: inherit;
    cursor: pointer;
  }
  .tag-button:hover {
    color: var(--mg-text);
    text-decoration: underline;
  }
`;
