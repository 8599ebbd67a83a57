import { css } from 'lit';

export const shortcutsSheetStyles = css`
  dialog {
    max-width: min(40rem, calc(100vw - 2rem));
    max-height: calc(100vh - 4rem);
    overflow: auto;
    border: 1px solid var(--mg-border);
    border-radius: 10px;
    background: var(--mg-surface, Canvas);
    color: var(--mg-text, CanvasText);
    padding: 1rem 1.25rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 35%);
  }
  .top {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
  }
  h2 {
    font-size: 1.15rem;
    margin: 0;
  }
  h3 {
    font-size: 0.95rem;
    margin: 1.1rem 0 0.35rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.25rem 0.5rem 0.25rem 0;
    vertical-align: top;
    font-weight: normal;
  }
  td {
    white-space: nowrap;
  }
  kbd {
    font: inherit;
    font-size: 0.9em;
    border: 1px solid var(--mg-border);
    border-radius: 4px;
    padding: 0 0.3em;
  }
  p {
    margin: 0.8rem 0 0;
  }
`;
