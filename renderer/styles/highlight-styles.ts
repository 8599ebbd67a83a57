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
  /* The reading cursor's sentence or word: a solid underline in the focus colour, over any highlight. */
  ::highlight(mg-cursor) {
    background-color: var(--mg-cursor, rgb(47 111 214 / 14%));
    text-decoration-line: underline;
    text-decoration-style: solid;
    text-decoration-thickness: 3px;
    text-decoration-color: var(--mg-focus, #2f6fd6);
    text-underline-offset: 0.25em;
  }
  /*
   * Forced colours (Windows High Contrast) drop background colours from highlights. Each colour keeps
   * the system's Mark colours and an underline of its own style, so the five stay told apart; the
   * cursor is underlined in the system Highlight colour.
   */
  @media (forced-colors: active) {
    ::highlight(mg-hl-yellow),
    ::highlight(mg-hl-green),
    ::highlight(mg-hl-blue),
    ::highlight(mg-hl-pink),
    ::highlight(mg-hl-purple) {
      background-color: Mark;
      color: MarkText;
      text-decoration-line: underline;
      text-decoration-color: MarkText;
      text-decoration-thickness: 2px;
      text-underline-offset: 0.2em;
    }
    ::highlight(mg-hl-yellow) {
      text-decoration-style: solid;
    }
    ::highlight(mg-hl-green) {
      text-decoration-style: double;
    }
    ::highlight(mg-hl-blue) {
      text-decoration-style: dashed;
    }
    ::highlight(mg-hl-pink) {
      text-decoration-style: wavy;
    }
    ::highlight(mg-hl-purple) {
      text-decoration-style: dotted;
    }
    ::highlight(mg-hl-note) {
      text-decoration-color: CanvasText;
    }
    /* The cursor must not look like a highlight: no fill, a thick underline in the focus colour. */
    ::highlight(mg-cursor),
    ::highlight(mg-reading-aloud),
    ::highlight(mg-hl-flash) {
      background-color: Canvas;
      color: CanvasText;
      text-decoration-line: underline;
      text-decoration-style: solid;
      text-decoration-thickness: 4px;
      text-decoration-color: Highlight;
    }
  }
  /* The sentence being read aloud. */
  ::highlight(mg-reading-aloud) {
    background-color: var(--mg-hl-flash, rgb(47 111 214 / 22%));
    text-decoration-line: underline;
    text-decoration-thickness: 2px;
    text-decoration-color: var(--mg-focus, #2f6fd6);
  }
  ::highlight(mg-hl-flash) {
    background-color: var(--mg-hl-flash, rgb(47 111 214 / 28%));
    text-decoration-line: underline;
    text-decoration-thickness: 2px;
    text-decoration-color: var(--mg-focus, #2f6fd6);
  }
`;

/**
 * Round colour buttons (`<button class="swatch" data-color="yellow">`), used by the menu, the editor
 * and the notebook, and colour bars beside quotes in lists. Swatches show the colour stronger than
 * the highlight paints it, so the five are easy to tell apart at a glance.
 */
export const swatchStyles = css`
  .swatch,
  .color-bar,
  .color-dot {
    --swatch: var(--mg-hl-note, rgb(42 93 143 / 80%));
  }
  [data-color='yellow'] {
    --swatch: rgb(234 179 8);
  }
  [data-color='green'] {
    --swatch: rgb(34 197 94);
  }
  [data-color='blue'] {
    --swatch: rgb(59 130 246);
  }
  [data-color='pink'] {
    --swatch: rgb(236 72 153);
  }
  [data-color='purple'] {
    --swatch: rgb(139 92 246);
  }
  .swatch {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 1.6rem;
    height: 1.6rem;
    margin: 0.15rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: color-mix(in srgb, var(--swatch) 62%, var(--mg-surface));
    box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--swatch) 85%, black);
    cursor: pointer;
    transition: transform var(--mg-duration);
  }
  .swatch:hover {
    transform: scale(1.1);
  }
  .swatch[aria-checked='true'] {
    box-shadow:
      inset 0 0 0 1px color-mix(in srgb, var(--swatch) 85%, black),
      0 0 0 2px var(--mg-surface-raised),
      0 0 0 4px var(--mg-text);
  }
  .swatch[data-color='none'] {
    background: transparent;
    box-shadow: inset 0 0 0 1.5px var(--mg-border-strong);
    color: var(--mg-muted);
    font-size: 0.8rem;
    text-decoration: underline dotted;
  }
  .swatch[data-color='none'][aria-checked='true'] {
    box-shadow:
      inset 0 0 0 1.5px var(--mg-border-strong),
      0 0 0 2px var(--mg-surface-raised),
      0 0 0 4px var(--mg-text);
  }
  /* Forced colours would paint every swatch the same: they keep their colour, with a system outline. */
  @media (forced-colors: active) {
    .swatch,
    .color-bar,
    .color-dot {
      forced-color-adjust: none;
      border: 1px solid CanvasText;
    }
    .swatch[aria-checked='true'] {
      outline: 3px solid Highlight;
      outline-offset: 2px;
    }
    .swatch[data-color='none'] {
      forced-color-adjust: auto;
    }
  }
  .color-bar {
    width: 4px;
    flex: none;
    border-radius: 2px;
    background: var(--swatch);
  }
  /* A small dot of the colour before a label ("yours" in search results). */
  .color-dot {
    display: inline-block;
    width: 0.6rem;
    height: 0.6rem;
    margin-inline-end: 0.4rem;
    border-radius: 50%;
    background: var(--swatch);
  }
`;
