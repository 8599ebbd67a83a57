import { css } from 'lit';

/** The styles of `<mg-annotation-toast>`. */
export const annotationToastStyles = css`
  :host {
    position: fixed;
    inset-inline: 0;
    bottom: 1.25rem;
    z-index: 50;
    display: flex;
    justify-content: center;
    pointer-events: none;
  }
  .toast {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.55rem 0.6rem 0.55rem 1rem;
    border-radius: 999px;
    background: var(--mg-text);
    color: var(--mg-bg);
    box-shadow: var(--mg-shadow);
    font-family: var(--mg-ui-font);
    font-size: 0.9rem;
    pointer-events: auto;
    animation: rise var(--mg-duration) ease-out;
  }
  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(6px);
    }
  }
  .action {
    min-height: 2rem;
    padding: 0 0.8rem;
    border: 0;
    border-radius: 999px;
    background: var(--mg-bg);
    color: var(--mg-text);
    font-weight: 600;
    cursor: pointer;
  }
`;
