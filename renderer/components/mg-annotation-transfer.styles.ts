/** The look of the export and import buttons (`mg-annotation-transfer`). */
import { css } from 'lit';

export const annotationTransferStyles = css`
  :host {
    display: block;
  }
  :host([compact]) {
    display: grid;
    gap: 0.4rem;
  }
  .actions {
    display: flex;
    gap: 0.4rem;
  }
  :host(:not([compact])) {
    display: grid;
    gap: 0.5rem;
  }
  .actions[role='group'] {
    align-items: center;
  }
  :host([compact]) .actions {
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem;
  }
  .label {
    margin-inline-end: 0.15rem;
    font-size: 0.78rem;
  }
  .small {
    min-height: 1.9rem;
    padding: 0 0.6rem;
    font-size: 0.8rem;
  }
`;
