import type { IncomingMessage, ServerResponse } from 'node:http';
import fs from 'node:fs/promises';
import { findBundleFile } from '../security';
import { reply } from './http-replies';

/**
 * Serves the renderer bundle read-only. The raw request path goes through the same allow-list as the
 * `app://` protocol, and the real file must still be inside the real root. Anything refused is a plain
 * 404, so a probe learns nothing about the disk.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    reply(res, 405, 'Method not allowed', {
      Allow: 'GET, HEAD',
      'Content-Type': 'text/plain; charset=utf-8',
    });
    return;
  }
  const found = await findBundleFile((req.url ?? '').split(/[?#]/, 1)[0], root);
  if (found === null) {
    reply(res, 404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' });
    return;
  }
  const body = await fs.readFile(found.file);
  reply(res, 200, body, { 'Content-Type': found.mediaType, 'Cache-Control': 'no-cache' });
}
