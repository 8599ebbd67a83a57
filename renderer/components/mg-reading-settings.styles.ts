/** The look of the reading settings button and its panel (`mg-reading-settings`). */
import { css } from 'lit';

export const readingSettingsStyles = css`
  :host {
    position: relative;
    display: inline-block;
  }

  .toggle {
    font-family: var(--mg-reading-font);
    font-size: 1rem;
    width: auto;
    padding: 0 0.6rem;
  }

  .panel {
    position: absolute;
    right: 0;
    top: calc(100% + 0.5rem);
    z-index: 20;
    width: 18rem;
    padding: 1rem;
    border: 1px solid var(--mg-border);
    border-radius: 12px;
    background: var(--mg-surface-raised);
    box-shadow: var(--mg-shadow);
    font-size: 0.875rem;
  }

  fieldset {
    margin: 0 0 1rem;
    padding: 0;
    border: 0;
  }

  legend,
  .label {
    display: block;
    margin-bottom: 0.45rem;
    font-size: 0.72rem;
    font-weight: 700;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    color: var(--mg-muted);
  }

  .themes {
    display: grid;
    grid-template-columns: repeat(4, 1fr);
    gap: 0.35rem;
  }

  .theme {
    position: relative;
    display: grid;
    justify-items: center;
    gap: 0.3rem;
    padding: 0.45rem 0.2rem;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    cursor: pointer;
    font-size: 0.78rem;
  }

  .theme:has(input:checked) {
    border-color: var(--mg-accent);
    background: var(--mg-accent-soft);
  }

  .theme:has(input:focus-visible) {
    outline: 2px solid var(--mg-focus);
    outline-offset: 2px;
  }

  /* The real radio covers its whole tile, invisible: clicks and keys go straight to it. */
  .theme input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .swatch {
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    border: 1px solid var(--mg-border-strong);
  }

  .swatch.system {
    background: linear-gradient(135deg, #fbfaf7 50%, #15171b 50%);
  }
  .swatch.light {
    background: #fbfaf7;
  }
  .swatch.sepia {
    background: #f5edda;
  }
  .swatch.dark {
    background: #15171b;
  }

  .stepper {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 1rem;
  }

  .stepper output {
    font-variant-numeric: tabular-nums;
    color: var(--mg-text-soft);
  }

  .small {
    font-size: 0.8rem;
  }

  .large {
    font-size: 1.15rem;
  }

  .range {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 0.5rem;
  }

  input[type='range'] {
    width: 100%;
    accent-color: var(--mg-accent);
  }

  label[for='citation-style'],
  label[for='print-notes'] {
    margin-top: 1rem;
  }
  .citation-style,
  #print-notes {
    width: 100%;
    min-height: 2rem;
    padding: 0 0.4rem;
    border: 1px solid var(--mg-border);
    border-radius: 8px;
    background: var(--mg-surface-raised);
    color: var(--mg-text);
    font: inherit;
  }
  .about,
  .template {
    width: 100%;
    margin-top: 1rem;
  }
`;
