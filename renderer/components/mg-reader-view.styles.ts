/** The reader's three columns (contents, text, side panels), collapsing to one on narrow windows. */
import { css } from 'lit';

export const readerViewStyles = css`
  :host {
    display: block;
  }

  /* How far through the document: a hairline under the header, driven by the page's own scroll
     (a scroll-driven animation: no script runs while reading). */
  .progress {
    position: fixed;
    top: var(--mg-header-height);
    left: 0;
    right: 0;
    z-index: 9;
    height: 2px;
    background: var(--mg-accent);
    opacity: 0.7;
    transform-origin: 0 50%;
    transform: scaleX(0);
    animation: mg-reading-progress linear both;
    animation-timeline: scroll(root block);
  }

  @keyframes mg-reading-progress {
    to {
      transform: scaleX(1);
    }
  }

  .layout {
    display: grid;
    grid-template-columns: 13rem minmax(0, 1fr) 16rem;
    gap: 3rem;
    max-width: 92rem;
    margin: 0 auto;
    padding: 0 2rem;
  }

  .toc-column,
  aside {
    position: sticky;
    top: var(--mg-header-height);
    align-self: start;
    max-height: calc(100vh - var(--mg-header-height));
    overflow: auto;
    padding: 2.75rem 0 2rem;
  }

  aside {
    display: grid;
    gap: 1rem;
  }

  main {
    min-width: 0;
    padding: 2.5rem 0 8rem;
  }

  main:focus {
    outline: none;
  }

  .find {
    position: sticky;
    top: calc(var(--mg-header-height) + 0.5rem);
    z-index: 5;
    max-width: 34rem;
    margin: -1rem auto 1.5rem;
  }

  .message {
    max-width: 34rem;
    margin: 4rem auto;
    text-align: center;
    color: var(--mg-muted);
  }

  .message.error {
    color: var(--mg-danger);
  }

  @media (max-width: 75rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
      padding: 0 1.25rem;
    }

    .toc-column,
    aside {
      position: static;
      max-height: none;
      padding: 1.5rem 0 0;
    }

    .toc-column {
      order: -1;
    }
  }
`;
