import { describe, expect, it } from 'vitest';
import { RowSlots } from '../../../renderer/library/row-slots';

const range = (first: number, last: number): number[] =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i);

describe('row-slots', () => {
  it('keeps the slot of a row that stays drawn and gives the slots of rows that left to rows that came in', () => {
    const slots = new RowSlots();
    const before = slots.assign(range(0, 9));
    expect(new Set(before).size).toBe(10);
    const after = slots.assign(range(4, 13));
    // Rows 4–9 are where they were; rows 10–13 took the slots of rows 0–3.
    expect(after.slice(0, 6)).toEqual(before.slice(4));
    expect(new Set(after.slice(6))).toEqual(new Set(before.slice(0, 4)));
  });

  it('never needs more slots than rows drawn at once, however far the list scrolls', () => {
    const slots = new RowSlots();
    const seen = new Set<number>();
    for (let first = 0; first < 100_000; first += 7) {
      const assigned = slots.assign(range(first, first + 16));
      expect(new Set(assigned).size).toBe(17);
      for (const slot of assigned) seen.add(slot);
    }
    expect(seen.size).toBe(17);
  });

  it('keeps the slot of a row drawn apart from the window (the focused one) while the window moves', () => {
    const slots = new RowSlots();
    const focused = slots.assign([...range(0, 9)])[2];
    for (let first = 1; first < 500; first += 5) {
      const assigned = slots.assign([...range(first + 20, first + 29), 2]);
      expect(assigned.at(-1)).toBe(focused);
      expect(new Set(assigned).size).toBe(11);
    }
  });
});
