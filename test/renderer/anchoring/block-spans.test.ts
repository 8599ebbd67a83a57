import { describe, expect, it } from 'vitest';
import {
  blockIndexAt,
  segmentsOf,
  snapToText,
  textNodeAt,
  trimRange,
  unionOf,
  unitStart,
} from '../../../renderer/anchoring/block-spans';

// Three units as the canonical text lays them out: "Heading" (0–7), "\n\n", "First para." (9–20), "\n\n", "Second." (22–29).
const text = 'Heading\n\nFirst para.\n\nSecond.';
const blocks = [
  { start: 0, length: 7 },
  { start: 9, length: 11 },
  { start: 22, length: 7 },
];

describe('block-spans', () => {
  it('finds the unit an offset falls in, or the one before a separator', () => {
    expect(blockIndexAt(blocks, 0)).toBe(0);
    expect(blockIndexAt(blocks, 8)).toBe(0);
    expect(blockIndexAt(blocks, 9)).toBe(1);
    expect(blockIndexAt(blocks, 29)).toBe(2);
    expect(blockIndexAt([], 3)).toBe(-1);
  });

  it('splits a highlight over several paragraphs into one piece per paragraph, skipping the blank lines', () => {
    const segments = segmentsOf(blocks, 15, 26);
    expect(segments).toEqual([
      { block: 1, from: 6, to: 11 },
      { block: 2, from: 0, to: 4 },
    ]);
    expect(
      segments.map((s) => text.slice(blocks[s.block].start + s.from, blocks[s.block].start + s.to)),
    ).toEqual(['para.', 'Seco']);
  });

  it('paints nothing for an empty range or one that lies only in a separator', () => {
    expect(segmentsOf(blocks, 5, 5)).toEqual([]);
    expect(segmentsOf(blocks, 20, 22)).toEqual([]);
  });

  it('moves a triple-click selection that ends at the start of the next paragraph back to the end of its own', () => {
    expect(snapToText(blocks, 9, 22)).toEqual({ start: 9, end: 20 });
  });

  it('moves a selection that starts at the end of a paragraph to the start of the next one', () => {
    expect(snapToText(blocks, 20, 26)).toEqual({ start: 22, end: 26 });
    expect(snapToText(blocks, 7, 9)).toBeNull();
  });

  it('finds the text node of an offset, leaning forward for a start and back for an end', () => {
    // A paragraph rendered as "First " + "para" (emphasis) + ".": node ends 6, 10, 11.
    const ends = [6, 10, 11];
    expect(textNodeAt(ends, 6, true)).toEqual({ node: 1, offset: 0 });
    expect(textNodeAt(ends, 6, false)).toEqual({ node: 0, offset: 6 });
    expect(textNodeAt(ends, 11, false)).toEqual({ node: 2, offset: 1 });
    expect(textNodeAt(ends, 0, true)).toEqual({ node: 0, offset: 0 });
  });

  it('trims spaces and line breaks from the ends of a selection', () => {
    const at = (offset: number) => text[offset] ?? '';
    expect(trimRange(at, 7, 15)).toEqual({ start: 9, end: 14 });
    expect(trimRange(at, 7, 9)).toBeNull();
  });

  it('merges overlapping and touching highlights of one colour into as few spans as possible', () => {
    expect(
      unionOf([
        [30, 40],
        [0, 10],
        [5, 12],
        [12, 15],
        [35, 38],
        [50, 50],
      ]),
    ).toEqual([
      [0, 15],
      [30, 40],
    ]);
    expect(unionOf([])).toEqual([]);
  });

  it('reads a unit start from data-start, and an empty or odd attribute as no start rather than 0', () => {
    const at = (value: string | null) => ({ getAttribute: () => value });
    expect(unitStart(at('1012'))).toBe(1012);
    expect(unitStart(at(''))).toBeNull();
    expect(unitStart(at(null))).toBeNull();
    expect(unitStart(at('-3'))).toBeNull();
  });
});
