/**
 * How the notes panel and the notebook order and filter annotations. Pure functions over the
 * records the API returns, so the same rules hold in both views and are tested without a browser.
 */
import type { Annotation, HighlightColor } from '../../main/api';
import { readingGroup, readingOrder, type ReadingGroup } from '../../main/shared/annotation-reading-order';
import { markdownPlainText } from './markdown-parse';

/** Where an annotation sits in its document's canonical text, or null for notes on the whole document. */
export function annotationStart(annotation: Annotation): number | null {
  return annotation.selectors.length === 2 ? annotation.selectors[1].start : null;
}

/** The quoted passage, or null for notes on the whole document. */
export function annotationQuote(annotation: Annotation): string | null {
  return annotation.selectors.length === 2 ? annotation.selectors[0].exact : null;
}

/** True when the annotation can be painted in the current text of its document. */
export function isAnchored(annotation: Annotation): boolean {
  return readingGroup(annotation) === 'passage';
}

export interface NotesPanelGroups {
  /** Notes on the whole document, oldest first. */
  documentNotes: Annotation[];
  /** Highlights and their notes in reading order. */
  passages: Annotation[];
  /** Passages that could not be found in the current text of the document. */
  orphaned: Annotation[];
}

/** The notes panel's three groups: document notes first, then reading order, then the lost ones. */
export function groupForPanel(annotations: readonly Annotation[]): NotesPanelGroups {
  const groups: Record<ReadingGroup, Annotation[]> = { document: [], passage: [], orphaned: [] };
  for (const annotation of [...annotations].sort(readingOrder))
    groups[readingGroup(annotation)].push(annotation);
  const { document: documentNotes, passage: passages, orphaned } = groups;
  return { documentNotes, passages, orphaned };
}

export interface NotebookFilter {
  color: HighlightColor | null;
  tag: string | null;
  text: string;
}

/** Every tag in use, sorted case-insensitively, each once. */
export function allTags(annotations: readonly Annotation[]): string[] {
  const tags = new Map<string, string>();
  for (const annotation of annotations) {
    for (const tag of annotation.tags) if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), tag);
  }
  return [...tags.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}

/**
 * The notebook's filter: a colour, a tag, and words that must all appear (in any order, ignoring
 * case and accents) in the quote, the note, the tags or the document title.
 */
export function filterNotebook(
  annotations: readonly Annotation[],
  filter: NotebookFilter,
  titleOf: (docId: string) => string,
): Annotation[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  const tag = filter.tag?.toLowerCase() ?? null;
  return annotations.filter((annotation) => {
    if (filter.color && annotation.color !== filter.color) return false;
    if (tag && !annotation.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (words.length === 0) return true;
    const haystack = fold(
      [
        annotationQuote(annotation) ?? '',
        markdownPlainText(annotation.note),
        annotation.tags.join(' '),
        titleOf(annotation.docId),
      ].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** Lower case without accents, so "Zardari" finds "zardari" and "café" finds "cafe". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The notebook's order: documents by title, then each document's notes as in the panel. */
export function notebookOrder(
  annotations: readonly Annotation[],
  titleOf: (docId: string) => string,
): Annotation[] {
  const byDoc = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const list = byDoc.get(annotation.docId) ?? [];
    list.push(annotation);
    byDoc.set(annotation.docId, list);
  }
  return [...byDoc.entries()]
    .sort(([a], [b]) => titleOf(a).localeCompare(titleOf(b)))
    .flatMap(([, list]) => {
      const groups = groupForPanel(list);
      return [...groups.documentNotes, ...groups.passages, ...groups.orphaned];
    });
}

/** Splits a tag field ("china, security  cpec") into clean, distinct tags. */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const tag = raw.trim().replace(/^#/, '').replace(/\s+/g, ' ');
    if (tag && !tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  }
  return tags;
}
