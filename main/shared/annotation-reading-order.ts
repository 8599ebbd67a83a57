/**
 * The order in which a document's highlights and notes are read, shared by the service (the order of
 * `listAnnotations`) and the renderer (the notes panel and the notebook). Like `main/api.ts`, this
 * module imports nothing (types aside), so the renderer may import it.
 */
import type { Annotation } from '../api';

/** Notes on the whole document, passages painted in the text, and passages lost in a new edition. */
export type ReadingGroup = 'document' | 'passage' | 'orphaned';

const GROUP_RANK: Record<ReadingGroup, number> = { document: 0, passage: 1, orphaned: 2 };

export function readingGroup(annotation: Annotation): ReadingGroup {
  if (annotation.selectors.length === 0) return 'document';
  return annotation.anchorStatus === 'exact' || annotation.anchorStatus === 'fuzzy' ? 'passage' : 'orphaned';
}

/**
 * Document notes first, then passages where they start in the text, then the lost ones (their
 * positions mean nothing now). Of two passages starting at the same place the longer comes first,
 * because it encloses the other; anything still tied goes oldest first.
 */
export function readingOrder(a: Annotation, b: Annotation): number {
  const groupA = readingGroup(a);
  const groupB = readingGroup(b);
  if (groupA !== groupB) return GROUP_RANK[groupA] - GROUP_RANK[groupB];
  if (groupA === 'passage' && a.selectors.length === 2 && b.selectors.length === 2) {
    const [, positionA] = a.selectors;
    const [, positionB] = b.selectors;
    const byPlace = positionA.start - positionB.start || positionB.end - positionA.end;
    if (byPlace !== 0) return byPlace;
  }
  return a.created.localeCompare(b.created);
}
