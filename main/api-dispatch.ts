/**
 * The one gate between an untrusted caller (the renderer over IPC, a browser over HTTP) and MarginApi:
 * the method must be a contract method and every argument must have the right type, shape and size.
 * Anything else is a MarginError('invalid-argument') with a message naming the argument, and the
 * service is not called, so a bad call changes nothing.
 */
import { CHANNELS, HIGHLIGHT_COLORS, type MarginApi, type MarginErrorShape, type MarginMethod } from './api';
import { MarginError } from './errors';

/** Limits of what a caller may send; generous for real use, small enough to refuse abuse. */
export const ARGUMENT_LIMITS = {
  queryChars: 500,
  noteChars: 100_000,
  tags: 50,
  tagChars: 100,
  importChars: 20 * 1024 * 1024,
  urlChars: 2048,
  textOffset: 100_000_000,
} as const;

const DOC_ID = /^[a-z0-9-]{1,100}$/;
const ANNOTATION_ID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BLOCK_ID = /^[A-Za-z0-9_.:-]{1,200}$/;
const TEXT_HASH = /^[0-9a-f]{64}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

type Check = (value: unknown, name: string) => void;
interface ArgSpec {
  name: string;
  check: Check;
  optional?: boolean;
}

const fail = (message: string): never => {
  throw new MarginError('invalid-argument', message);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function string(max: number, pattern?: RegExp, what = 'a string'): Check {
  return (value, name) => {
    if (typeof value !== 'string') fail(`${name} must be ${what}.`);
    const text = value as string;
    if (text.length > max) fail(`${name} is too long (at most ${max} characters).`);
    if (pattern && !pattern.test(text)) fail(`${name} must be ${what}.`);
  };
}

function integer(min: number, max: number): Check {
  return (value, name) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(`${name} must be a whole number from ${min} to ${max}.`);
    }
  };
}

function number(min: number, max: number): Check {
  return (value, name) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      fail(`${name} must be a number from ${min} to ${max}.`);
    }
  };
}

function oneOf(choices: readonly (string | null)[]): Check {
  return (value, name) => {
    if (!choices.includes(value as string | null)) {
      fail(`${name} must be one of ${choices.map((choice) => JSON.stringify(choice)).join(', ')}.`);
    }
  };
}

/** An object with exactly these fields (those marked optional may be absent; no others allowed). */
function shape(fields: Record<string, Check>, optional: readonly string[] = []): Check {
  return (value, name) => {
    if (!isObject(value)) return fail(`${name} must be an object.`);
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(fields, key)) fail(`${name} has an unknown field "${key.slice(0, 40)}".`);
    }
    for (const [key, check] of Object.entries(fields)) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) {
        if (!optional.includes(key)) fail(`${name}.${key} is missing.`);
        continue;
      }
      check(value[key], `${name}.${key}`);
    }
  };
}

function nullable(check: Check): Check {
  return (value, name) => {
    if (value !== null) check(value, name);
  };
}

const docId = string(100, DOC_ID, 'a document id (lower-case letters, digits and hyphens)');
const annotationId = string(100, ANNOTATION_ID, 'an annotation id (urn:uuid:…)');
const color = nullable(oneOf(HIGHLIGHT_COLORS));
const note = string(ARGUMENT_LIMITS.noteChars);
const offset = integer(0, ARGUMENT_LIMITS.textOffset);

const tags: Check = (value, name) => {
  if (!Array.isArray(value)) return fail(`${name} must be a list of tags.`);
  if (value.length > ARGUMENT_LIMITS.tags)
    fail(`${name} has too many tags (at most ${ARGUMENT_LIMITS.tags}).`);
  value.forEach((tag, index) => {
    string(ARGUMENT_LIMITS.tagChars)(tag, `${name}[${index}]`);
    if ((tag as string).trim() === '') fail(`${name}[${index}] is empty.`);
  });
};

const range: Check = (value, name) => {
  shape({ start: offset, end: offset })(value, name);
  const { start, end } = value as { start: number; end: number };
  if (end <= start) fail(`${name}.end must be greater than ${name}.start.`);
};

const searchOptions = shape({ limit: integer(1, 100), passagesPerDocument: integer(1, 20) }, [
  'limit',
  'passagesPerDocument',
]);

const annotationInput = shape({ docId, range: nullable(range), color, note, tags }, [
  'range',
  'color',
  'note',
  'tags',
]);

const annotationPatch = shape({ color, note, tags }, ['color', 'note', 'tags']);

const isoDateTime = string(40, ISO_DATE_TIME, 'an ISO date-time');

