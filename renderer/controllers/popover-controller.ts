import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A header button and its panel (reading settings, sync): open or closed; Escape closes it and gives
 * focus back to the button, a pointer press outside the host closes it. The host renders
 * `aria-expanded` and the panel from `open`, and sends the panel's keydown to `onPanelKey`.
 */
export class PopoverController implements ReactiveController {
  private isOpen = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The button that opens the panel, where focus goes back when Escape closes it. */
    private readonly button: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  get open(): boolean {
    return this.isOpen;
  }

  set open(open: boolean) {
    if (open === this.isOpen) return;
    this.isOpen = open;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.onOutsidePointer);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.onOutsidePointer);
  }

  readonly onPanelKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.open = false;
    this.button()?.focus();
  };

  private readonly onOutsidePointer = (event: PointerEvent): void => {
    if (this.isOpen && !event.composedPath().includes(this.host)) this.open = false;
  };
}
