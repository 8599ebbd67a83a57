import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchor, CONTEXT_LENGTH, describeRange } from '../../../main/annotations/anchoring';

const fixtures = join(__dirname, '../../fixtures/anchoring');
const v1 = readFileSync(join(fixtures, 'commentary-v1.txt'), 'utf8');

interface Edit {
  find: string;
  replace: string;
  occurrence?: number;
}
interface AnchoringCase {
  name: string;
  highlight: { text: string; occurrence?: number };
  edits: Edit[];
  expect: { status: 'exact' | 'fuzzy' | 'orphaned'; text?: string; occurrence?: number };
}
const corpus = JSON.parse(readFileSync(join(fixtures, 'cases.json'), 'utf8')) as { cases: AnchoringCase[] };

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Offset of the n-th occurrence of `needle`; fails loudly so that a stale fixture cannot pass. */
function nthIndex(text: string, needle: string, n = 0): number {
  let at = text.indexOf(needle);
  for (let i = 0; i < n && at !== -1; i++) at = text.indexOf(needle, at + 1);
  if (at === -1) throw new Error(`fixture text not found (occurrence ${n}): ${needle.slice(0, 60)}`);
  return at;
}

function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of edits) {
    const at = nthIndex(result, edit.find, edit.occurrence ?? 0);
    result = result.slice(0, at) + edit.replace + result.slice(at + edit.find.length);
  }
  return result;
}

describe('anchoring', () => {
  it('describes a range with its quote, 32+ characters of context on each side and its position', () => {
    const start = nthIndex(v1, 'security lapses and strained diplomacy');
    const end = start + 'security lapses and strained diplomacy'.length;
    const [quote, position] = describeRange(v1, start, end);
    expect(quote.exact).toBe('security lapses and strained diplomacy');
    expect(quote.prefix.length).toBe(CONTEXT_LENGTH);
    expect(quote.suffix.length).toBe(CONTEXT_LENGTH);
    expect(CONTEXT_LENGTH).toBeGreaterThanOrEqual(32);
    expect(v1.slice(start - quote.prefix.length, end + quote.suffix.length)).toBe(
      quote.prefix + quote.exact + quote.suffix,
    );
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('takes what context there is at the very start and end of a text', () => {
    const [first] = describeRange(v1, 0, 7);
    expect(first.prefix).toBe('');
    const [last] = describeRange(v1, v1.length - 5, v1.length);
    expect(last.suffix).toBe('');
  });

  it('never cuts a surrogate pair in the context', () => {
    const text = `${'😀'.repeat(40)}quoted words${'😀'.repeat(40)}`;
    const start = text.indexOf('quoted');
    const [quote] = describeRange(text, start, start + 'quoted words'.length);
    expect(quote.prefix.length % 2).toBe(0);
    expect(quote.suffix.length % 2).toBe(0);
    expect(quote.prefix.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses an empty range or one outside the text', () => {
    expect(() => describeRange(v1, 10, 10)).toThrow(RangeError);
    expect(() => describeRange(v1, -1, 5)).toThrow(RangeError);
    expect(() => describeRange(v1, 5, v1.length + 1)).toThrow(RangeError);
  });

  it('uses the position while the text is unchanged, even when the quote also occurs earlier', () => {
    const start = nthIndex(v1, 'Chinese nationals in Pakistan', 1);
    const selectors = describeRange(v1, start, start + 'Chinese nationals in Pakistan'.length);
    const result = anchor({ selectors, docTextHash: hash(v1), anchorStatus: 'exact' }, v1, hash(v1));
    expect(result.status).toBe('exact');
    expect(result.selectors[1].start).toBe(start);
  });

  it('keeps an orphan orphaned with its original quote while the text stays the same', () => {
    const start = nthIndex(v1, 'fifth wave of insurgency');
    const selectors = describeRange(v1, start, start + 'fifth wave of insurgency'.length);
    const result = anchor({ selectors, docTextHash: hash(v1), anchorStatus: 'orphaned' }, v1, hash(v1));
    expect(result).toEqual({ selectors, status: 'orphaned' });
  });

  it('places by the quote, at best fuzzy, when the position on an unchanged text does not hold the quote', () => {
    const phrase = 'fifth wave of insurgency';
    const start = nthIndex(v1, phrase);
    const [quote] = describeRange(v1, start, start + phrase.length);
    for (const wrong of [
      { start: v1.length + 100, end: v1.length + 100 + phrase.length },
      { start: start + 7, end: start + 7 + phrase.length },
    ]) {
      const result = anchor(
        {
          selectors: [quote, { type: 'TextPositionSelector', ...wrong }],
          docTextHash: hash(v1),
          anchorStatus: 'exact',
        },
        v1,
        hash(v1),
      );
      expect(result.status).toBe('fuzzy');
      expect(result.selectors).toEqual(describeRange(v1, start, start + phrase.length));
    }
  });

  describe('re-anchors each v1 → v2 pair of the corpus as expected', () => {
    it('has a corpus covering every outcome', () => {
      const statuses = new Set(corpus.cases.map((c) => c.expect.status));
      expect([...statuses].sort()).toEqual(['exact', 'fuzzy', 'orphaned']);
    });

    for (const testCase of corpus.cases) {
      it(testCase.name, () => {
        const start = nthIndex(v1, testCase.highlight.text, testCase.highlight.occurrence ?? 0);
        const selectors = describeRange(v1, start, start + testCase.highlight.text.length);
        const v2 = applyEdits(v1, testCase.edits);
        const result = anchor({ selectors, docTextHash: hash(v1), anchorStatus: 'exact' }, v2, hash(v2));

        expect(result.status).toBe(testCase.expect.status);
        if (testCase.expect.status === 'orphaned') {
          // Kept exactly as recorded: the original quote is what the notes panel shows.
          expect(result.selectors).toEqual(selectors);
          return;
        }
        const [quote, position] = result.selectors;
        const expectedText = testCase.expect.text ?? '';
        const expectedStart = nthIndex(v2, expectedText, testCase.expect.occurrence ?? 0);
        expect(v2.slice(position.start, position.end)).toBe(expectedText);
        expect(position.start).toBe(expectedStart);
        // The new selectors describe the new text, so the renderer can paint by position.
        expect(result.selectors).toEqual(describeRange(v2, position.start, position.end));
        expect(quote.exact).toBe(expectedText);
      });
    }
  });
});
