/**
 * The page-level stylesheet: the colour tokens of each theme, set on `<html data-theme="…">` by
 * `mg-app`. Custom properties inherit into every shadow root, so elements only ever use `var(--mg-…)`.
 * Adopted as a constructable stylesheet: the CSP allows no inline `<style>`.
 */
import { css } from 'lit';

export const themeTokens = css`
  :root {
    color-scheme: light;
    --mg-ui-font: system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, Cantarell, 'Noto Sans', sans-serif;
    --mg-reading-font:
      Charter, 'Bitstream Charter', 'Iowan Old Style', 'Source Serif Pro', 'Noto Serif', Georgia,
      'DejaVu Serif', serif;
    --mg-header-height: 3.5rem;
    --mg-radius: 8px;
    --mg-duration: 160ms;

    --mg-bg: #fbfaf7;
    --mg-surface: #ffffff;
    --mg-surface-raised: #ffffff;
    --mg-text: #1d2126;
    --mg-text-soft: #3a4048;
    --mg-muted: #5a616b;
    --mg-border: #e2dfd8;
    --mg-border-strong: #c9c5bc;
    --mg-accent: #2a5d8f;
    --mg-accent-soft: #e8f0f8;
    --mg-accent-text: #ffffff;
    --mg-focus: #2f6fd6;
    --mg-mark: #fbe38e;
    --mg-mark-text: #1d2126;
    --mg-find: #ffe9a8;
    --mg-find-current: #f59e0b;
    --mg-figure: #f1efe9;
    --mg-shadow: 0 1px 2px rgb(20 20 20 / 6%), 0 8px 24px rgb(20 20 20 / 8%);
    --mg-danger: #a4262c;

    /* Highlights (Pen UI): translucent, so overlapping highlights mix and both stay visible. */
    --mg-hl-yellow: rgb(250 204 21 / 42%);
    --mg-hl-green: rgb(74 222 128 / 36%);
    --mg-hl-blue: rgb(96 165 250 / 34%);
    --mg-hl-pink: rgb(244 114 182 / 32%);
    --mg-hl-purple: rgb(167 139 250 / 36%);
    --mg-hl-note: rgb(42 93 143 / 80%);
  }

  :root[data-theme='sepia'] {
    --mg-bg: #f5edda;
    --mg-surface: #f9f3e4;
    --mg-surface-raised: #fbf6ea;
    --mg-text: #3b2e1e;
    --mg-text-soft: #4a3b28;
    --mg-muted: #6a5840;
    --mg-border: #e0d2b4;
    --mg-border-strong: #c9b68f;
    --mg-accent: #8a4a12;
    --mg-accent-soft: #efe1c3;
    --mg-accent-text: #fffaf0;
    --mg-focus: #9a5a17;
    --mg-mark: #f0c95e;
    --mg-mark-text: #2e2416;
    --mg-find: #f3d88c;
    --mg-find-current: #d9822b;
    --mg-figure: #ede2c8;
    --mg-shadow: 0 1px 2px rgb(60 40 10 / 8%), 0 8px 24px rgb(60 40 10 / 10%);
    --mg-danger: #9b2c1f;

    --mg-hl-yellow: rgb(236 178 0 / 38%);
    --mg-hl-green: rgb(90 180 90 / 34%);
    --mg-hl-blue: rgb(64 128 224 / 32%);
    --mg-hl-pink: rgb(220 100 150 / 30%);
    --mg-hl-purple: rgb(150 110 210 / 30%);
    --mg-hl-note: rgb(138 74 18 / 80%);
  }

  :root[data-theme='dark'] {
    color-scheme: dark;
    --mg-bg: #15171b;
    --mg-surface: #1c1f24;
    --mg-surface-raised: #23272d;
    --mg-text: #e6e3dc;
    --mg-text-soft: #d2cfc8;
    --mg-muted: #a4a8ae;
    --mg-border: #2f343b;
    --mg-border-strong: #464c55;
    --mg-accent: #8fbbe8;
    --mg-accent-soft: #243444;
    --mg-accent-text: #10161d;
    --mg-focus: #8fbbe8;
    --mg-mark: #6b5a12;
    --mg-mark-text: #fff6d5;
    --mg-find: #5a4a10;
    --mg-find-current: #c77d12;
    --mg-figure: #22262c;
    --mg-shadow: 0 1px 2px rgb(0 0 0 / 40%), 0 8px 24px rgb(0 0 0 / 35%);
    --mg-danger: #f08c84;

    --mg-hl-yellow: rgb(234 179 8 / 34%);
    --mg-hl-green: rgb(34 197 94 / 30%);
    --mg-hl-blue: rgb(59 130 246 / 36%);
    --mg-hl-pink: rgb(236 72 153 / 34%);
    --mg-hl-purple: rgb(139 92 246 / 40%);
    --mg-hl-note: rgb(143 187 232 / 85%);
    --mg-hl-flash: rgb(143 187 232 / 30%);
  }

  @media (prefers-reduced-motion: reduce) {
    :root {
      --mg-duration: 0ms;
    }
  }

  /* A narrow window (a phone-sized window, or 400% zoom): the header takes two rows, search below. */
  @media (max-width: 30rem) {
    :root {
      --mg-header-height: 6.25rem;
    }
  }

  html {
    background: var(--mg-bg);
    color: var(--mg-text);
    font-family: var(--mg-ui-font);
    -webkit-text-size-adjust: 100%;
    /* No scroll-padding-top here: it would make the sticky header itself count as out of view, and
       focusing one of its buttons would scroll the page. Blocks carry scroll-margin-top instead. */
  }

  /* Paper is white whatever the theme (the print layouts set their own text colours). */
  @media print {
    html {
      background: #fff;
    }
  }

  body {
    margin: 0;
    min-height: 100vh;
  }
`;
