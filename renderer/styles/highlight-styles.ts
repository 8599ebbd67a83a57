/**
 * The look of highlights. The colours are translucent so that overlapping highlights mix and both
 * stay visible, and each theme tunes them through `--mg-hl-*` tokens (see `theme-tokens.ts`); the
 * fallbacks below are the light theme's.
 */
import { css } from 'lit';

/** `::highlight()` rules: must live in the shadow root that renders the article's text. */
export const highlightStyles = css`
  ::highlight(mg-hl-yellow) {
    background-color: var(--mg-hl-yellow, rgb(250 204 21 / 42%));
  }
  ::highlight(mg-hl-green) {
    background-color: var(--mg-hl-green, rgb(74 222 128 / 36%));
  }
  ::highlight(mg-hl-blue) {
    background-color: var(--mg-hl-blue, rgb(96 165 250 / 34%));
  }
  ::highlight(mg-hl-pink) {
    background-color: var(--mg-hl-pink, rgb(244 114 182 / 32%));
  }
  ::highlight(mg-hl-purple) {
    background-color: var(--mg-hl-purple, rgb(167 139 250 / 36%));
  }
  /* A note without a colour: underlined, so it is findable without shouting. */
  ::highlight(mg-hl-note) {
    text-decoration-line: underline;
    text-decoration-style: dotted;
    text-decoration-thickness: 2px;
    text-decoration-color: var(--mg-hl-note, rgb(42 93 143 / 80%));
    text-underline-offset: 0.2em;
  }
  ::highlight(mg-hl-flash) {
    background-color: var(--mg-hl-flash, rgb(47 111 214 / 28%));
    text-decoration-line: underline;
    text-decoration-thickness: 2px;
    text-decoration-color: var(--mg-focus, #2f6fd6);
  }
`;

/** Round colour buttons (`<button class="swatch" data-color="yellow">`), used by the menu and the editor. */
export const swatchStyles = css`
  .swatch {
    --swatch: var(--mg-hl-yellow, rgb(250 204 21 / 42%));
    display: inline-grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    margin: 0.1rem;
    padding: 0;
    border: 2px solid transparent;
    border-radius: 50%;
    background: linear-gradient(var(--swatch), var(--swatch)), var(--mg-surface);
    box-shadow: inset 0 0 0 1px rgb(0 0 0 / 12%);
    cursor: pointer;
    transition: transform var(--mg-duration);
  }
  .swatch:hover {
    transform: scale(1.08);
  }
  .swatch[aria-checked='true'] {
    border-color: var(--mg-text);
  }
  .swatch[data-color='green'] {
    --swatch: var(--mg-hl-green, rgb(74 222 128 / 36%));
  }
  .swatch[data-color='blue'] {
    --swatch: var(--mg-hl-blue, rgb(96 165 250 / 34%));
  }
  .swatch[data-color='pink'] {
    --swatch: var(--mg-hl-pink, rgb(244 114 182 / 32%));
  }
  .swatch[data-color='purple'] {
    --swatch: var(--mg-hl-purple, rgb(167 139 250 / 36%));
  }
  .swatch[data-color='none'] {
    --swatch: transparent;
    border-style: dashed;
    border-color: var(--mg-border-strong);
  }
  .swatch[data-color='none'][aria-checked='true'] {
    border-style: solid;
    border-color: var(--mg-text);
  }
  /* A colour chip beside a quote in lists. */
  .color-bar {
    --swatch: var(--mg-hl-note, rgb(42 93 143 / 80%));
    width: 4px;
    flex: none;
    border-radius: 2px;
    background: var(--swatch);
  }
  .color-bar[data-color='yellow'] {
    --swatch: var(--mg-hl-yellow-strong, rgb(234 179 8));
  }
  .color-bar[data-color='green'] {
    --swatch: var(--mg-hl-green-strong, rgb(34 197 94));
  }
  .color-bar[data-color='blue'] {
    --swatch: var(--mg-hl-blue-strong, rgb(59 130 246));
  }
  .color-bar[data-color='pink'] {
    --swatch: var(--mg-hl-pink-strong, rgb(236 72 153));
  }
  .color-bar[data-color='purple'] {
    --swatch: var(--mg-hl-purple-strong, rgb(139 92 246));
  }
`;
