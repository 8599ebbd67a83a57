/**
 * The renderer's one way to reach Margin. In Electron the preload bridge exposes `window.margin`
 * (an object implementing MarginApi); in a browser the same calls go to the local host as
 * `POST /api/<method>` with a JSON array of arguments and the per-launch token. Nothing else in the
 * renderer knows which of the two is in use.
 */
import type { MarginApi, MarginErrorCode, MarginMethod } from '../main/api';

declare global {
  interface Window {
    /** Set by the Electron preload script; absent in a browser. */
    margin?: MarginApi;
  }
}

/** A failed call: the service's stable error code and its one-line message. */
export class ApiError extends Error {
  constructor(
    readonly code: MarginErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'margin-token';

/** The client for wherever this page runs. */
export function createApiClient(): MarginApi {
  if (window.margin) return window.margin;
  return createHttpClient(takeToken());
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

function createHttpClient(token: string): MarginApi {
  async function call<T>(method: MarginMethod, args: unknown[]): Promise<T> {
    // Trailing undefined arguments (optional parameters left out) are dropped: JSON would turn them into null.
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    const body = JSON.stringify(args);
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-margin-token': token },
        body,
        // A reading position saved as the page goes away must still arrive; browsers allow keepalive
        // only for small bodies, which is every call but a large import.
        keepalive: body.length < 60_000,
      });
    } catch {
      throw new ApiError('unavailable', 'Margin is not reachable. Is the Margin server still running?');
    }
    if (response.status === 401) {
      throw new ApiError(
        'unavailable',
        'This page is not signed in to Margin. Open the link Margin printed when it started.',
      );
    }
    let reply: unknown;
    try {
      reply = await response.json();
    } catch {
      throw new ApiError(
        'internal',
        `Margin answered ${method} with something that is not JSON (HTTP ${response.status}).`,
      );
    }
    return unwrap<T>(reply, method);
  }

  // Each method written out, so the compiler checks the client against the contract.
  const http = {
    getStatus: () => call('getStatus', []),
    listDocuments: () => call('listDocuments', []),
    getDocument: (id) => call('getDocument', [id]),
    search: (query, options) => call('search', [query, options]),
    listAnnotations: (docId) => call('listAnnotations', [docId]),
    listAllAnnotations: () => call('listAllAnnotations', []),
    createAnnotation: (input) => call('createAnnotation', [input]),
    updateAnnotation: (id, patch) => call('updateAnnotation', [id, patch]),
    deleteAnnotation: (id) => call('deleteAnnotation', [id]),
    restoreAnnotation: (record) => call('restoreAnnotation', [record]),
    exportAnnotations: (format, docId) => call('exportAnnotations', [format, docId]),
    importAnnotations: (text) => call('importAnnotations', [text]),
    getPreferences: () => call('getPreferences', []),
    setPreferences: (patch) => call('setPreferences', [patch]),
    getReadingPosition: (docId) => call('getReadingPosition', [docId]),
    setReadingPosition: (docId, position) => call('setReadingPosition', [docId, position]),
    openExternal: (url) => openInBrowser(url, () => call<boolean>('openExternal', [url])),
  } satisfies MarginApi;
  return http;
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

function unwrap<T>(body: unknown, method: string): T {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'value' in body) return body.value as T;
    if (body.ok === false && 'error' in body && typeof body.error === 'object' && body.error !== null) {
      const error = body.error as { code?: unknown; message?: unknown };
      const message = typeof error.message === 'string' ? error.message : `${method} failed.`;
      throw new ApiError(
        typeof error.code === 'string' ? (error.code as MarginErrorCode) : 'internal',
        message,
      );
    }
  }
  throw new ApiError('internal', `Margin answered ${method} in an unexpected shape.`);
}
