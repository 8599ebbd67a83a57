/** The look of the bibliography picker (`mg-bibliography-picker`): a filter and a list of documents to tick. */
import { css } from 'lit';
import { sheetStyles } from '../styles/sheet-styles';

export const bibliographyPickerStyles = [
  sheetStyles,
  css`
    :host {
      display: inline-block;
    }
    dialog {
      width: min(38rem, 92vw);
      max-height: 85vh;
    }
    .select-all,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .actions {
      justify-content: flex-end;
      margin-top: 1rem;
    }
    .actions form {
      margin: 0;
    }
    .documents {
      max-height: 50vh;
      overflow: auto;
      margin: 0.75rem 0 0;
      padding: 0;
      border: 1px solid var(--mg-border);
      border-radius: 8px;
    }
    .document {
      display: flex;
      gap: 0.6rem;
      align-items: flex-start;
      padding: 0.5rem 0.75rem;
      border-bottom: 1px solid var(--mg-border);
      cursor: pointer;
    }
    .document:last-child {
      border-bottom: 0;
    }
    .find {
      box-sizing: border-box;
      width: 100%;
      height: 2.2rem;
      margin-bottom: 0.75rem;
      padding: 0 0.7rem;
      border: 1px solid var(--mg-border);
      border-radius: var(--mg-radius);
      background: var(--mg-surface);
      color: var(--mg-text);
      font: inherit;
    }
    .find::placeholder {
      color: var(--mg-muted);
    }
    .find:focus-visible {
      outline: 2px solid var(--mg-focus);
      outline-offset: 1px;
    }
    .more {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.5rem 0.75rem;
    }
    .document > span {
      display: flex;
      flex-direction: column;
    }
    .title {
      font-weight: 600;
    }
    select {
      font: inherit;
    }
  `,
];
