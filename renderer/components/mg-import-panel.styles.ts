import { css } from 'lit';

/** The styles of `<mg-import-panel>`: a card at the foot of the window, above the toasts. */
export const importPanelStyles = css`
  :host {
    position: fixed;
    inset-inline-end: 1.25rem;
    bottom: 4.5rem;
    z-index: 40;
    width: min(30rem, calc(100vw - 2.5rem));
    font-family: var(--mg-ui-font);
  }

  section {
    max-height: min(24rem, 60vh);
    overflow: auto;
    padding: 0.6rem 0.8rem 0.8rem;
    border: 1px solid var(--mg-border-strong);
    border-radius: 12px;
    background: var(--mg-surface-raised);
    color: var(--mg-text);
    box-shadow: var(--mg-shadow);
  }

  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }

  h2 {
    margin: 0;
    font-size: 0.95rem;
    font-weight: 650;
  }

  ul {
    display: grid;
    gap: 0.6rem;
    margin: 0.4rem 0 0;
    padding: 0;
    list-style: none;
  }

  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.6rem;
    padding-top: 0.6rem;
    border-top: 1px solid var(--mg-border);
    font-size: 0.875rem;
  }

  li:first-child {
    padding-top: 0;
    border-top: 0;
  }

  .name {
    flex: 1 1 100%;
    overflow: hidden;
    font-weight: 600;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .line {
    flex: 1 1 12rem;
    overflow-wrap: anywhere;
  }

  .done {
    color: var(--mg-accent);
    font-weight: 600;
  }

  .refused {
    color: var(--mg-danger);
  }

  .progress {
    display: flex;
    flex: 1 1 12rem;
    align-items: center;
    gap: 0.5rem;
  }

  progress {
    flex: 1 1 auto;
    min-width: 6rem;
    height: 0.5rem;
    accent-color: var(--mg-accent);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }

  .button {
    min-height: 2rem;
  }
`;
