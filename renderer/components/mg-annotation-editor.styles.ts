/** The look of the annotation editor popover (`mg-annotation-editor`). */
import { css } from 'lit';

export const annotationEditorStyles = css`
  :host {
    position: fixed;
    z-index: 45;
    display: block;
    width: min(24rem, calc(100vw - 1rem));
  }
  .card {
    display: grid;
    gap: 0.75rem;
    padding: 0.9rem 1rem 1rem;
    border: 1px solid var(--mg-border);
    border-radius: 12px;
    background: var(--mg-surface-raised);
    box-shadow: var(--mg-shadow);
    color: var(--mg-text);
    font-family: var(--mg-ui-font);
    font-size: 0.9rem;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .spread {
    justify-content: space-between;
  }
  .quote {
    margin: 0;
    max-height: 3.2em;
    overflow: hidden;
    padding-inline-start: 0.6rem;
    border-inline-start: 3px solid var(--mg-border-strong);
    color: var(--mg-text-soft);
    font-family: var(--mg-reading-font);
    font-size: 0.9rem;
    line-height: 1.5;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
  }
  .tab {
    padding: 0.2rem 0.6rem;
    border: 0;
    border-radius: 6px;
    background: transparent;
    color: var(--mg-muted);
    font-size: 0.8rem;
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    background: var(--mg-accent-soft);
    color: var(--mg-text);
  }
  label {
    font-size: 0.8rem;
    color: var(--mg-muted);
  }
  textarea,
  input {
    width: 100%;
    border: 1px solid var(--mg-border);
    border-radius: var(--mg-radius);
    background: var(--mg-surface);
    color: var(--mg-text);
    font: inherit;
  }
  textarea {
    min-height: 5.5rem;
    padding: 0.5rem 0.6rem;
    resize: vertical;
    line-height: 1.45;
  }
  input {
    min-height: 2rem;
    padding: 0 0.55rem;
  }
  textarea:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--mg-focus);
    outline-offset: 0;
  }
  .preview {
    min-height: 5.5rem;
    padding: 0.5rem 0.6rem;
    border: 1px dashed var(--mg-border);
    border-radius: var(--mg-radius);
    line-height: 1.5;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  .tag {
    display: inline-flex;
    align-items: center;
    gap: 0.2rem;
    padding: 0.1rem 0.2rem 0.1rem 0.55rem;
    border-radius: 999px;
    background: var(--mg-accent-soft);
    font-size: 0.8rem;
  }
  .tag button {
    width: 1.3rem;
    height: 1.3rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--mg-muted);
    cursor: pointer;
    line-height: 1;
  }
  .tag button:hover {
    color: var(--mg-text);
    background: var(--mg-surface);
  }
  .danger {
    color: var(--mg-danger);
  }
  .hint {
    font-size: 0.75rem;
  }
`;
