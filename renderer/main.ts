/**
 * Entry point of the renderer bundle: adopts the page stylesheet (themes), creates the one API client
 * and mounts the app. No inline script or style exists anywhere: the CSP forbids both.
 */
import { createApiClient } from './api-client';
import './app/mg-app';
import { themeTokens } from './styles/theme-tokens';

if (themeTokens.styleSheet)
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeTokens.styleSheet];

const app = document.createElement('mg-app');
app.api = createApiClient();
document.body.append(app);
