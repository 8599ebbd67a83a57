import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadingPosition } from '../../main/api';

export interface ReadingPositionOptions {
  /** The document's block elements (those with `data-block-id`), in reading order. */
  blocks: () => HTMLElement[];
  /** Called, debounced, with where the reader is now. */
  save: (position: ReadingPosition) => void;
  /** Distance of the reading line from the top of the viewport, in px. */
  readingLine: number;
  delayMs?: number;
}

/**
 * Remembers where the reader is (the block at the reading line and how far into it) and puts them back
 * there. Saving is debounced while scrolling and flushed when the page is hidden or the reader leaves,
 * so a reload right after scrolling still comes back to the same place.
 */
export class ReadingPositionController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private tracking = false;
  private lastSaved = '';
  /** Measured at the last scroll, not saved yet. */
  private pending: ReadingPosition | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ReadingPositionOptions,
  ) {
    host.addController(this);
  }

  /** Scrolls so that `position` is at the reading line. False if its block is not in this document. */
  restore(position: ReadingPosition): boolean {
    const block = this.options.blocks().find((element) => element.dataset.blockId === position.blockId);
    if (!block) return false;
    const rect = block.getBoundingClientRect();
    const top = window.scrollY + rect.top + position.fraction * rect.height - this.options.readingLine;
    window.scrollTo({ top: Math.max(0, top), behavior: 'instant' });
    this.lastSaved = JSON.stringify(position);
    this.pending = null;
    return true;
  }

  /** The block at the reading line now, or null when there are no blocks (or they left the page). */
  measure(): ReadingPosition | null {
    const line = this.options.readingLine;
    const blocks = this.options.blocks();
    if (!blocks[0]?.isConnected) return null;
    for (const block of blocks) {
      const rect = block.getBoundingClientRect();
      if (rect.bottom > line) {
        const fraction = rect.height > 0 ? (line - rect.top) / rect.height : 0;
        return { blockId: block.dataset.blockId ?? '', fraction: round(clamp(fraction)) };
      }
    }
    const last = blocks.at(-1);
    return last ? { blockId: last.dataset.blockId ?? '', fraction: 1 } : null;
  }

  /** Begins saving on scroll (after the first landing, so that landing itself is not saved as a move). */
  start(): void {
    if (this.tracking) return;
    this.tracking = true;
    window.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('pagehide', this.saveHere);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  /**
   * Saves where the reader is at this moment: for leaving (another view, a reload, a hidden window),
   * while the blocks are still on the page. The scroll event of a move made just before may not have
   * been dispatched yet, so this measures rather than trusting what the last scroll event saw.
   */
  readonly saveHere = (): void => {
    if (!this.tracking) return;
    const position = this.measure();
    if (position) this.pending = position;
    this.saveNow();
  };

  /** Stops saving, after saving any pending move. */
  stop(): void {
    if (!this.tracking) return;
    this.saveNow();
    this.tracking = false;
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('pagehide', this.saveHere);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /**
   * Measures at every scroll event (they come at most once a frame) and saves after a pause. Measuring
   * now rather than at save time means a pending move is still known when the reader leaves: by then
   * the blocks may be gone from the page, or the app may already have scrolled elsewhere.
   */
  private readonly onScroll = (): void => {
    const position = this.measure();
    if (!position) return;
    this.pending = position;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(this.saveNow, this.options.delayMs ?? 400);
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.saveHere();
  };

  /** Saves the move the last scroll event measured, if it is not saved yet. */
  private readonly saveNow = (): void => {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const position = this.pending;
    this.pending = null;
    if (!position || !position.blockId) return;
    const key = JSON.stringify(position);
    if (key === this.lastSaved) return;
    this.lastSaved = key;
    this.options.save(position);
  };
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
