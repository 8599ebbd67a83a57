import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface Shortcut {
  /** `KeyboardEvent.key`, compared case-insensitively ('k', 'f', 'Escape'). */
  key: string;
  /** Needs Ctrl (Cmd on macOS). */
  mod?: boolean;
  /** Only while this says so (e.g. only in the reader). */
  when?: () => boolean;
  run: (event: KeyboardEvent) => void;
}

/**
 * Window-level keyboard shortcuts that live as long as their element is connected. A matching
 * shortcut takes the key (preventDefault), so Ctrl/Cmd+F opens Margin's find bar, not the browser's.
 */
export class KeyboardShortcutController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly shortcuts: Shortcut[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown);
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing) return;
    const mod = event.ctrlKey || event.metaKey;
    for (const shortcut of this.shortcuts) {
      if (shortcut.key.toLowerCase() !== event.key.toLowerCase()) continue;
      if (Boolean(shortcut.mod) !== mod || event.altKey) continue;
      if (shortcut.when && !shortcut.when()) continue;
      event.preventDefault();
      shortcut.run(event);
      return;
    }
  };
}
