/** The look of the About sheet (`mg-about-sheet`). */
import { css } from 'lit';
import { sheetStyles } from '../styles/sheet-styles';

export const aboutSheetStyles = [
  sheetStyles,
  css`
    dialog {
      width: min(40rem, 92vw);
      max-height: 85vh;
    }
    h3 {
      margin: 1.25rem 0 0.4rem;
      font-size: 0.95rem;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 0.25rem 0.5rem 0.25rem 0;
      border-bottom: 1px solid var(--mg-border);
      text-align: left;
      vertical-align: top;
    }
    form {
      display: flex;
      justify-content: flex-end;
      margin-top: 1rem;
    }
  `,
];
