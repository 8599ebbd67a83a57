import { css } from 'lit';

/** The styles of `<mg-drop-target>`: a veil over the whole window with a dashed frame. */
export const dropTargetStyles = css`
  :host {
    position: fixed;
    inset: 0;
    z-index: 60;
    pointer-events: none;
  }

  :host(:not([active])) {
    display: none;
  }

  .target {
    display: grid;
    place-items: center;
    height: 100%;
    padding: 1.25rem;
    background: color-mix(in srgb, var(--mg-bg) 82%, transparent);
  }

  p {
    display: grid;
    gap: 0.4rem;
    width: 100%;
    height: 100%;
    margin: 0;
    place-content: center;
    border: 3px dashed var(--mg-accent);
    border-radius: 16px;
    color: var(--mg-text);
    font-family: var(--mg-ui-font);
    text-align: center;
  }

  strong {
    font-size: 1.4rem;
  }

  span {
    color: var(--mg-muted);
  }

  @media (forced-colors: active) {
    p {
      border-color: Highlight;
    }
  }
`;
