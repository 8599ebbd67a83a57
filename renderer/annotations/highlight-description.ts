/**
 * What a screen reader hears about the highlights under the reading cursor: "highlighted, yellow,
 * has a note". Painting alone says nothing to a reader who cannot see it.
 */
import type { Annotation } from '../../main/api';
import { isAnchored } from './annotation-order';
import { colorLabel } from './highlight-colors';
import type { Span } from '../reading/reading-units';

/** The anchored highlights of a document in reading order, with their spans. */
export function highlightSpans(annotations: readonly Annotation[]): Array<Span & { annotation: Annotation }> {
  return annotations
    .filter((annotation) => isAnchored(annotation) && annotation.selectors.length === 2)
    .map((annotation) => {
      const { start, end } = annotation.selectors[1] as { start: number; end: number };
      return { start, end, annotation };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The highlights that overlap a span. */
export function highlightsIn(annotations: readonly Annotation[], span: Span): Annotation[] {
  return highlightSpans(annotations)
    .filter((highlight) => highlight.start < span.end && highlight.end > span.start)
    .map((highlight) => highlight.annotation);
}

/** "highlighted, yellow, has a note" for one highlight; several are named one after another. */
export function describeHighlights(annotations: readonly Annotation[]): string {
  return annotations
    .map((annotation) => {
      const parts = ['highlighted'];
      if (annotation.color) parts.push(colorLabel(annotation.color).toLowerCase());
      if (annotation.note.trim()) parts.push('has a note');
      if (annotation.tags.length > 0) parts.push(`tagged ${annotation.tags.join(', ')}`);
      return parts.join(', ');
    })
    .join('; ');
}
