/** The notebook print's own layout (`mg-notebook-print`): one item per note, never split across pages. */
import { css } from 'lit';

export const notebookPrintStyles = css`
  .group {
    margin-top: 1.2em;
  }
  .item {
    margin: 0 0 0.9em;
    break-inside: avoid;
  }
  .where {
    margin: 0.1em 0 0.2em;
    font-size: 9pt;
    color: #333;
  }
`;
