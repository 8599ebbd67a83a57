import fs from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mediaTypeFor, resolveBundlePath } from '../security';
import { reply } from './http-replies';

/**
 * Serves the renderer bundle read-only. The raw request path goes through the same allow-list as the
 * `app://` protocol; the real path (symlinks resolved) must still be inside the real root. Anything
 * refused is a plain 404, so a probe learns nothing about the disk.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    reply(res, 405, 'Method not allowed', {
      Allow: 'GET, HEAD',
      'Content-Type': 'text/plain; charset=utf-8',
    });
    return;
  }
  const rawPath = (req.url ?? '').split(/[?#]/, 1)[0];
  const file = await realFileInside(rawPath, root);
  const mediaType = file === null ? null : mediaTypeFor(file);
  if (file === null || mediaType === null) {
    reply(res, 404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' });
    return;
  }
  const body = await fs.readFile(file);
  reply(res, 200, body, { 'Content-Type': mediaType, 'Cache-Control': 'no-cache' });
}

async function realFileInside(rawPath: string, root: string): Promise<string | null> {
  const candidate = resolveBundlePath(rawPath, root);
  if (candidate === null) return null;
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(candidate)]);
    const inside = path.relative(realRoot, realFile);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
    const stat = await fs.stat(realFile);
    return stat.isFile() ? realFile : null;
  } catch {
    return null;
  }
}
