/**
 * Gives each drawn row of a long list one of a few stable slots (the list's keys), so that as the list
 * scrolls, the element of a row that left the window is given to a row that came in and only its
 * contents change: a frame of scrolling then makes no new card (no template cloned, no shadow root
 * attached, no styles adopted), and a new filter rewrites the cards already drawn. A row that stays
 * drawn keeps its slot, so the card holding focus is never handed to another row while it is drawn.
 * A plain class: no DOM.
 */
export class RowSlots {
  private slotOf = new Map<number, number>();
  private made = 0;

  /** The slot of each of `indices` (distinct row positions), in the same order. */
  assign(indices: readonly number[]): number[] {
    const wanted = new Set(indices);
    const free: number[] = [];
    for (const [index, slot] of this.slotOf) if (!wanted.has(index)) free.push(slot);
    const next = new Map<number, number>();
    const slots = indices.map((index) => {
      const slot = this.slotOf.get(index) ?? free.pop() ?? this.made++;
      next.set(index, slot);
      return slot;
    });
    this.slotOf = next;
    return slots;
  }
}
