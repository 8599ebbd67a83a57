/**
 * The highlights left to paint after the ones on screen: added to their colour's `Highlight` in idle
 * time, a few milliseconds at a time, so opening a document with a thousand highlights costs the
 * first frame only what is on screen. Anything the reader reaches first (a scroll, a jump to a note)
 * is painted at once through `paintWithin`. Each entry is painted exactly once; `cancel` drops the
 * rest when the painter starts over (new annotations, a new render), so nothing stale is added later.
 */

/** One merged interval of one colour, waiting to be painted. */
export interface DeferredInterval {
  highlight: Highlight;
  start: number;
  end: number;
}

/** Longest run of painting in one idle callback: short enough that a key or a scroll is not held up. */
const CHUNK_MS = 4;
/** Idle or not, the rest is painted within this long of the first paint. */
const IDLE_TIMEOUT_MS = 100;

export class IdleHighlightQueue {
  private waiting: Array<DeferredInterval | null> = [];
  private next = 0;
  private left = 0;
  private handle: number | null = null;

  /** `rangesFor` builds the DOM ranges of a canonical span (one per unit it crosses). */
  constructor(private readonly rangesFor: (start: number, end: number) => Range[]) {}

  /** How many intervals are still waiting. */
  get remaining(): number {
    return this.left;
  }

  /** Starts over with these intervals, painted in this order unless the reader reaches one first. */
  start(intervals: readonly DeferredInterval[]): void {
    this.cancel();
    this.waiting = [...intervals];
    this.left = intervals.length;
    if (this.left > 0) this.schedule();
  }

  /** Drops whatever is still waiting (its highlights are being replaced). */
  cancel(): void {
    if (this.handle !== null) cancelIdle(this.handle);
    this.handle = null;
    this.waiting = [];
    this.next = 0;
    this.left = 0;
  }

  /** Paints at once every waiting interval that overlaps canonical [start, end). */
  paintWithin(start: number, end: number): void {
    if (this.left === 0) return;
    for (let index = this.next; index < this.waiting.length; index++) {
      const interval = this.waiting[index];
      if (interval && interval.start < end && interval.end > start) this.paint(index);
    }
    if (this.left === 0) this.cancel();
  }

  private paint(index: number): void {
    const interval = this.waiting[index];
    if (!interval) return;
    this.waiting[index] = null;
    this.left--;
    for (const range of this.rangesFor(interval.start, interval.end)) interval.highlight.add(range);
  }

  private schedule(): void {
    this.handle = requestIdle(this.runChunk);
  }

  private runChunk = (deadline?: IdleDeadline): void => {
    this.handle = null;
    // Within the idle time the browser offers (when it offers some), and at least one interval a call.
    const idle = deadline && !deadline.didTimeout ? deadline.timeRemaining() : CHUNK_MS;
    const until = performance.now() + Math.min(CHUNK_MS, idle);
    do {
      this.paint(this.next);
      this.next++;
    } while (this.next < this.waiting.length && performance.now() < until);
    while (this.next < this.waiting.length && this.waiting[this.next] === null) this.next++;
    if (this.next < this.waiting.length) this.schedule();
    else this.cancel();
  };
}

/** `requestIdleCallback` with a deadline, or a plain timer where a browser lacks it. */
function requestIdle(callback: (deadline?: IdleDeadline) => void): number {
  if (typeof requestIdleCallback === 'function')
    return requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
  return window.setTimeout(() => callback(), 1);
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else window.clearTimeout(handle);
}
