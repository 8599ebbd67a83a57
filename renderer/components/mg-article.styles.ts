/** The reading typography of `mg-article`: title block, sections, figures, source, bio, search/find marks. */
import { css } from 'lit';

export const articleStyles = css`
  :host {
    display: block;
    font-family: var(--mg-reading-font);
    font-size: var(--mg-font-size, 19px);
    line-height: 1.65;
    color: var(--mg-text);
  }

  article {
    max-width: var(--mg-measure, 68ch);
    margin: 0 auto;
    hyphens: auto;
    font-kerning: normal;
    text-rendering: optimizeLegibility;
  }

  .doc-header {
    margin: 0 0 2.5em;
    padding-bottom: 1.75em;
    border-bottom: 1px solid var(--mg-border);
  }

  .series {
    margin: 0 0 0.75rem;
    font-family: var(--mg-ui-font);
    font-size: 0.8rem;
    font-weight: 600;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    color: var(--mg-accent);
  }

  h1 {
    margin: 0 0 0.6em;
    font-size: 2.1em;
    line-height: 1.18;
    font-weight: 700;
    letter-spacing: -0.01em;
    text-wrap: balance;
    hyphens: manual;
  }

  .byline,
  .dateline {
    margin: 0;
    font-family: var(--mg-ui-font);
    font-size: 0.95rem;
    line-height: 1.5;
  }

  .byline strong {
    font-weight: 600;
  }

  .dateline {
    margin-top: 0.35rem;
    color: var(--mg-muted);
  }

  section {
    scroll-margin-top: calc(var(--mg-header-height) + 1rem);
  }

  h2 {
    margin: 2.2em 0 0.8em;
    font-family: var(--mg-ui-font);
    font-size: 0.85em;
    font-weight: 700;
    letter-spacing: 0.12em;
    line-height: 1.3;
    color: var(--mg-text);
    scroll-margin-top: calc(var(--mg-header-height) + 1.5rem);
  }

  p {
    margin: 0 0 1.05em;
    scroll-margin-top: calc(var(--mg-header-height) + 1.5rem);
  }

  [data-block-id]:focus {
    outline: none;
  }

  [data-block-id]:focus-visible {
    outline: 2px solid var(--mg-focus);
    outline-offset: 6px;
    border-radius: 2px;
  }

  a {
    color: var(--mg-accent);
    text-decoration-thickness: 1px;
    text-underline-offset: 0.18em;
  }

  a:hover {
    text-decoration-thickness: 2px;
  }

  figure {
    margin: 2.2em 0;
    scroll-margin-top: calc(var(--mg-header-height) + 1.5rem);
  }

  .figure-card {
    display: grid;
    place-items: center;
    align-content: center;
    gap: 0.6rem;
    min-height: 9rem;
    /* With min-height, the ratio alone would make the card wider than a narrow window. */
    max-width: 100%;
    aspect-ratio: 16 / 5;
    border-radius: var(--mg-radius);
    border: 1px solid var(--mg-border);
    background:
      linear-gradient(135deg, transparent 0 48%, var(--mg-border) 48% 52%, transparent 52%) 0 0 / 22px 22px,
      var(--mg-figure);
    color: var(--mg-muted);
    font-family: var(--mg-ui-font);
    font-size: 0.8rem;
  }

  .figure-card span {
    padding: 0.25rem 0.6rem;
    border-radius: 999px;
    background: var(--mg-surface);
  }

  .figure-card svg {
    width: 2.25rem;
    height: 2.25rem;
    padding: 0.4rem;
    border-radius: 50%;
    background: var(--mg-surface);
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
  }

  figcaption {
    margin-top: 0.7rem;
    font-family: var(--mg-ui-font);
    font-size: 0.85rem;
    line-height: 1.5;
    color: var(--mg-text-soft);
  }

  figcaption::before {
    content: '▲ ';
    color: var(--mg-accent);
    font-size: 0.75em;
  }

  .credit {
    display: block;
    margin-top: 0.15rem;
    color: var(--mg-muted);
    font-size: 0.8rem;
  }

  .doc-footer {
    margin-top: 3em;
    padding-top: 1.5em;
    border-top: 1px solid var(--mg-border);
  }

  .source {
    font-family: var(--mg-ui-font);
    font-size: 0.9rem;
    color: var(--mg-text-soft);
  }

  .bio {
    margin-top: 2em;
    padding: 1.25em 1.5em 0.4em;
    border-radius: var(--mg-radius);
    background: var(--mg-surface);
    border: 1px solid var(--mg-border);
    font-size: 0.92em;
  }

  .bio h2 {
    margin-top: 0;
  }

  ::highlight(search-match) {
    background-color: var(--mg-mark);
    color: var(--mg-mark-text);
  }

  ::highlight(find-match) {
    background-color: var(--mg-find);
    color: var(--mg-text);
  }

  ::highlight(find-current) {
    background-color: var(--mg-find-current);
    color: #111;
  }
`;
