/**
 * Import of W3C Web Annotation JSON-LD (Margin's own export, or another tool's annotations on Margin
 * documents). Merges by id, the newest `modified` wins, nothing is ever deleted, and the whole import is
 * one transaction: either every acceptable record is saved or, on a failure, none.
 */
import type { Annotation, ImportReport } from '../api';
import { MarginError } from '../errors';
import { annotationItems, fromWebAnnotation } from './annotation-jsonld';
import type { AnnotationStore } from './annotation-store';

/** 50 MB of JSON is far beyond any reader's notes; more is a wrong file. */
export const MAX_IMPORT_LENGTH = 50_000_000;
const MAX_PROBLEMS_LISTED = 100;

function describe(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return `Annotation ${index + 1}${typeof id === 'string' ? ` (${id.slice(0, 80)})` : ''}`;
}

function isNewer(candidate: Annotation, than: Annotation): boolean {
  return Date.parse(candidate.modified) > Date.parse(than.modified);
}

export function importAnnotations(store: AnnotationStore, text: string): ImportReport {
  if (typeof text !== 'string' || text.trim() === '')
    throw new MarginError('invalid-argument', 'The file to import is empty.');
  if (text.length > MAX_IMPORT_LENGTH)
    throw new MarginError('invalid-argument', 'The file to import is too large (over 50 MB).');
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new MarginError(
      'invalid-argument',
      `The file is not JSON-LD (${(error as Error).message}). Nothing was imported.`,
    );
  }
  const items = annotationItems(document);
  if (items === null) {
    throw new MarginError(
      'invalid-argument',
      'The file holds no Web Annotations (expected an AnnotationCollection, an AnnotationPage or Annotations). Nothing was imported.',
    );
  }

  const problems: string[] = [];
  // Within one file, the same id twice: the newest copy is the one that counts.
  const incoming = new Map<string, Annotation>();
  items.forEach((item, index) => {
    try {
      const record = fromWebAnnotation(item);
      const seen = incoming.get(record.id);
      if (!seen || isNewer(record, seen)) incoming.set(record.id, record);
    } catch (error) {
      problems.push(`${describe(item, index)}: ${(error as Error).message}`);
    }
  });

  const toWrite: Annotation[] = [];
  let added = 0;
  let updated = 0;
  let notNewer = 0;
  for (const record of incoming.values()) {
    const current = store.get(record.id);
    if (!current) {
      added += 1;
      toWrite.push(record);
    } else if (isNewer(record, current)) {
      updated += 1;
      toWrite.push(record);
    } else {
      notNewer += 1;
    }
  }
  store.putAll(toWrite);
  const duplicates = items.length - problems.length - incoming.size;
  const listed = problems.slice(0, MAX_PROBLEMS_LISTED);
  if (problems.length > listed.length) listed.push(`…and ${problems.length - listed.length} more.`);
  return { added, updated, skipped: notNewer + duplicates + problems.length, problems: listed };
}
