/** The look of the export template sheet (`mg-export-template-sheet`): the template beside its preview. */
import { css } from 'lit';
import { sheetStyles } from '../styles/sheet-styles';

export const exportTemplateSheetStyles = [
  sheetStyles,
  css`
    dialog {
      width: min(64rem, 94vw);
      max-height: 90vh;
    }
    code {
      font-size: 0.8rem;
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 1rem;
      margin-top: 0.75rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
      min-width: 0;
    }
    .label {
      font-weight: 600;
    }
    textarea,
    .preview {
      height: 22rem;
      margin: 0;
      padding: 0.5rem;
      border: 1px solid var(--mg-border);
      border-radius: 8px;
      background: var(--mg-surface);
      color: var(--mg-text);
      font:
        0.8rem/1.45 ui-monospace,
        'DejaVu Sans Mono',
        monospace;
      overflow: auto;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    textarea {
      resize: vertical;
    }
    select {
      font: inherit;
    }
    .status {
      margin: 0.75rem 0 0;
    }
    .problem {
      color: var(--mg-danger, #b3261e);
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1rem;
    }
    .actions form {
      margin: 0;
    }
  `,
];
