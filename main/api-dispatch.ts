/**
 * The one gate between an untrusted caller (the renderer over IPC, a browser over HTTP) and MarginApi:
 * the method must be a contract method, the arguments must be as many as it takes, objects may hold
 * only the fields the contract names, and every field must pass its rule. The rules themselves live
 * once, with the data they guard (annotations/annotation-validation.ts, preferences/, security/,
 * search/); the gate applies them and hands the service the checked values, so the service trusts
 * what it gets. Anything else is a MarginError('invalid-argument') saying which argument or field is
 * wrong, and the service is not called, so a bad call changes nothing.
 */
import { CHANNELS, type MarginApi, type MarginErrorShape, type MarginMethod } from './api';
import {
  checkAnnotationId,
  checkAnnotationRecord,
  checkColor,
  checkDocId,
  checkDocumentPageQuery,
  checkDocumentSummaryIds,
  checkImportId,
  checkImportRequest,
  checkImportText,
  checkNote,
  checkRange,
  checkTags,
} from './annotations/annotation-validation';
import { MarginError } from './errors';
import { checkPreferencesPatch, checkReadingPosition } from './preferences/preferences-store';
import { MAX_QUERY_LENGTH } from './search/query/query-language';
import { SEARCH_OPTION_RANGES } from './search/service/search-engine';
import { checkExternalLink } from './security';
import { isHlc } from './sync/hlc';
import { checkPassphrase } from './sync/sync-key';
import { checkDeviceName } from './sync/sync-service';
import { BIBLIOGRAPHY_FORMATS, checkBibliographyDocIds } from './citations/bibliography-export';
import { CITATION_STYLE_IDS } from './shared/citation-styles';
import { PRINT_MODES } from './annotations/annotation-validation';

/** Checks one argument (or field) and returns the value the service gets. */
type Check = (value: unknown, name: string) => unknown;
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

/**
 * A rule from the module that owns it. Its message is kept as it is: it names the field in words
 * ("A tag is at most 40 characters.") and is the one the reader has always been shown.
 */
function rule(check: (value: unknown) => unknown): Check {
  return (value) => check(value);
}

function string(max: number): Check {
  return (value, name) => {
    if (typeof value !== 'string') fail(`${name} must be a string.`);
    if ((value as string).length > max) fail(`${name} is too long (at most ${max} characters).`);
    return value;
  };
}

function integer(min: number, max: number): Check {
  return (value, name) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return value;
  };
}

function oneOf(choices: readonly (string | null)[]): Check {
  return (value, name) => {
    if (!choices.includes(value as string | null)) {
      fail(`${name} must be one of ${choices.map((choice) => JSON.stringify(choice)).join(', ')}.`);
    }
    return value;
  };
}

/** An object with no fields but `known`: the field rules below never see what the contract lacks. */
function closed(known: readonly string[], check: Check): Check {
  return (value, name) => {
    if (!isObject(value)) return fail(`${name} must be an object.`);
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) fail(`${name} has an unknown field "${key.slice(0, 40)}".`);
    }
    return check(value, name);
  };
}

/** An object with these fields (those in `optional` may be absent) and no others. */
function shape(fields: Record<string, Check>, optional: readonly string[] = []): Check {
  return closed(Object.keys(fields), (value, name) => {
    const object = value as Record<string, unknown>;
    const checked: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(fields)) {
      if (!Object.hasOwn(object, key) || object[key] === undefined) {
        if (!optional.includes(key)) fail(`${name}.${key} is missing.`);
        continue;
      }
      checked[key] = check(object[key], `${name}.${key}`);
    }
    return checked;
  });
}

function nullable(check: Check): Check {
  return (value, name) => (value === null ? null : check(value, name));
}

const docId = rule(checkDocId);
const annotationId = rule(checkAnnotationId);
const color = rule(checkColor);
const note = rule(checkNote);
const tags = rule(checkTags);
const range = closed(['start', 'end'], rule(checkRange));

