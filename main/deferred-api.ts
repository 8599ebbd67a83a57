import type { MarginApi } from './api';
import { apiFromCall } from './shared/api-channels';

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * A MarginApi whose calls wait for the real service. The window opens at once and paints the app
 * shell while the library manifest is read (about half a second at 10,000 articles); its first calls
 * are answered as soon as the service is up, or fail with the reason it could not start.
 */
export function deferredApi(service: Promise<MarginApi>): MarginApi {
  return apiFromCall(async (method, args) => {
    const api = await service;
    return (api[method] as AnyMethod).apply(api, args);
  });
}
