/**
 * Entry point of the renderer bundle: adopts the page stylesheet (themes), creates the one API client
 * and mounts the app. No inline script or style exists anywhere: the CSP forbids both.
 */
import { createApiClient } from './api-client';
import { THEME_KEY } from './app/mg-app';
import { themeTokens } from './styles/theme-tokens';

if (themeTokens.styleSheet)
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeTokens.styleSheet];

// Paint the theme of last time at once; the stored preferences confirm or change it a moment later.
const lastTheme = localStorage.getItem(THEME_KEY);
const systemTheme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
document.documentElement.dataset.theme =
  lastTheme === 'light' || lastTheme === 'sepia' || lastTheme === 'dark' ? lastTheme : systemTheme;

const app = document.createElement('mg-app');
app.api = createApiClient();
document.body.append(app);
