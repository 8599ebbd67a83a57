/**
 * The rules every annotation field obeys, wherever it comes from: a caller at the API gate
 * (main/api-dispatch.ts), an undo, an import file or a row read back from disk. Each rule is defined
 * here once; each check throws MarginError('invalid-argument') saying what the field must be.
 */
import { HIGHLIGHT_COLORS } from '../api';
import type {
  Annotation,
  DocumentPageQuery,
  HighlightColor,
  ImportRequest,
  PrintMode,
  PrintNotesLayout,
  TextPositionSelector,
  TextQuoteSelector,
} from '../api';
import { MarginError, printableLine } from '../errors';
import { MAX_IMPORT_BYTES, megabytes } from '../import/import-limits';
import { ANNOTATION_ID_MAX_CHARS, isAnnotationId } from '../shared/annotation-ids';
import { EXPORT_TEMPLATE_MAX_CHARS, parseExportTemplate } from '../shared/export-template';

/** How large each field may be: generous for real use, small enough to refuse abuse. */
export const LIMITS = {
  annotationIdChars: ANNOTATION_ID_MAX_CHARS,
  docIdChars: 200,
  noteChars: 100_000,
  tags: 20,
  tagChars: 40,
  /** A highlight longer than this is not a highlight but a copy of the document. */
  quoteChars: 50_000,
  contextChars: 1_000,
  /** An import file: 20 million characters is far beyond any reader's notes; more is a wrong file. */
  importChars: 20_000_000,
  /** The reader's Markdown export template (a preference): a page of Markdown, not a program. */
  exportTemplateChars: EXPORT_TEMPLATE_MAX_CHARS,
  /** A document file of the reader's (see import/import-limits.ts for why). */
  importBytes: MAX_IMPORT_BYTES,
  /** Longest file name the common file systems allow. */
  importFileNameChars: 255,
  /** One page of the library: more than a screen or two of rows is the whole list in disguise. */
  documentPageRows: 200,
  /** The library's filter: words, not a document. */
  documentFilterChars: 200,
  /** Rows asked for by id: a page's worth; more is the library in disguise. */
  documentSummaryIds: 200,
} as const;

/** How a page is printed (see PrintMode) and where an annotated print puts the notes. */
export const PRINT_MODES: readonly PrintMode[] = ['dialog', 'pdf'];
export const PRINT_NOTES_LAYOUTS: readonly PrintNotesLayout[] = ['endnotes', 'margin'];

export const MAX_NOTE_LENGTH = LIMITS.noteChars;
export const MAX_TAGS = LIMITS.tags;
export const MAX_TAG_LENGTH = LIMITS.tagChars;
export const MAX_QUOTE_LENGTH = LIMITS.quoteChars;
export const MAX_CONTEXT_LENGTH = LIMITS.contextChars;

