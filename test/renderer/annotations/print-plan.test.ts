import { describe, expect, it } from 'vitest';
import type { Annotation, HighlightColor } from '../../../main/api';
import { blockPieces, printPlan, sliceRuns } from '../../../renderer/annotations/print-plan';

let next = 0;
function highlight(start: number, end: number, color: HighlightColor, note = ''): Annotation {
  next += 1;
  return {
    id: `urn:uuid:${next}`,
    docId: 'doc',
    docTextHash: '',
    motivation: note ? 'commenting' : 'highlighting',
    color,
    note,
    tags: [],
    selectors: [
      { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start, end },
    ],
    anchorStatus: 'exact',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

describe('print-plan', () => {
  it('numbers only the notes on passages, in reading order, and sets aside document notes and lost passages', () => {
    const late = highlight(50, 60, 'blue', 'second');
    const early = highlight(10, 20, 'yellow', 'first');
    const bare = highlight(30, 40, 'green');
    const lost = { ...highlight(0, 5, 'pink', 'gone'), anchorStatus: 'orphaned' as const };
    const whole = {
      ...highlight(0, 1, 'pink', 'about it all'),
      selectors: [] as [],
      anchorStatus: 'document' as const,
      color: null,
    };
    const plan = printPlan([late, bare, lost, whole, early]);
    expect(plan.anchored.map((a) => a.note || 'bare')).toEqual(['first', 'bare', 'second']);
    expect([...plan.numbers.entries()]).toEqual([
      [early.id, 1],
      [late.id, 2],
    ]);
    expect(plan.documentNotes).toEqual([whole]);
    expect(plan.orphans).toEqual([lost]);
  });

  it('cuts a block at every highlight edge, shows the inner of two overlapping highlights, and puts the marker where the passage ends', () => {
    const outer = highlight(100, 120, 'yellow', 'outer note');
    const inner = highlight(105, 110, 'blue', 'inner note');
    const pieces = blockPieces(100, 30, printPlan([outer, inner]));
    expect(
      pieces.map((p) => [p.from, p.to, p.highlight?.color ?? null, p.notesEnding.map((a) => a.note)]),
    ).toEqual([
      [0, 5, 'yellow', []],
      [5, 10, 'blue', ['inner note']],
      [10, 20, 'yellow', ['outer note']],
      [20, 30, null, []],
    ]);
  });

  it('marks a passage that runs over two blocks in both, with its marker only in the block where it ends', () => {
    const across = highlight(15, 35, 'pink', 'across');
    const plan = printPlan([across]);
    const first = blockPieces(0, 20, plan); // text 0..20, then "\n\n", next block at 22
    const second = blockPieces(22, 20, plan);
    expect(first.map((p) => [p.from, p.to, p.highlight !== null, p.notesEnding.length])).toEqual([
      [0, 15, false, 0],
      [15, 20, true, 0],
    ]);
    expect(second.map((p) => [p.from, p.to, p.highlight !== null, p.notesEnding.length])).toEqual([
      [0, 13, true, 1],
      [13, 20, false, 0],
    ]);
  });

  it('slices runs by character, keeping emphasis and links as they are', () => {
    const runs = [
      { type: 'text' as const, text: 'Plain ' },
      { type: 'emphasis' as const, text: 'stressed' },
      { type: 'link' as const, text: ' link', href: 'https://example.org' },
    ];
    expect(sliceRuns(runs, 3, 10)).toEqual([
      { type: 'text', text: 'in ' },
      { type: 'emphasis', text: 'stre' },
    ]);
    expect(sliceRuns(runs, 12, 19)).toEqual([
      { type: 'emphasis', text: 'ed' },
      { type: 'link', text: ' link', href: 'https://example.org' },
    ]);
  });
});
