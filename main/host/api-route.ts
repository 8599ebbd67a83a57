import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MarginApi } from '../api';
import { dispatch } from '../api-dispatch';
import { LIMITS } from '../annotations/annotation-validation';
import { MarginError } from '../errors';
import { MAX_IMPORT_BYTES } from '../import/import-limits';
import { BINARY_ARGS_TYPE, decodeBinaryArgs } from '../shared/binary-args';
import { replyError, replyFailure, replyValue } from './http-replies';

const BODY_BYTES = 2 * 1024 * 1024;
/**
 * Import text may be up to LIMITS.importChars characters; UTF-8 takes up to 3 bytes for one, and JSON
 * escaping a little more: the gate, not the wire, decides what is too long.
 */
const LARGE_BODY_BYTES = LIMITS.importChars * 3 + BODY_BYTES;
const LARGE_BODY_METHODS = new Set(['importAnnotations']);
/** A document file (binary, see shared/binary-args.ts) and its small JSON of arguments. */
const FILE_BODY_BYTES = MAX_IMPORT_BYTES + BODY_BYTES;
const FILE_BODY_METHODS = new Set(['importDocument']);

function bodyLimit(method: string): number {
  if (FILE_BODY_METHODS.has(method)) return FILE_BODY_BYTES;
  return LARGE_BODY_METHODS.has(method) ? LARGE_BODY_BYTES : BODY_BYTES;
}

/**
 * `POST /api/<method>` with a JSON array of arguments, or (a call carrying a file) the binary body of
 * shared/binary-args.ts. The token has been checked by the caller; here
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
  if (contentType !== 'application/json' && contentType !== BINARY_ARGS_TYPE) {
    replyFailure(
      res,
      415,
      'invalid-argument',
      `Send the arguments as application/json (or ${BINARY_ARGS_TYPE} with a file).`,
    );
    return;
  }
  const limit = bodyLimit(method);
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
  if (contentType === BINARY_ARGS_TYPE) {
    try {
      args = decodeBinaryArgs(body);
    } catch (error) {
      replyFailure(res, 400, 'invalid-argument', (error as Error).message);
      return;
    }
  } else {
    try {
      args = body.length === 0 ? [] : JSON.parse(body.toString('utf8'));
    } catch {
      replyFailure(res, 400, 'invalid-argument', 'The request body is not valid JSON.');
      return;
    }
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