const DOC_ID = new RegExp(`^[a-z0-9][a-z0-9-]{0,${LIMITS.docIdChars - 1}}$`);
const TEXT_HASH = /^(?:[0-9a-f]{64})?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function invalid(message: string): never {
  throw new MarginError('invalid-argument', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkDocId(value: unknown): string {
  if (typeof value !== 'string' || !DOC_ID.test(value))
    invalid(`A document id is 1 to ${LIMITS.docIdChars} lowercase letters, digits and dashes.`);
  return value;
}

export function checkAnnotationId(value: unknown): string {
  if (!isAnnotationId(value)) {
    invalid(
      `An annotation id is a URI such as urn:uuid:… of at most ${LIMITS.annotationIdChars} characters.`,
    );
  }
  return value;
}

export function checkColor(value: unknown): HighlightColor | null {
  if (value === null) return null;
  if (typeof value !== 'string' || !(HIGHLIGHT_COLORS as readonly string[]).includes(value)) {
    invalid(`A highlight colour is one of ${HIGHLIGHT_COLORS.join(', ')}.`);
  }
  return value as HighlightColor;
}

export function checkNote(value: unknown): string {
  if (typeof value !== 'string') invalid('A note is text.');
  if (value.length > MAX_NOTE_LENGTH)
    invalid(`A note is at most ${MAX_NOTE_LENGTH.toLocaleString('en')} characters.`);
  return value;
}

/** Tags are trimmed and de-duplicated; each is 1..40 characters without line breaks. */
export function checkTags(value: unknown): string[] {
  if (!Array.isArray(value)) invalid('Tags are a list of words.');
  const tags: string[] = [];
  for (const tag of value) {
    if (typeof tag !== 'string') invalid('Each tag is text.');
    const trimmed = tag.trim();
    if (trimmed.length === 0) invalid('A tag cannot be empty.');
    if (trimmed.length > MAX_TAG_LENGTH) invalid(`A tag is at most ${MAX_TAG_LENGTH} characters.`);
    if (/\p{Cc}/u.test(trimmed)) invalid('A tag cannot contain line breaks or control characters.');
    if (!tags.includes(trimmed)) tags.push(trimmed);
  }
  if (tags.length > MAX_TAGS) invalid(`An annotation has at most ${MAX_TAGS} tags.`);
  return tags;
}

export function checkDateTime(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    invalid(`${field} is an ISO date-time such as 2024-11-20T10:00:00.000Z.`);
  }
  return value;
}

function checkQuoteSelector(value: unknown): TextQuoteSelector {
  if (!isRecord(value) || value.type !== 'TextQuoteSelector')
    invalid('The first selector is a TextQuoteSelector.');
  const { exact, prefix, suffix } = value;
  if (typeof exact !== 'string' || exact.trim().length === 0)
    invalid('A quote selector needs the quoted text.');
  if (exact.length > MAX_QUOTE_LENGTH)
    invalid(`A quote is at most ${MAX_QUOTE_LENGTH.toLocaleString('en')} characters.`);
  for (const [name, text] of [
    ['prefix', prefix],
    ['suffix', suffix],
  ] as const) {
    if (typeof text !== 'string' || text.length > MAX_CONTEXT_LENGTH)
      invalid(`A quote selector's ${name} is text.`);
  }
  return { type: 'TextQuoteSelector', exact, prefix: prefix as string, suffix: suffix as string };
}

/** Whole-number offsets into a document's canonical text, with start < end. */
function checkOffsets(start: unknown, end: unknown, what: string): { start: number; end: number } {
  if (
    !Number.isSafeInteger(start) ||
    !Number.isSafeInteger(end) ||
    (start as number) < 0 ||
    (end as number) <= (start as number)
  ) {
    invalid(`${what} has whole-number offsets with start < end.`);
  }
  return { start: start as number, end: end as number };
}

function checkPositionSelector(value: unknown): TextPositionSelector {
  if (!isRecord(value) || value.type !== 'TextPositionSelector')
    invalid('The second selector is a TextPositionSelector.');
  return { type: 'TextPositionSelector', ...checkOffsets(value.start, value.end, 'A position selector') };
}

/** A range to highlight, `{ start, end }`; whether it lies inside the document is the service's to say. */
export function checkRange(value: unknown): { start: number; end: number } {
  if (!isRecord(value)) invalid('A range is { start, end } in characters of the document text.');
  return checkOffsets(value.start, value.end, 'A range');
}

/** The text of a file to import: not blank, not beyond the import limit. */
export function checkImportText(value: unknown): string {
  if (typeof value !== 'string') invalid('The file to import is not text.');
  if (value.trim() === '') invalid('The file to import is empty.');
  if (value.length > LIMITS.importChars) {
    invalid(
      `The file to import is too large (more than ${LIMITS.importChars.toLocaleString('en')} characters).`,
    );
  }
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The name the renderer gave an import (a uuid), for its progress and cancel. */
export function checkImportId(value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value)) invalid('An import id is a uuid.');
  return value.toLowerCase();
}

/** A file name as the reader's system gave it: no folders, no control characters, at most 255 characters. */
export function checkImportFileName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') invalid('The file to import has no name.');
  if (value.length > LIMITS.importFileNameChars)
    invalid(`A file name is at most ${LIMITS.importFileNameChars} characters.`);
  if (/[/\\]/.test(value) || value === '.' || value === '..' || /\p{Cc}/u.test(value))
    invalid(`“${printableLine(value, 80)}” is not a plain file name.`);
  return value;
}

/** The bytes of a file to import: binary, within the import limit. `name` is the checked file name. */
export function checkImportBytes(value: unknown, name: string): Uint8Array {
  if (!(value instanceof Uint8Array)) invalid(`“${printableLine(name, 80)}” did not arrive as bytes.`);
  if (value.byteLength > LIMITS.importBytes) {
    invalid(
      `“${printableLine(name, 80)}” is ${megabytes(value.byteLength)}; Margin imports files of at most ${megabytes(LIMITS.importBytes)}.`,
    );
  }
  return value;
}

const SAME_NAME_CHOICES = ['ask', 'replace', 'keep-both'] as const;

