import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Follows the operating system's light/dark setting (`prefers-color-scheme`) and re-renders on change. */
export class ColorSchemeController implements ReactiveController {
  private readonly query = window.matchMedia('(prefers-color-scheme: dark)');
  prefersDark = this.query.matches;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.query.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.query.removeEventListener('change', this.onChange);
  }

  private readonly onChange = (event: MediaQueryListEvent): void => {
    this.prefersDark = event.matches;
    this.host.requestUpdate();
  };
}
