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
  }

  @media (prefers-reduced-motion: reduce) {
    :root {
      --mg-duration: 0ms;
    }
  }

  html {
    background: var(--mg-bg);
    color: var(--mg-text);
    font-family: var(--mg-ui-font);
    -webkit-text-size-adjust: 100%;
    scroll-padding-top: calc(var(--mg-header-height) + 1rem);
  }

  body {
    margin: 0;
    min-height: 100vh;
  }
`;
