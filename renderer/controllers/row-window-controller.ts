import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows from `first` to `last`, inclusive; empty when `last < first`. */
export interface RowWindow {
  first: number;
  last: number;
}

/** Rows drawn above and below the screen, so a quick scroll or a Page Down finds them drawn. */
export const OVERSCAN_ROWS = 6;

/**
 * The rows of a list of `total` rows of `rowHeight` pixels that are on screen, given where the list's
 * top is relative to the viewport (negative once scrolled past), plus `overscan` rows either side.
 */
export function rowWindow(
  listTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = OVERSCAN_ROWS,
): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const firstOnScreen = Math.floor(Math.max(0, -listTop) / rowHeight);
  const lastOnScreen = Math.floor(Math.max(0, viewportHeight - listTop) / rowHeight);
  return {
    first: Math.max(0, Math.min(total - 1, firstOnScreen - overscan)),
    last: Math.max(0, Math.min(total - 1, lastOnScreen + overscan)),
  };
}

/**
 * Follows the window's scrolling and size for a list laid out in rows of equal height, and asks the
 * host to update when the rows on screen change (at most once a frame). The host draws only
 * `window`'s rows; the list's own height is `total × rowHeight`, so the scrollbar is the whole list's.
 */
export class RowWindowController implements ReactiveController {
  window: RowWindow = { first: 0, last: -1 };
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly list: () => HTMLElement | null,
    private readonly rowHeight: () => number,
    private readonly total: () => number,
    /** What covers the top of the viewport (a sticky header): a row under it is not in view. */
    private readonly topInset: () => number = () => 0,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('scroll', this.schedule, { passive: true });
    window.addEventListener('resize', this.schedule, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.schedule);
    window.removeEventListener('resize', this.schedule);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Measures now (after the list was drawn or its total changed); true when the window moved. */
  measure(): boolean {
    const list = this.list();
    const next = list
      ? rowWindow(list.getBoundingClientRect().top, window.innerHeight, this.rowHeight(), this.total())
      : { first: 0, last: -1 };
    if (next.first === this.window.first && next.last === this.window.last) return false;
    this.window = next;
    return true;
  }

  /** Scrolls the window so that row `index` is on screen (at the top when it was above, else the bottom). */
  reveal(index: number): void {
    const list = this.list();
    if (!list) return;
    const height = this.rowHeight();
    const top = list.getBoundingClientRect().top + index * height;
    const inset = this.topInset();
    if (top < inset) window.scrollBy({ top: top - inset - 8, behavior: 'instant' });
    else if (top + height > window.innerHeight)
      window.scrollBy({ top: top + height - window.innerHeight + 8, behavior: 'instant' });
    if (this.measure()) this.host.requestUpdate();
  }

  private readonly schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.measure()) this.host.requestUpdate();
    });
  };
}
