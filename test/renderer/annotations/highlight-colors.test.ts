import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS, colorLabel } from '../../../renderer/annotations/highlight-colors';

describe('highlight-colors', () => {
  it('offers the five colours in the order the menus show them, yellow first', () => {
    expect(HIGHLIGHT_COLORS).toEqual(['yellow', 'green', 'blue', 'pink', 'purple']);
  });

  it('names each colour for buttons and screen readers, each name different', () => {
    const labels = HIGHLIGHT_COLORS.map(colorLabel);
    expect(labels).toEqual(['Yellow', 'Green', 'Blue', 'Pink', 'Purple']);
    expect(new Set(labels).size).toBe(HIGHLIGHT_COLORS.length);
  });

  it('says "No colour" for a note without one, rather than an empty label', () => {
    expect(colorLabel(null)).toBe('No colour');
  });
});
