import type { ServerResponse } from 'node:http';
import type { MarginErrorCode } from '../api';
import { toErrorShape } from '../api-dispatch';
import { SECURITY_HEADERS } from '../security';

/** HTTP status for each error code every transport carries. */
const STATUS_FOR_CODE: Record<MarginErrorCode, number> = {
  'invalid-argument': 400,
  'not-found': 404,
  'store-locked': 409,
  'store-damaged': 500,
  unavailable: 503,
  internal: 500,
};

/** Sends a reply with the security headers every response carries. */
export function reply(
  res: ServerResponse,
  status: number,
  body: string | Buffer = '',
  headers: Record<string, string> = {},
): void {
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Cache-Control': 'no-store',
    'Content-Length': String(payload.length),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : payload);
}

export function replyJson(res: ServerResponse, status: number, value: unknown): void {
  reply(res, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8' });
}

export function replyValue(res: ServerResponse, value: unknown): void {
  replyJson(res, 200, { ok: true, value: value === undefined ? null : value });
}

/** Turns a failure into `{ ok: false, error: { code, message } }` with the status of its code. */
export function replyError(res: ServerResponse, error: unknown): void {
  const shape = toErrorShape(error);
  replyJson(res, STATUS_FOR_CODE[shape.code] ?? 500, { ok: false, error: shape });
}

export function replyFailure(
  res: ServerResponse,
  status: number,
  code: MarginErrorCode,
  message: string,
): void {
  replyJson(res, status, { ok: false, error: { code, message } });
}
