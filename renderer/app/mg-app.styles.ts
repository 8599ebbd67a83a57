import { css } from 'lit';

/** The styles of `<mg-app>`. */
export const appStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--mg-bg);
    color: var(--mg-text);
    font-family: var(--mg-ui-font);
  }

  header {
    position: sticky;
    top: 0;
    z-index: 10;
    display: grid;
    grid-template-columns: minmax(9rem, 1fr) minmax(0, 36rem) minmax(9rem, 1fr);
    align-items: center;
    gap: 1rem;
    height: var(--mg-header-height);
    padding: 0 1.25rem;
    border-bottom: 1px solid var(--mg-border);
    background: color-mix(in srgb, var(--mg-bg) 88%, transparent);
    backdrop-filter: saturate(1.4) blur(10px);
  }

  .start,
  .end {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  .end {
    justify-content: flex-end;
  }

  .brand {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.25rem 0.4rem;
    border: 0;
    background: none;
    font-family: var(--mg-reading-font);
    font-size: 1.15rem;
    font-weight: 700;
    letter-spacing: 0.01em;
    color: var(--mg-text);
    cursor: pointer;
  }

  .brand-mark {
    display: inline-grid;
    place-items: center;
    width: 1.6rem;
    height: 1.6rem;
    border-radius: 6px;
    background: var(--mg-accent);
    color: var(--mg-accent-text);
    font-size: 0.95rem;
  }

  .back svg {
    width: 1rem;
    height: 1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .notices {
    max-width: 56rem;
    margin: 1rem auto 0;
    padding: 0 1.5rem;
  }

  .notice {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--mg-border-strong);
    border-left: 4px solid var(--mg-accent);
    border-radius: var(--mg-radius);
    background: var(--mg-surface);
    font-size: 0.9rem;
  }

  .notebook {
    max-width: 56rem;
    margin: 0 auto;
    padding: 2.5rem 1.5rem;
  }

  @media (max-width: 48rem) {
    header {
      grid-template-columns: auto minmax(0, 1fr) auto;
    }
    .brand-name {
      display: none;
    }
  }

  /* Reflow (WCAG 1.4.10): at 320 CSS px every control keeps its size; the search box gets its own row. */
  @media (max-width: 30rem) {
    header {
      grid-template-columns: auto minmax(0, 1fr);
      grid-template-areas: 'start end' 'search search';
      align-content: center;
      column-gap: 0.5rem;
      row-gap: 0.5rem;
      padding: 0 0.75rem;
    }
    .start {
      grid-area: start;
    }
    /* Notes, Sync and Aa share what is left; they wrap rather than push the page sideways. */
    .end {
      grid-area: end;
      min-width: 0;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    mg-search {
      grid-area: search;
    }
  }

  /* The print layout is for paper only; when it is there, paper shows nothing else. */
  mg-print-view,
  mg-notebook-print {
    display: none;
  }
  @media print {
    :host([printing]) {
      min-height: 0;
      background: #fff;
      color: #111;
    }
    :host([printing]) > :not(mg-print-view, mg-notebook-print) {
      display: none !important;
    }
    :host([printing]) > mg-print-view,
    :host([printing]) > mg-notebook-print {
      display: block;
    }
  }
`;
