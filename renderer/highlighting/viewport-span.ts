/**
 * Which part of the article is on screen, as a canonical span: the units whose boxes fall within the
 * viewport and one screen above and below it (so a reader scrolling at an ordinary pace never meets
 * text painted late). Found by two binary searches over the units in reading order, reading a
 * dozen or so boxes: the first read lays out a freshly rendered article, which the next frame would
 * have done anyway.
 */
import type { BlockSpan } from '../anchoring/block-spans';

interface LaidOutUnit extends BlockSpan {
  element: Element;
}

/** How far beyond the viewport, in screens, still counts as on screen. */
const SCREENS_AROUND = 1;

/**
 * The canonical span from the first to the last unit near the viewport, or null when the article is
 * not laid out (not displayed, or no units): then nothing can be said to be on screen.
 */
export function spanNearViewport(
  units: readonly LaidOutUnit[],
  viewportHeight: number,
): { start: number; end: number } | null {
  if (units.length === 0 || viewportHeight <= 0) return null;
  const first = units[0].element.getBoundingClientRect();
  const last = units[units.length - 1].element.getBoundingClientRect();
  if (first.height === 0 && last.height === 0 && first.top === last.top) return null;
  const top = -SCREENS_AROUND * viewportHeight;
  const bottom = (1 + SCREENS_AROUND) * viewportHeight;
  // The first unit whose bottom reaches the top of the window, and the last whose top is above its end.
  const from = firstIndex(units.length, (index) => boxOf(units, index).bottom >= top);
  const to = firstIndex(units.length, (index) => boxOf(units, index).top > bottom) - 1;
  if (from >= units.length || to < from) return { start: 0, end: 0 };
  return { start: units[from].start, end: units[to].start + units[to].length };
}

function boxOf(units: readonly LaidOutUnit[], index: number): DOMRect {
  return units[index].element.getBoundingClientRect();
}

/** The first index in [0, length) where `passes` holds (it must hold from some index on), or length. */
function firstIndex(length: number, passes: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (passes(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
