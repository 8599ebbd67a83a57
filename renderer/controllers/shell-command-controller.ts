import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppCommand, MarginShell, ShellState } from '../../main/shared/app-commands';
import { chordsFor, shortcut, type Platform, type ShortcutId } from '../../main/shared/shortcuts';
import { currentPlatform } from './keyboard-shortcut-controller';

declare global {
  interface Window {
    /** Set by the Electron preload script: the menu's commands in, the page's state out. */
    marginShell?: MarginShell;
  }
}

/**
 * Runs a shortcut as if its keys were pressed: the same key event reaches the same window listeners
 * (`KeyboardShortcutController` and the others), so a menu item and its keys can never do different
 * things.
 */
export function pressShortcut(id: ShortcutId, platform: Platform = currentPlatform()): void {
  const [chord] = chordsFor(shortcut(id), platform);
  const mod = Boolean(chord.mod);
  window.dispatchEvent(
    new KeyboardEvent('keydown', {
      key: chord.key,
      ctrlKey: mod && platform !== 'mac',
      metaKey: mod && platform === 'mac',
      shiftKey: Boolean(chord.shift),
      altKey: Boolean(chord.alt),
      bubbles: true,
      cancelable: true,
    }),
  );
}

/**
 * The desktop shell's side of the page: while the host is connected it takes main's commands (menu
 * items, links) and hands them to `run`, and `report` tells main the page's state when it changes (the
 * menu greys out what does not apply). In a browser there is no shell, and this does nothing.
 */
export class ShellCommandController implements ReactiveController {
  private stopListening: (() => void) | null = null;
  private reported: string | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly run: (command: AppCommand) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopListening = window.marginShell?.onCommand((command) => this.run(command)) ?? null;
  }

  hostDisconnected(): void {
    this.stopListening?.();
    this.stopListening = null;
    this.reported = null;
  }

  /** Tells main the page's state; the first report also says the page is listening. */
  report(state: ShellState): void {
    const key = JSON.stringify(state);
    if (key === this.reported) return;
    this.reported = key;
    window.marginShell?.reportState(state);
  }
}
