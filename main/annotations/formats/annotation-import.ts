/**
 * Import of Margin's Markdown export (its hidden records) and of W3C Web Annotation JSON-LD (Margin's
 * own export, or another tool's annotations on Margin documents). Merges by id, the newest `modified`
 * wins, nothing is ever deleted, and the whole import is one transaction: either every acceptable
 * record is saved or, on a failure, none.
 *
 * A note edited by hand in a Markdown export (its `modified` cannot have moved) is taken as a change
 * made at import time, but only over the very note that was exported: when the note was also changed
 * in Margin since, Margin's note is kept and the clash is reported. An emptied note is never taken.
 */
import type { Annotation, ImportReport } from '../../api';
import { errorDetail, jsonSyntaxProblem, MarginError, printableLine } from '../../errors';
import { annotationItems, fromWebAnnotation } from './annotation-jsonld';
import { isMarginMarkdown, parseMarginMarkdown, sameNoteText } from './annotation-markdown-import';
import type { IncomingRecord, ParsedImport } from './annotation-markdown-import';
import type { AnnotationStore } from '../store/annotation-store';
import { checkAnnotationRecord, checkImportText } from '../annotation-validation';

const MAX_PROBLEMS_LISTED = 100;

function describe(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return `Annotation ${index + 1}${typeof id === 'string' ? ` (${printableLine(id, 80)})` : ''}`;
}

function isNewer(candidate: Annotation, than: Annotation): boolean {
  return Date.parse(candidate.modified) > Date.parse(than.modified);
}

function parseJsonLd(text: string): ParsedImport {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new MarginError(
      'invalid-argument',
      `The file is neither a Markdown export from Margin (it has no hidden margin:annotation records) nor W3C Web Annotation JSON-LD (${jsonSyntaxProblem(error, text)}). Nothing was imported.`,
    );
  }
  const items = annotationItems(document);
  if (items === null) {
    throw new MarginError(
      'invalid-argument',
      'The file holds no Web Annotations (expected an AnnotationCollection, an AnnotationPage or Annotations). Nothing was imported.',
    );
  }
  const records: IncomingRecord[] = [];
  const problems: string[] = [];
  items.forEach((item, index) => {
    try {
      records.push({ record: fromWebAnnotation(item), label: describe(item, index) });
    } catch (error) {
      problems.push(`${describe(item, index)}: ${errorDetail(error)}`);
    }
  });
  return { records, problems };
}

function parseMarkdown(text: string): ParsedImport {
  const parsed = parseMarginMarkdown(text);
  if (parsed.records.length === 0 && parsed.problems.length === 0) {
    throw new MarginError(
      'invalid-argument',
      'This Markdown file from Margin holds no highlights or notes to import (a file exported by an older Margin has no hidden records: export it again). Nothing was imported.',
    );
  }
  return parsed;
}

export function importAnnotations(
  store: AnnotationStore,
  text: string,
  now: () => Date = () => new Date(),
): ImportReport {
  const clean = checkImportText(text).replace(/^\uFEFF/, '');
  const parsed = isMarginMarkdown(clean) ? parseMarkdown(clean) : parseJsonLd(clean);

  const problems = [...parsed.problems];
  let skipped = parsed.problems.length;
  // Within one file, the same id twice: the newest copy is the one that counts.
  const incoming = new Map<string, IncomingRecord>();
  for (const item of parsed.records) {
    const seen = incoming.get(item.record.id);
    if (seen) skipped += 1;
    if (!seen || isNewer(item.record, seen.record)) incoming.set(item.record.id, item);
  }

  const toWrite: Annotation[] = [];
  let added = 0;
  let updated = 0;
  for (const { record, label, editedNote } of incoming.values()) {
    const current = store.get(record.id);
    if (editedNote !== undefined && editedNote.trim() === '') {
      problems.push(
        `${label}: its note was removed in the file; an import never deletes a note, so it was kept.`,
      );
    }
    if (editedNote === undefined || editedNote.trim() === '') {
      if (!current) {
        added += 1;
        toWrite.push(record);
      } else if (isNewer(record, current)) {
        updated += 1;
        toWrite.push(record);
      } else {
        skipped += 1;
      }
      continue;
    }
    if (current && sameNoteText(current.note, editedNote)) {
      skipped += 1; // This edit was imported before.
      continue;
    }
    if (current && !sameNoteText(current.note, record.note)) {
      problems.push(
        `${label}: its note was edited in this file and also in Margin since the export; Margin's note was kept (the file still holds your other version).`,
      );
      skipped += 1;
      continue;
    }
    // The other fields come from whichever copy is newer; the note is the reader's edit.
    const base = current && !isNewer(record, current) ? current : record;
    const modified = new Date(Math.max(now().getTime(), Date.parse(base.modified) + 1)).toISOString();
    try {
      toWrite.push(
        checkAnnotationRecord({
          ...base,
          note: editedNote,
          motivation: 'commenting',
          modified,
        }),
      );
      if (current) updated += 1;
      else added += 1;
    } catch (error) {
      problems.push(`${label}: ${errorDetail(error)}`);
      skipped += 1;
    }
  }
  store.putAll(toWrite);
  const listed = problems.slice(0, MAX_PROBLEMS_LISTED);
  if (problems.length > listed.length) listed.push(`…and ${problems.length - listed.length} more.`);
  return { added, updated, skipped, problems: listed };
}
