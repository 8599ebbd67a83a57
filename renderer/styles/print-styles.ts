/**
 * The paper look both prints share (`mg-print-view` and `mg-notebook-print`): black serif text on white
 * whatever the theme, the citation at the top, and highlights that survive a greyscale printer: each
 * colour is a light shade plus an underline style of its own (solid, double, dashed, wavy, dotted, the
 * same pairs as forced colours use on screen), so the five stay told apart without colour. Page size,
 * margins and page numbers are `@page` rules, which only the document's own sheet can hold
 * (`renderer/first-paint.css`).
 */
import { css } from 'lit';

export const printStyles = css`
  :host {
    /* The theme's tokens, for what is drawn inside (notes in Markdown): paper colours in every theme. */
    --mg-text: #111;
    --mg-text-soft: #333;
    --mg-accent: #111;
    --mg-border: #999;
    --mg-border-strong: #777;
    --mg-figure: #eee;
    display: block;
    color: #111;
    background: #fff;
    font:
      10.5pt/1.45 Georgia,
      'DejaVu Serif',
      'Times New Roman',
      serif;
    print-color-adjust: exact;
    -webkit-print-color-adjust: exact;
  }
  h1,
  h2,
  h3 {
    font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif;
    line-height: 1.2;
    break-after: avoid;
    page-break-after: avoid;
  }
  h1 {
    font-size: 19pt;
    margin: 0 0 0.3em;
  }
  h2 {
    font-size: 12.5pt;
    margin: 1.3em 0 0.4em;
  }
  h3 {
    font-size: 11pt;
    margin: 1em 0 0.3em;
  }
  p {
    margin: 0 0 0.6em;
    orphans: 3;
    widows: 3;
  }
  a {
    color: inherit;
  }
  .meta {
    margin: 0 0 0.8em;
    color: #333;
  }
  .cite-as {
    margin: 0 0 1.2em;
    padding: 0.5em 0.75em;
    border-left: 3pt solid #555;
    background: #f1f1f1;
    font-size: 9.5pt;
    break-inside: avoid;
  }
  .cite-as .label {
    display: block;
    font:
      700 7.5pt/1.4 Arial,
      'DejaVu Sans',
      sans-serif;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: #444;
  }
  mark {
    color: inherit;
    padding: 0;
    text-decoration-line: underline;
    text-decoration-thickness: 1.2pt;
    text-underline-offset: 0.18em;
    text-decoration-skip-ink: none;
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
  }
  mark[data-color='yellow'] {
    background: #fbef9d;
    text-decoration-style: solid;
    text-decoration-color: #8a6d00;
  }
  mark[data-color='green'] {
    background: #ccf0d5;
    text-decoration-style: double;
    text-decoration-color: #1e6b34;
  }
  mark[data-color='blue'] {
    background: #d5e5fb;
    text-decoration-style: dashed;
    text-decoration-color: #1f4f99;
  }
  mark[data-color='pink'] {
    background: #fbd9ea;
    text-decoration-style: wavy;
    text-decoration-thickness: 1pt;
    text-decoration-color: #9c2461;
  }
  mark[data-color='purple'] {
    background: #e6defc;
    text-decoration-style: dotted;
    text-decoration-thickness: 1.6pt;
    text-decoration-color: #5536a8;
  }
  mark:not([data-color]) {
    background: none;
    text-decoration-style: dotted;
    text-decoration-color: #333;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em 1.2em;
    margin: 0 0 1.2em;
    font:
      8.5pt/1.4 Arial,
      'DejaVu Sans',
      sans-serif;
    color: #333;
  }
  .tags {
    font:
      8.5pt/1.4 Arial,
      'DejaVu Sans',
      sans-serif;
    color: #444;
  }
  blockquote {
    margin: 0 0 0.4em;
    padding-left: 0.8em;
    border-left: 1.5pt solid #999;
  }
  figure {
    margin: 0.8em 0;
    break-inside: avoid;
    page-break-inside: avoid;
  }
  figcaption {
    font-size: 9pt;
    color: #333;
  }
  .credit {
    display: block;
    font-size: 8pt;
    color: #555;
  }
  mg-markdown {
    font-size: inherit;
  }
`;
