/**
 * The look every modal sheet shares (About, the bibliography picker, the export template): a raised
 * card over a dimmed page. A sheet sets only its own width and height beside these.
 */
import { css } from 'lit';

export const sheetStyles = css`
  dialog {
    padding: 1.25rem 1.5rem;
    border: 1px solid var(--mg-border);
    border-radius: 12px;
    background: var(--mg-surface-raised);
    color: var(--mg-text);
    box-shadow: var(--mg-shadow);
    font-family: var(--mg-ui-font);
    font-size: 0.875rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 35%);
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.2rem;
  }
`;