const selectors: Check = (value, name) => {
  if (!Array.isArray(value) || (value.length !== 0 && value.length !== 2)) {
    return fail(`${name} must be empty or hold a quote and a position selector.`);
  }
  if (value.length === 0) return;
  shape({
    type: oneOf(['TextQuoteSelector']),
    exact: string(ARGUMENT_LIMITS.noteChars),
    prefix: string(ARGUMENT_LIMITS.noteChars),
    suffix: string(ARGUMENT_LIMITS.noteChars),
  })(value[0], `${name}[0]`);
  shape({ type: oneOf(['TextPositionSelector']), start: offset, end: offset })(value[1], `${name}[1]`);
  const { start, end } = value[1] as { start: number; end: number };
  if (end <= start) fail(`${name}[1].end must be greater than ${name}[1].start.`);
};

const annotationRecord = shape({
  id: annotationId,
  docId,
  docTextHash: string(64, TEXT_HASH, 'a sha256 hex text hash'),
  motivation: oneOf(['highlighting', 'commenting']),
  color,
  note,
  tags,
  selectors,
  anchorStatus: oneOf(['exact', 'fuzzy', 'orphaned', 'document']),
  created: isoDateTime,
  modified: isoDateTime,
});

const preferencesPatch = shape(
  {
    theme: oneOf(['system', 'light', 'sepia', 'dark']),
    fontSize: number(14, 28),
    lineWidth: integer(50, 90),
    librarySort: oneOf(['date', 'title']),
  },
  ['theme', 'fontSize', 'lineWidth', 'librarySort'],
);

const readingPosition = shape({ blockId: string(200, BLOCK_ID, 'a block id'), fraction: number(0, 1) });

const ARGUMENTS: Record<MarginMethod, ArgSpec[]> = {
  getStatus: [],
  listDocuments: [],
  getDocument: [{ name: 'id', check: docId }],
  search: [
    { name: 'query', check: string(ARGUMENT_LIMITS.queryChars) },
    { name: 'options', check: searchOptions, optional: true },
  ],
  listAnnotations: [{ name: 'docId', check: docId }],
  listAllAnnotations: [],
  createAnnotation: [{ name: 'input', check: annotationInput }],
  updateAnnotation: [
    { name: 'id', check: annotationId },
    { name: 'patch', check: annotationPatch },
  ],
  deleteAnnotation: [{ name: 'id', check: annotationId }],
  restoreAnnotation: [{ name: 'record', check: annotationRecord }],
  exportAnnotations: [
    { name: 'format', check: oneOf(['markdown', 'jsonld']) },
    { name: 'docId', check: docId, optional: true },
  ],
  importAnnotations: [{ name: 'text', check: string(ARGUMENT_LIMITS.importChars) }],
  getPreferences: [],
  setPreferences: [{ name: 'patch', check: preferencesPatch }],
  getReadingPosition: [{ name: 'docId', check: docId }],
  setReadingPosition: [
    { name: 'docId', check: docId },
    { name: 'position', check: readingPosition },
  ],
  openExternal: [{ name: 'url', check: string(ARGUMENT_LIMITS.urlChars) }],
};

/** True when `method` is a method of the contract (an own key of CHANNELS, so never `__proto__`). */
export function isMarginMethod(method: unknown): method is MarginMethod {
  return typeof method === 'string' && Object.hasOwn(CHANNELS, method);
}

/**
 * Checks `method` and `args` and only then calls the service. Optional arguments may be left out or
 * sent as null (JSON turns `undefined` in an array into null); they reach the service as undefined.
 */
export function validateCall(method: unknown, args: unknown): { method: MarginMethod; args: unknown[] } {
  if (!isMarginMethod(method)) {
    return fail(`Unknown method "${String(method).slice(0, 60)}".`);
  }
  if (!Array.isArray(args)) return fail(`The arguments of ${method} must be a list.`);
  const specs = ARGUMENTS[method];
  const required = specs.filter((spec) => !spec.optional).length;
  if (args.length < required || args.length > specs.length) {
    const count = required === specs.length ? `${required}` : `${required} to ${specs.length}`;
    return fail(`${method} takes ${count} argument${specs.length === 1 ? '' : 's'}, not ${args.length}.`);
  }
  const checked = specs.map((spec, index) => {
    const value: unknown = args[index];
    if (spec.optional && (value === undefined || value === null)) return undefined;
    spec.check(value, spec.name);
    return value;
  });
  while (checked.length > 0 && checked[checked.length - 1] === undefined) checked.pop();
  return { method, args: checked };
}

export async function dispatch(api: MarginApi, method: unknown, args: unknown): Promise<unknown> {
  const call = validateCall(method, args);
  const target = api[call.method] as (...callArgs: unknown[]) => Promise<unknown>;
  return target.apply(api, call.args);
}

const GENERIC_FAILURE = 'Something went wrong inside Margin. The details are in its log.';

/**
 * What a failed call carries over any transport. A MarginError's message is written for the user;
 * anything else (a bug) is logged where it happened and reported with a generic message, never a stack.
 */
export function toErrorShape(error: unknown): MarginErrorShape {
  if (error instanceof MarginError) return { code: error.code, message: error.message };
  console.error('margin: unexpected failure:', error);
  return { code: 'internal', message: GENERIC_FAILURE };
}
