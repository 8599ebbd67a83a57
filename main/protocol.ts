/**
 * `app://margin/` serves the built renderer, and nothing else, with the strict CSP on every response.
 * Documents reach the renderer over IPC. Resolution is the plain `findAppFile`, unit-tested without Electron.
 */
import { protocol } from 'electron';
import fs from 'node:fs/promises';
import { SECURITY_HEADERS, findAppFile, type AppRoots } from './security';

/** Must run before the app is ready: `app:` behaves like https (origin, fetch, secure context). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function setupAppProtocol(roots: AppRoots): void {
  protocol.handle('app', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { ...SECURITY_HEADERS } });
    }
    const found = await findAppFile(request.url, roots);
    if (found === null) {
      return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS } });
    }
    const body = await fs.readFile(found.file);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': found.mediaType },
    });
  });
}
