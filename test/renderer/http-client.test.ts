import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MarginApi } from '../../main/api';
import { API_METHODS } from '../../main/shared/api-channels';
import { ApiError, createHttpClient } from '../../renderer/http-client';

interface Received {
  path: string;
  token: string | undefined;
  contentType: string | undefined;
  args: unknown;
}

/** What the test server answers next: a JSON body and a status, or raw text. */
let answer: (received: Received) => { status?: number; json?: unknown; text?: string };
const received: Received[] = [];
let server: Server;
let origin: string;

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  return new Promise((resolve) => {
    const started = createServer(handler).listen(0, '127.0.0.1', () => resolve(started));
  });
}

beforeAll(async () => {
  server = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const call: Received = {
        path: req.url ?? '',
        token: req.headers['x-margin-token'] as string | undefined,
        contentType: req.headers['content-type'],
        args: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      };
      received.push(call);
      const reply = answer(call);
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
      res.end(reply.text ?? JSON.stringify(reply.json));
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client(token = 'launch-token'): MarginApi {
  return createHttpClient({ token, origin });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('http-client', () => {
  it('sends every method of the contract to /api/<method> with its arguments and the token, and returns the value', async () => {
    answer = ({ path, args }) => ({ json: { ok: true, value: { path, args } } });
    const api = client();
    for (const method of API_METHODS) {
      received.length = 0;
      const args = [`${method}-first`, { second: [1, 2] }];
      const call = api[method] as (...callArgs: unknown[]) => Promise<unknown>;
      const value = await call(...args);
      expect(received, method).toEqual([
        { path: `/api/${method}`, token: 'launch-token', contentType: 'application/json', args },
      ]);
      expect(value, method).toEqual({ path: `/api/${method}`, args });
    }
  });

  it('leaves out optional arguments that were not given, so they do not arrive as null', async () => {
    answer = () => ({ json: { ok: true, value: [] } });
    received.length = 0;
    await client().exportAnnotations('markdown', undefined);
    await client().search('gwadar');
    expect(received.map((call) => call.args)).toEqual([['markdown'], ['gwadar']]);
  });

  it('lets a save outlive the page (keepalive) but not a search, whose answer only the page wants', async () => {
    answer = () => ({ json: { ok: true, value: null } });
    const fetched = vi.spyOn(globalThis, 'fetch');
    try {
      await client().setReadingPosition('doc', { blockId: 'p-1', fraction: 0.5 });
      await client().search('gwadar');
      const keepalive = fetched.mock.calls.map(([url, init]) => [String(url), init?.keepalive]);
      expect(keepalive).toEqual([
        [`${origin}/api/setReadingPosition`, true],
        [`${origin}/api/search`, false],
      ]);
    } finally {
      fetched.mockRestore();
    }
  });

  it('turns an error envelope into an ApiError with the service’s code and message', async () => {
    answer = () => ({
      status: 404,
      json: { ok: false, error: { code: 'not-found', message: 'There is no document "gone".' } },
    });
    const error = await rejection(client().getDocument('gone'));
    expect(error).toMatchObject({ code: 'not-found', message: 'There is no document "gone".' });
  });

  it('says in one line when the page is not signed in, the answer is not JSON, or the host is gone', async () => {
    answer = () => ({ status: 401, json: { ok: false, error: { code: 'unavailable', message: 'token' } } });
    expect(await rejection(client('wrong').getStatus())).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/not signed in to Margin/),
    });

    answer = () => ({ status: 502, text: '<html>Bad gateway</html>' });
    expect(await rejection(client().listDocuments())).toMatchObject({
      code: 'internal',
      message: 'Margin answered listDocuments with something that is not JSON (HTTP 502).',
    });

    answer = () => ({ json: { value: 'no envelope' } });
    expect(await rejection(client().getPreferences())).toMatchObject({
      code: 'internal',
      message: 'Margin answered getPreferences in an unexpected shape.',
    });

    const gone = await listen(() => undefined);
    const goneOrigin = `http://127.0.0.1:${(gone.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    const unreachable = createHttpClient({ token: 't', origin: goneOrigin });
    expect(await rejection(unreachable.getStatus())).toMatchObject({
      code: 'unavailable',
      message: 'Margin is not reachable. Is the Margin server still running?',
    });
  });
});
