/** The look of the About sheet (`mg-about-sheet`). */
import { css } from 'lit';

export const aboutSheetStyles = css`
  dialog {
    width: min(40rem, 92vw);
    max-height: 85vh;
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
`;
