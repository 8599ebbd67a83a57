/**
 * The renderer's one way to reach Margin. In Electron the preload bridge exposes `window.margin`
 * (an object implementing MarginApi); in a browser the same calls go to the local host over HTTP
 * (`http-client.ts`) with the per-launch token. Nothing else in the renderer knows which is in use.
 */
import type { MarginApi } from '../main/api';
import { createHttpClient } from './http-client';

declare global {
  interface Window {
    /** Set by the Electron preload script; absent in a browser. */
    margin?: MarginApi;
  }
}

const TOKEN_KEY = 'margin-token';

/** The client for wherever this page runs. */
export function createApiClient(): MarginApi {
  if (window.margin) return window.margin;
  const http = createHttpClient({ token: takeToken() });
  return { ...http, openExternal: (url) => openInBrowser(url, () => http.openExternal(url)) };
}

/**
 * Reads the token from `?token=` once, keeps it for this tab in sessionStorage (so reloads work) and
 * removes it from the address bar, where it would end up in history and screenshots.
 */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * In a browser the host has no window of its own to ask the reader in, so it checks the link and
 * answers false. The page then asks here and opens the link in a new tab, without opener or referrer.
 * A link the host refuses (not https, a look-alike site…) rejects and is never opened.
 */
async function openInBrowser(url: string, askHost: () => Promise<boolean>): Promise<boolean> {
  if (await askHost()) return true;
  if (!window.confirm(`Open this link in a new tab?\n\n${url}`)) return false;
  window.open(url, '_blank', 'noopener,noreferrer');
  return true;
}