const { limit, passagesPerDocument } = SEARCH_OPTION_RANGES;
const searchOptions = shape(
  {
    limit: integer(limit.min, limit.max),
    passagesPerDocument: integer(passagesPerDocument.min, passagesPerDocument.max),
  },
  ['limit', 'passagesPerDocument'],
);

const annotationInput = shape({ docId, range: nullable(range), color, note, tags }, [
  'range',
  'color',
  'note',
  'tags',
]);

const annotationPatch = shape({ color, note, tags }, ['color', 'note', 'tags']);

const ANNOTATION_FIELDS = [
  'id',
  'docId',
  'docTextHash',
  'motivation',
  'color',
  'note',
  'tags',
  'selectors',
  'anchorStatus',
  'created',
  'modified',
] as const;
const annotationRecord = closed(ANNOTATION_FIELDS, rule(checkAnnotationRecord));

const externalLink: Check = (value, name) => {
  if (typeof value !== 'string') return fail(`${name} must be a string.`);
  const verdict = checkExternalLink(value);
  return verdict.ok ? value : fail(verdict.reason);
};

const syncSetup = shape({ passphrase: rule(checkPassphrase), deviceName: rule(checkDeviceName) });

const versionId: Check = (value, name) =>
  isHlc(value) ? value : fail(`${name} is not a version of a note.`);

const importId = rule(checkImportId);
const importRequest = closed(['importId', 'name', 'bytes', 'sameName'], rule(checkImportRequest));

const ARGUMENTS: Record<MarginMethod, ArgSpec[]> = {
  getStatus: [],
  listDocuments: [],
  listDocumentPage: [
    {
      name: 'query',
      check: closed(['text', 'origin', 'sort', 'offset', 'limit'], rule(checkDocumentPageQuery)),
    },
  ],
  listAnnotatedDocuments: [],
  getDocument: [{ name: 'id', check: docId }],
  search: [
    { name: 'query', check: string(MAX_QUERY_LENGTH) },
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
  importAnnotations: [{ name: 'text', check: rule(checkImportText) }],
  getPreferences: [],
  setPreferences: [{ name: 'patch', check: rule(checkPreferencesPatch) }],
  getReadingPosition: [{ name: 'docId', check: docId }],
  setReadingPosition: [
    { name: 'docId', check: docId },
    { name: 'position', check: closed(['blockId', 'fraction'], rule(checkReadingPosition)) },
  ],
  openExternal: [{ name: 'url', check: externalLink }],
  getSyncStatus: [],
  chooseSyncFolder: [],
  setUpSync: [{ name: 'setup', check: syncSetup }],
  syncNow: [],
  turnOffSync: [],
  getAnnotationVersions: [{ name: 'id', check: annotationId }],
  restoreAnnotationVersion: [
    { name: 'id', check: annotationId },
    { name: 'versionId', check: versionId },
  ],
  citeDocument: [
    { name: 'docId', check: docId },
    { name: 'style', check: oneOf(CITATION_STYLE_IDS) },
    { name: 'at', check: integer(0, Number.MAX_SAFE_INTEGER), optional: true },
  ],
  exportBibliography: [
    { name: 'format', check: oneOf(BIBLIOGRAPHY_FORMATS) },
    { name: 'docIds', check: rule(checkBibliographyDocIds) },
  ],
  getLicences: [],
  prepareImport: [],
  printPage: [{ name: 'mode', check: oneOf(PRINT_MODES) }],
  importDocument: [{ name: 'request', check: importRequest }],
  getImportProgress: [{ name: 'importId', check: importId }],
  cancelImport: [{ name: 'importId', check: importId }],
  removeDocument: [{ name: 'docId', check: docId }],
  restoreDocument: [{ name: 'docId', check: docId }],
  getDocumentSummary: [{ name: 'docId', check: docId }],
  getDocumentSummaries: [{ name: 'docIds', check: rule(checkDocumentSummaryIds) }],
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
    return spec.check(value, spec.name);
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
