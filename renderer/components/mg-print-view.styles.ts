/**
 * The annotated print's own layout (`mg-print-view`): endnotes after the article, or margin notes, for
 * which the text column narrows to about two thirds of the page and each note floats beside the line
 * its passage ends on (the sidenote pattern of Tufte CSS).
 */
import { css } from 'lit';

export const printViewStyles = css`
  .series {
    margin: 0 0 0.2em;
    font:
      700 8pt/1.4 Arial,
      'DejaVu Sans',
      sans-serif;
    text-transform: uppercase;
    letter-spacing: 0.08em;
    color: #444;
  }
  .note-ref {
    font:
      700 7pt/1 Arial,
      'DejaVu Sans',
      sans-serif;
    margin-left: 0.1em;
  }
  .note-ref a {
    text-decoration: none;
  }
  .document-notes,
  .endnotes,
  .orphans {
    font-size: 9.5pt;
  }
  .document-notes {
    margin: 0 0 1.2em;
    padding: 0.4em 0.75em;
    border: 0.75pt solid #999;
  }
  .endnotes ol {
    padding-left: 1.8em;
  }
  .endnotes li,
  .orphans .note,
  .document-notes .note {
    margin: 0 0 0.7em;
    break-inside: avoid;
  }

  /* Margin notes: a narrower column, each note beside its passage. */
  :host([layout='margin']) article {
    width: 64%;
  }
  :host([layout='margin']) header {
    width: 156%;
  }
  .sidenote {
    float: right;
    clear: right;
    width: 48%;
    margin: 0.15em -54% 0.6em 0;
    font-size: 8.5pt;
    line-height: 1.35;
    text-indent: 0;
    break-inside: avoid;
  }
  .sidenote-number {
    float: left;
    margin-right: 0.35em;
    font:
      700 7.5pt/1.5 Arial,
      'DejaVu Sans',
      sans-serif;
  }
  .sidenote mg-markdown {
    display: block;
  }
  .sidenote .tags {
    display: block;
  }
`;
