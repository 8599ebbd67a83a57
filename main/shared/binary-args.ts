/**
 * How a call whose arguments hold bytes (importDocument's file) travels over HTTP without base64's third
 * more: one body of a 4-byte big-endian length, that many bytes of the arguments as JSON with each
 * Uint8Array replaced by `{"$bytes":[offset,length]}`, then the raw bytes those offsets point into.
 * The renderer's HTTP client writes it and the browser host reads it; this module imports nothing.
 */

export const BINARY_ARGS_TYPE = 'application/x-margin-binary-args';

const BYTES_KEY = '$bytes';

/** True when some argument (or a field of one, at any depth) is a Uint8Array. */
export function holdsBytes(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.some(holdsBytes);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsBytes);
  return false;
}

export function encodeBinaryArgs(args: unknown[]): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const json = JSON.stringify(args, (_key, value: unknown) => {
    if (!(value instanceof Uint8Array)) return value;
    parts.push(value);
    offset += value.byteLength;
    return { [BYTES_KEY]: [offset - value.byteLength, value.byteLength] };
  });
  const head = new TextEncoder().encode(json);
  const body = new Uint8Array(4 + head.byteLength + offset);
  new DataView(body.buffer).setUint32(0, head.byteLength);
  body.set(head, 4);
  let at = 4 + head.byteLength;
  for (const part of parts) {
    body.set(part, at);
    at += part.byteLength;
  }
  return body;
}

/**
 * The arguments back, each `{"$bytes":[offset,length]}` (exactly that, within the body) a view of the
 * bytes. Anything malformed throws an Error whose message says what, in one line.
 */
export function decodeBinaryArgs(body: Uint8Array): unknown {
  if (body.byteLength < 4) throw new Error('The binary request is shorter than its header.');
  const jsonLength = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0);
  if (4 + jsonLength > body.byteLength) throw new Error('The binary request ends inside its arguments.');
  const bytes = body.subarray(4 + jsonLength);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(4, 4 + jsonLength));
  } catch {
    throw new Error('The arguments of the binary request are not UTF-8.');
  }
  let problem: string | null = null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (_key, value: unknown) => {
      const place = bytesPlace(value);
      if (place === null) return value;
      const [start, length] = place;
      if (start + length > bytes.byteLength) {
        problem = 'The binary request points past its bytes.';
        return null;
      }
      return bytes.subarray(start, start + length);
    });
  } catch {
    throw new Error('The arguments of the binary request are not valid JSON.');
  }
  if (problem !== null) throw new Error(problem);
  return parsed;
}

function bytesPlace(value: unknown): [number, number] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== BYTES_KEY) return null;
  const place = (value as Record<string, unknown>)[BYTES_KEY];
  if (
    !Array.isArray(place) ||
    place.length !== 2 ||
    !place.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)
  )
    return null;
  return place as [number, number];
}
