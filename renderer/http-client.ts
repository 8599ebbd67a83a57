/**
 * MarginApi over HTTP: each call is `POST <origin>/api/<method>` with a JSON array of arguments and the
 * per-launch token, answered with an envelope `{ ok, value | error }`. A call whose arguments hold bytes
 * (a file to import) goes as one binary body instead (main/shared/binary-args.ts), never as base64.
 * No DOM here (fetch only), so it is tested in Node against a real server.
 */
import type { MarginApi, MarginErrorCode, MarginMethod } from '../main/api';
import { apiFromCall } from '../main/shared/api-channels';
import { BINARY_ARGS_TYPE, encodeBinaryArgs, holdsBytes } from '../main/shared/binary-args';

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

/** Where the HTTP client sends its calls: the page's own origin in a browser, any origin in a test. */
export interface HttpClientOptions {
  token: string;
  /** Prefix of `/api/<method>`; empty for the page's own origin. */
  origin?: string;
}

/**
 * Reads, whose answer only this page wants: they need not outlive it, so they go without keepalive.
 * Every key typed into the search box is one such call, and a keepalive fetch measured about 0.6 ms
 * slower a call in Chromium (7.7 against 7.1 ms, the median of 144 searches each way through the
 * browser host); it also takes from the page's small allowance of keepalive bodies in flight, which a
 * reading position saved as the page goes away needs.
 */
const PAGE_ONLY_READS: ReadonlySet<MarginMethod> = new Set<MarginMethod>([
  'search',
  'getStatus',
  'listDocuments',
  'listDocumentPage',
  'listAnnotatedDocuments',
  'getDocument',
  'listAnnotations',
  'listAllAnnotations',
  'getPreferences',
  'getReadingPosition',
  'getSyncStatus',
  'getAnnotationVersions',
  'getLicences',
  'getImportProgress',
  'getDocumentSummary',
  'getDocumentSummaries',
]);

/** MarginApi over `POST <origin>/api/<method>`, every method built from the contract's method list. */
export function createHttpClient({ token, origin = '' }: HttpClientOptions): MarginApi {
  const api = apiFromCall(async (method, args) => {
    const binary = holdsBytes(args);
    const body = binary ? encodeBinaryArgs(args) : JSON.stringify(args);
    let response: Response;
    try {
      response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': binary ? BINARY_ARGS_TYPE : 'application/json',
          'x-margin-token': token,
        },
        body,
        // A reading position saved as the page goes away must still arrive; browsers allow keepalive
        // only for small bodies, which is every call but a large import.
        keepalive: !PAGE_ONLY_READS.has(method) && body.length < 60_000,
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
    return unwrap(reply, method);
  });
  return api;
}

function unwrap(body: unknown, method: string): unknown {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'value' in body) return body.value;
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
