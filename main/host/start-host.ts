import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MarginApi } from '../api';
import { serveApi } from './api-route';
import { serveOpenLink } from './open-link-route';
import { reply, replyError } from './http-replies';
import { serveStatic } from './static-files';

export interface HostOptions {
  /** The service every API call reaches (already validated by dispatch). */
  api: MarginApi;
  /** The built renderer folder (`dist/renderer`). */
  rendererDir: string;
  /** 0 picks any free port. */
  port: number;
}

export interface RunningHost {
  port: number;
  token: string;
  /** `http://127.0.0.1:PORT/?token=TOKEN`: the address to open in a browser. */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/**
 * Serves the renderer and MarginApi on 127.0.0.1 only. Every API call needs the per-launch token in
 * `x-margin-token`; every request must name this host in `Host` (a DNS-rebinding page cannot), and a
 * browser's `Origin`, when sent, must be this host too.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = randomBytes(32).toString('hex');
  const tokenDigest = digest(token);
  let port = options.port;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) replyError(res, error);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isOwnHost(req.headers.host, port) || !isOwnOrigin(req.headers.origin, port)) {
      reply(res, 403, 'Forbidden', { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    const pathName = (req.url ?? '/').split(/[?#]/, 1)[0];
    const apiMatch = /^\/api\/([^/]*)$/.exec(pathName);
    if (apiMatch || pathName === '/api' || pathName.startsWith('/api/')) {
      const sent = req.headers['x-margin-token'];
      if (typeof sent !== 'string' || !timingSafeEqual(digest(sent), tokenDigest)) {
        req.resume();
        reply(res, 401);
        return;
      }
      if (!apiMatch) {
        reply(res, 404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' });
        return;
      }
      await serveApi(req, res, options.api, apiMatch[1]);
      return;
    }
    if (pathName.startsWith('/open/')) {
      serveOpenLink(req, res);
      return;
    }
    await serveStatic(req, res, options.rendererDir);
  }

  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Equal-length digests, so the comparison takes the same time whatever was sent. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
}

function isOwnOrigin(origin: string | undefined, port: number): boolean {
  return (
    origin === undefined || origin === `http://${LOOPBACK}:${port}` || origin === `http://localhost:${port}`
  );
}