/** A file to import, rebuilt field by field (the name first: the other messages name the file). */
export function checkImportRequest(value: unknown): ImportRequest {
  if (!isRecord(value)) invalid('An import request is { importId, name, bytes }.');
  const name = checkImportFileName(value.name);
  const request: ImportRequest = {
    importId: checkImportId(value.importId),
    name,
    bytes: checkImportBytes(value.bytes, name),
  };
  if (value.sameName !== undefined) {
    if (!(SAME_NAME_CHOICES as readonly unknown[]).includes(value.sameName))
      invalid(`What to do with a file of the same name is one of ${SAME_NAME_CHOICES.join(', ')}.`);
    request.sameName = value.sameName as ImportRequest['sameName'];
  }
  return request;
}

const PAGE_ORIGINS = ['all', 'publisher', 'yours'] as const;
const PAGE_SORTS = ['date', 'title'] as const;

/** A page of the library to list, rebuilt field by field. */
export function checkDocumentPageQuery(value: unknown): Required<DocumentPageQuery> {
  if (!isRecord(value)) invalid('A library page is { text, origin, sort, offset, limit }.');
  const { text, origin, sort, offset, limit } = value;
  if (text !== undefined && (typeof text !== 'string' || text.length > LIMITS.documentFilterChars))
    invalid(`The library filter is text of at most ${LIMITS.documentFilterChars} characters.`);
  if (origin !== undefined && !(PAGE_ORIGINS as readonly unknown[]).includes(origin))
    invalid(`The library origin is one of ${PAGE_ORIGINS.join(', ')}.`);
  if (!(PAGE_SORTS as readonly unknown[]).includes(sort))
    invalid(`The library sort is one of ${PAGE_SORTS.join(', ')}.`);
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0)
    invalid('A library page offset is a whole number from 0.');
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > LIMITS.documentPageRows)
    invalid(`A library page holds 1 to ${LIMITS.documentPageRows} rows.`);
  return {
    text: (text as string | undefined) ?? '',
    origin: (origin as Required<DocumentPageQuery>['origin'] | undefined) ?? 'all',
    sort: sort as DocumentPageQuery['sort'],
    offset,
    limit,
  };
}

/** Documents whose rows are asked for by id: 1 to 200 ids, each named once. */
export function checkDocumentSummaryIds(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > LIMITS.documentSummaryIds)
    invalid(`Library rows are asked for by 1 to ${LIMITS.documentSummaryIds} document ids.`);
  const ids = value.map((id) => checkDocId(id));
  if (new Set(ids).size !== ids.length) invalid('Library rows are asked for by each document id once.');
  return ids;
}

/** A complete, well-formed annotation record, rebuilt field by field so that nothing unknown rides along. */
export function checkAnnotationRecord(value: unknown): Annotation {
  if (!isRecord(value)) invalid('An annotation record is an object.');
  const id = checkAnnotationId(value.id);
  const docId = checkDocId(value.docId);
  if (typeof value.docTextHash !== 'string' || !TEXT_HASH.test(value.docTextHash)) {
    invalid('docTextHash is a sha256 hex digest (or empty when unknown).');
  }
  if (value.motivation !== 'highlighting' && value.motivation !== 'commenting') {
    invalid('motivation is highlighting or commenting.');
  }
  const color = checkColor(value.color);
  const note = checkNote(value.note);
  const tags = checkTags(value.tags);
  if (!Array.isArray(value.selectors) || (value.selectors.length !== 0 && value.selectors.length !== 2)) {
    invalid('selectors is empty (a document note) or a quote selector and a position selector.');
  }
  const selectors: Annotation['selectors'] =
    value.selectors.length === 0
      ? []
      : [checkQuoteSelector(value.selectors[0]), checkPositionSelector(value.selectors[1])];
  const status = value.anchorStatus;
  if (
    selectors.length === 0
      ? status !== 'document'
      : status !== 'exact' && status !== 'fuzzy' && status !== 'orphaned'
  ) {
    invalid('anchorStatus is document for a note without selectors, otherwise exact, fuzzy or orphaned.');
  }
  if (selectors.length > 0 && color === null) invalid('A highlight needs a colour.');
  return {
    id,
    docId,
    docTextHash: value.docTextHash,
    motivation: value.motivation,
    color,
    note,
    tags,
    selectors,
    anchorStatus: status as Annotation['anchorStatus'],
    created: checkDateTime(value.created, 'created'),
    modified: checkDateTime(value.modified, 'modified'),
  };
}

/**
 * The reader's Markdown export template: text within the length limit that parses (known placeholders,
 * sections closed). '' means the built-in layout. The message is the parser's one line.
 */
export function checkExportTemplate(value: unknown): string {
  if (typeof value !== 'string') invalid('An export template is text.');
  if (value === '') return value;
  const parsed = parseExportTemplate(value);
  if (!parsed.ok) invalid(parsed.message);
  return value;
}
