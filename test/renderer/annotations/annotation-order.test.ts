import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../main/api';
import {
  allTags,
  filterNotebook,
  groupForPanel,
  notebookOrder,
  parseTags,
} from '../../../renderer/annotations/annotation-order';

let clock = 0;
function annotation(over: Partial<Annotation> & { range?: [number, number]; quote?: string }): Annotation {
  const { range, quote, ...rest } = over;
  const created = new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString();
  return {
    id: `urn:uuid:${clock}`,
    docId: 'doc-a',
    docTextHash: 'h',
    motivation: 'highlighting',
    color: 'yellow',
    note: '',
    tags: [],
    selectors: range
      ? [
          { type: 'TextQuoteSelector', exact: quote ?? 'quote', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: range[0], end: range[1] },
        ]
      : [],
    anchorStatus: range ? 'exact' : 'document',
    created,
    modified: created,
    ...rest,
  };
}

describe('annotation-order', () => {
  it('lists document notes first, then highlights in reading order, then the ones lost in this edition', () => {
    const late = annotation({ range: [500, 520] });
    const early = annotation({ range: [10, 40] });
    const docNote = annotation({ note: 'whole doc' });
    const lost = annotation({ range: [200, 230], anchorStatus: 'orphaned' });
    const fuzzy = annotation({ range: [100, 130], anchorStatus: 'fuzzy' });
    const groups = groupForPanel([late, lost, early, docNote, fuzzy]);
    expect(groups.documentNotes).toEqual([docNote]);
    expect(groups.passages).toEqual([early, fuzzy, late]);
    expect(groups.orphaned).toEqual([lost]);
  });

  it('puts the longer of two highlights that start together first, so nested ones follow their container', () => {
    const inner = annotation({ range: [10, 20] });
    const outer = annotation({ range: [10, 90] });
    expect(groupForPanel([inner, outer]).passages).toEqual([outer, inner]);
  });

  it('filters the notebook by colour, tag and words in quote, note, tags or title, ignoring case and accents', () => {
    const a = annotation({ range: [0, 5], quote: 'Gwadar Port', color: 'blue', tags: ['CPEC'] });
    const b = annotation({
      range: [9, 15],
      quote: 'foot injury',
      note: 'A *dubious* pretext — Zardari',
      tags: ['politics'],
    });
    const c = annotation({ docId: 'doc-b', note: 'Café notes on the whole thing' });
    const all = [a, b, c];
    const title = (id: string) => (id === 'doc-a' ? 'Security Concerns' : 'Another Paper');
    const filter = (over: Partial<Parameters<typeof filterNotebook>[1]>) =>
      filterNotebook(all, { color: null, tag: null, text: '', ...over }, title);
    expect(filter({ color: 'blue' })).toEqual([a]);
    expect(filter({ tag: 'cpec' })).toEqual([a]);
    expect(filter({ text: 'dubious zardari' })).toEqual([b]);
    expect(filter({ text: 'cafe' })).toEqual([c]);
    expect(filter({ text: 'another' })).toEqual([c]);
    expect(filter({ text: 'gwadar', color: 'yellow' })).toEqual([]);
    expect(filter({})).toEqual(all);
  });

  it('orders the notebook by document title, each document as in its panel', () => {
    const x = annotation({ docId: 'z-doc', range: [50, 60] });
    const y = annotation({ docId: 'a-doc', range: [70, 80] });
    const z = annotation({ docId: 'a-doc', range: [5, 8] });
    const title = (id: string) => (id === 'a-doc' ? 'Alpha' : 'Zulu');
    expect(notebookOrder([x, y, z], title)).toEqual([z, y, x]);
  });

  it('reads a tag field into clean distinct tags, and lists every tag once', () => {
    expect(parseTags(' china, #security ,,China\nCPEC  corridor ')).toEqual([
      'china',
      'security',
      'CPEC corridor',
    ]);
    const tagged = [annotation({ tags: ['b', 'A'] }), annotation({ tags: ['a', 'c'] })];
    expect(allTags(tagged)).toEqual(['A', 'b', 'c']);
  });
});
