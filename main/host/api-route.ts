import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MarginApi } from '../api';
import { dispatch } from '../api-dispatch';
import { LIMITS } from '../annotations/annotation-validation';
import { MarginError } from '../errors';
import { replyError, replyFailure, replyValue } from './http-replies';

const BODY_BYTES = 2 * 1024 * 1024;
/**
 * Import text may be up to LIMITS.importChars characters; UTF-8 takes up to 3 bytes for one, and JSON
 * escaping a little more: the gate, not the wire, decides what is too long.
 */
const LARGE_BODY_BYTES = LIMITS.importChars * 3 + BODY_BYTES;
const LARGE_BODY_METHODS = new Set(['importAnnotations']);

/**
 * `POST /api/<method>` with a JSON array of arguments. The token has been checked by the caller; here
 * the body is read within its size limit, parsed, and handed to `dispatch`, which validates everything.
 */
export async function serveApi(
  req: IncomingMessage,
  res: ServerResponse,
  api: MarginApi,
  method: string,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    replyFailure(res, 405, 'invalid-argument', 'The API takes POST requests only.');
    return;
  }
  const contentType = (req.headers['content-type'] ?? '').split(';', 1)[0].trim().toLowerCase();
  if (contentType !== 'application/json') {
    replyFailure(res, 415, 'invalid-argument', 'Send the arguments as application/json.');
    return;
  }
  const limit = LARGE_BODY_METHODS.has(method) ? LARGE_BODY_BYTES : BODY_BYTES;
  const body = await readBody(req, limit);
  if (body === null) {
    replyFailure(
      res,
      413,
      'invalid-argument',
      `The request is too large (at most ${Math.floor(limit / 1024 / 1024)} MB).`,
    );
    return;
  }
  let args: unknown;
  try {
    args = body.length === 0 ? [] : JSON.parse(body.toString('utf8'));
  } catch {
    replyFailure(res, 400, 'invalid-argument', 'The request body is not valid JSON.');
    return;
  }
  try {
    replyValue(res, await dispatch(api, method, args));
  } catch (error) {
    replyError(res, error);
  }
}

/** Reads the whole body, or null as soon as it passes `limit` bytes (the rest is drained, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  return new Promise((resolve, reject) => {
    if (declared > limit) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', () => reject(new MarginError('invalid-argument', 'The request was interrupted.')));
  });
}
