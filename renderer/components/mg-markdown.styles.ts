/** The look of a note's formatted text (`mg-markdown`). */
import { css } from 'lit';

export const markdownStyles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
  }
  :host([compact]) p,
  :host([compact]) ul,
  :host([compact]) ol,
  :host([compact]) blockquote,
  :host([compact]) pre {
    margin-block: 0.3em;
  }
  p,
  ul,
  ol,
  blockquote,
  pre {
    margin-block: 0.55em;
  }
  :first-child {
    margin-block-start: 0;
  }
  :last-child {
    margin-block-end: 0;
  }
  ul,
  ol {
    padding-inline-start: 1.4em;
  }
  blockquote {
    margin-inline: 0;
    padding-inline-start: 0.8em;
    border-inline-start: 3px solid var(--mg-border-strong);
    color: var(--mg-text-soft);
  }
  code,
  pre {
    font-family: ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace;
    font-size: 0.88em;
    background: var(--mg-figure);
    border-radius: 4px;
  }
  code {
    padding: 0.05em 0.3em;
  }
  pre {
    padding: 0.6em 0.8em;
    overflow-x: auto;
    white-space: pre-wrap;
  }
  .heading {
    font-weight: 650;
  }
  hr {
    margin-block: 0.55em;
    border: none;
    border-block-start: 1px solid var(--mg-border-strong);
  }
  a {
    color: var(--mg-accent);
    text-underline-offset: 0.15em;
  }
  a:focus-visible {
    outline: 2px solid var(--mg-focus);
    outline-offset: 1px;
    border-radius: 2px;
  }
`;
