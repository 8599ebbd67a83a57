/**
 * Pure arithmetic between canonical-text positions and the reader's blocks.
 *
 * The reader renders each annotatable unit (heading, paragraph, caption) as an element whose
 * `data-start` is the unit's offset in the canonical text and whose text is exactly the unit's text.
 * Units are joined by a two-character separator in the canonical text that has no DOM counterpart,
 * so every mapping goes through these spans. No DOM here: the painter and the selection controller
 * supply the spans and the text-node lengths.
 */

/** One unit as rendered: where it starts in the canonical text and how long its text is. */
export interface BlockSpan {
  start: number;
  length: number;
}

/** A piece of a canonical range that lies inside one block, in that block's local offsets. */
export interface BlockSegment {
  block: number;
  from: number;
  to: number;
}

/**
 * A rendered unit's canonical start, from its `data-start` attribute; null when it has none (an
 * empty attribute is not offset 0).
 */
export function unitStart(element: { getAttribute(name: string): string | null }): number | null {
  const value = element.getAttribute('data-start');
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value);
}

/** Index of the last block whose start is at or before `offset`, or -1 when before the first. */
export function blockIndexAt(blocks: readonly BlockSpan[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * The parts of [start, end) that fall on rendered text, one per block, in reading order.
 * Separators between blocks and text the reader does not render are skipped.
 */
export function segmentsOf(blocks: readonly BlockSpan[], start: number, end: number): BlockSegment[] {
  const segments: BlockSegment[] = [];
  if (!(end > start)) return segments;
  let index = Math.max(0, blockIndexAt(blocks, start));
  for (; index < blocks.length; index++) {
    const block = blocks[index];
    if (block.start >= end) break;
    const from = Math.max(start, block.start) - block.start;
    const to = Math.min(end, block.start + block.length) - block.start;
    if (to > from) segments.push({ block: index, from, to });
  }
  return segments;
}

/**
 * Snaps a range taken from a DOM selection onto rendered text: a start that falls in a separator or
 * at the very end of a block moves to the next block's start; an end at the very start of a block
 * (what a triple-click gives) moves back to the end of the previous one. Null when nothing is left.
 */
export function snapToText(
  blocks: readonly BlockSpan[],
  start: number,
  end: number,
): { start: number; end: number } | null {
  if (blocks.length === 0 || !(end > start)) return null;
  let snappedStart = start;
  const startIndex = blockIndexAt(blocks, start);
  if (startIndex < 0) snappedStart = blocks[0].start;
  else {
    const block = blocks[startIndex];
    if (start >= block.start + block.length) {
      const next = blocks[startIndex + 1];
      if (!next) return null;
      snappedStart = next.start;
    }
  }
  let snappedEnd = end;
  const endIndex = blockIndexAt(blocks, end);
  if (endIndex < 0) return null;
  const endBlock = blocks[endIndex];
  if (end <= endBlock.start && endIndex > 0) {
    const previous = blocks[endIndex - 1];
    snappedEnd = previous.start + previous.length;
  } else if (end > endBlock.start + endBlock.length) {
    snappedEnd = endBlock.start + endBlock.length;
  }
  return snappedEnd > snappedStart ? { start: snappedStart, end: snappedEnd } : null;
}

/**
 * Which text node holds a local offset, given each node's cumulative end offset within its block.
 * An offset on a boundary belongs to the node that starts there when `leanForward` (a range start),
 * and to the node that ends there otherwise (a range end), so ranges never begin or end on an
 * empty stretch of the previous or next node.
 */
export function textNodeAt(
  ends: readonly number[],
  offset: number,
  leanForward: boolean,
): { node: number; offset: number } {
  let low = 0;
  let high = ends.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    const passes = leanForward ? ends[mid] > offset : ends[mid] >= offset;
    if (passes) high = mid;
    else low = mid + 1;
  }
  const nodeStart = low === 0 ? 0 : ends[low - 1];
  return { node: low, offset: Math.min(offset - nodeStart, ends[low] - nodeStart) };
}

/** Trims whitespace from both ends of a range, given the block texts it falls in. */
export function trimRange(
  text: (offset: number) => string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text(from))) from++;
  while (to > from && /\s/.test(text(to - 1))) to--;
  return to > from ? { start: from, end: to } : null;
}

/**
 * The union of some [start, end) intervals, sorted, with overlapping and touching ones merged.
 * Highlights of one colour are painted as this union: the same look with far fewer ranges for the
 * browser to lay over the text when highlights pile up on each other.
 */
export function unionOf(intervals: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = intervals.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const union: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = union[union.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else union.push([start, end]);
  }
  return union;
}
