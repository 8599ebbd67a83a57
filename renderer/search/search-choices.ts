/** The search list's choices (passages by document, then the reader's own hits) and how far it asks. */
import type { AnnotationHit, PassageHit, SearchResults } from '../../main/api';

export { GROUP_STEPS } from '../../main/shared/search-steps';
/** Ask for the next step when the list is scrolled to within this many panel heights of its end. */
export const MORE_WITHIN_PANELS = 1;

export type Choice =
  { kind: 'passage'; docId: string; passage: PassageHit } | { kind: 'annotation'; hit: AnnotationHit };

/** Passages ahead of the last document's end at which the arrow keys ask for more documents. */
export const GROUP_PASSAGES_AHEAD = 3;

/** Every result of an answer in the order they are shown: passages by document, then the reader's own hits. */
export function choicesOf(results: SearchResults | null | undefined): Choice[] {
  if (!results || results.status !== 'ok') return [];
  return [
    ...results.groups.flatMap((group) =>
      group.passages.map((passage): Choice => ({ kind: 'passage', docId: group.docId, passage })),
    ),
    ...results.annotations.map((hit): Choice => ({ kind: 'annotation', hit })),
  ];
}

export function choiceKey(choice: Choice | undefined): string | null {
  if (!choice) return null;
  return choice.kind === 'passage'
    ? `passage ${choice.docId} ${choice.passage.blockId}`
    : `note ${choice.hit.annotationId}`;
}

/** How many of an answer's choices are document passages (the reader's own hits follow them). */
export function passageCount(results: SearchResults | null | undefined): number {
  if (!results || results.status !== 'ok') return 0;
  return results.groups.reduce((sum, group) => sum + group.passages.length, 0);
}
