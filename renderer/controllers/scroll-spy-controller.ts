import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Which of a list of consecutive regions (the sections of an article) the reader is in. An
 * IntersectionObserver watches the upper third of the viewport, under the app header (so nothing runs
 * on every scroll event); of the regions in that band the last one wins: once a section's heading has
 * come up into the top third, that section is what the reader is reading. A last region too short to
 * ever reach that band (an author bio at the foot of the page) counts once it is wholly in view.
 */
export class ScrollSpyController implements ReactiveController {
  /** The id of the region at the reading line, or null before anything is observed. */
  activeId: string | null = null;
  private observer: IntersectionObserver | null = null;
  private endObserver: IntersectionObserver | null = null;
  private lastInView = false;
  private regions: Array<{ id: string; element: Element }> = [];
  private readonly inBand = new Set<Element>();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Distance of the reading line from the top of the viewport, in px. */
    private readonly readingLine: number,
  ) {
    host.addController(this);
  }

  /** Starts watching these regions, in document order; replaces any earlier set. */
  observe(regions: Array<{ id: string; element: Element }>): void {
    this.stop();
    this.regions = regions;
    this.observer = new IntersectionObserver(this.onIntersect, {
      // A band from the reading line to a third of the way down the viewport.
      rootMargin: `-${this.readingLine}px 0px -66% 0px`,
    });
    for (const region of regions) this.observer.observe(region.element);
    const last = regions.at(-1);
    if (last) {
      this.endObserver = new IntersectionObserver(this.onEnd, { threshold: 1 });
      this.endObserver.observe(last.element);
    }
    this.setActive(regions[0]?.id ?? null);
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.endObserver?.disconnect();
    this.endObserver = null;
    this.lastInView = false;
    this.inBand.clear();
  }

  private readonly onIntersect = (entries: IntersectionObserverEntry[]): void => {
    for (const entry of entries) {
      if (entry.isIntersecting) this.inBand.add(entry.target);
      else this.inBand.delete(entry.target);
    }
    this.update();
  };

  private readonly onEnd = (entries: IntersectionObserverEntry[]): void => {
    for (const entry of entries) this.lastInView = entry.intersectionRatio >= 1;
    this.update();
  };

  private update(): void {
    const last = this.lastInView
      ? this.regions.at(-1)
      : this.regions.findLast((region) => this.inBand.has(region.element));
    if (last) this.setActive(last.id);
  }

  private setActive(id: string | null): void {
    if (id === this.activeId) return;
    this.activeId = id;
    this.host.requestUpdate();
  }
}
