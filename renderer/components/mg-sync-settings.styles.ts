/** The look of the sync button and its panel (`mg-sync-settings`). */
import { css } from 'lit';

export const syncSettingsStyles = css`
  :host {
    position: relative;
    display: inline-block;
  }

  .toggle {
    width: auto;
    padding: 0 0.6rem;
    font-size: 0.85rem;
  }

  .panel {
    position: absolute;
    right: 0;
    top: calc(100% + 0.5rem);
    z-index: 20;
    display: grid;
    gap: 0.6rem;
    width: 22rem;
    max-width: calc(100vw - 1rem);
    padding: 1rem;
    border: 1px solid var(--mg-border);
    border-radius: 12px;
    background: var(--mg-surface-raised);
    box-shadow: var(--mg-shadow);
    font-size: 0.875rem;
  }

  h2 {
    margin: 0;
    font-size: 1rem;
  }

  p {
    margin: 0;
  }

  code {
    overflow-wrap: anywhere;
  }

  form {
    display: grid;
    gap: 0.35rem;
  }

  .label {
    margin-top: 0.3rem;
    font-size: 0.72rem;
    font-weight: 700;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    color: var(--mg-muted);
  }

  input {
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--mg-border-strong);
    border-radius: var(--mg-radius);
    background: var(--mg-surface);
    color: var(--mg-text);
    font: inherit;
  }

  form .button {
    margin-top: 0.5rem;
    justify-self: start;
  }

  .row {
    display: flex;
    gap: 0.5rem;
  }

  .devices,
  .problems {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding-inline-start: 1.1rem;
  }

  .problems {
    color: var(--mg-danger);
  }

  .small {
    font-size: 0.78rem;
  }
`;
