import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../main/api';
import {
  describeHighlights,
  highlightSpans,
  highlightsIn,
} from '../../../renderer/annotations/highlight-description';

function annotation(id: string, over: Partial<Annotation> & { range?: [number, number] }): Annotation {
  const { range, ...rest } = over;
  return {
    id,
    docId: 'doc-a',
    docTextHash: 'h',
    motivation: 'highlighting',
    color: 'yellow',
    note: '',
    tags: [],
    selectors: range
      ? [
          { type: 'TextQuoteSelector', exact: 'quote', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: range[0], end: range[1] },
        ]
      : [],
    anchorStatus: range ? 'exact' : 'document',
    created: '2026-01-01T00:00:00Z',
    modified: '2026-01-01T00:00:00Z',
    ...rest,
  };
}

describe('highlight-description', () => {
  const noted = annotation('a', { range: [100, 140], note: 'Read this', color: 'yellow' });
  const plain = annotation('b', { range: [10, 30], color: 'blue', tags: ['cpec'] });
  const wholeDoc = annotation('c', { note: 'On the whole piece' });
  const lost = annotation('d', { range: [50, 60], anchorStatus: 'orphaned' });

  it('says the colour and whether there is a note, the way a screen reader should hear it', () => {
    expect(describeHighlights([noted])).toBe('highlighted, yellow, has a note');
    expect(describeHighlights([plain])).toBe('highlighted, blue, tagged cpec');
    expect(describeHighlights([])).toBe('');
  });

  it('lists only highlights painted in the text, in reading order', () => {
    expect(highlightSpans([noted, wholeDoc, lost, plain]).map((span) => span.annotation.id)).toEqual([
      'b',
      'a',
    ]);
  });

  it('finds the highlights a sentence touches, and none beside it', () => {
    expect(highlightsIn([noted, plain], { start: 120, end: 180 }).map((a) => a.id)).toEqual(['a']);
    expect(highlightsIn([noted, plain], { start: 30, end: 100 })).toEqual([]);
  });
});
