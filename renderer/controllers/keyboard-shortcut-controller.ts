import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { platformOf, shortcutFor, type Platform, type ShortcutId } from '../../main/shared/shortcuts';

/** What an element does for a shortcut of the table in `main/shared/shortcuts.ts`. */
export interface ShortcutBinding {
  id: ShortcutId;
  /** Only while this says so (e.g. only while the find bar is open). */
  when?: () => boolean;
  run: (event: KeyboardEvent) => void;
}

/** The platform this renderer runs on: Cmd is the modifier on macOS, Ctrl elsewhere. */
export function currentPlatform(): Platform {
  const data = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return platformOf(data?.platform || navigator.platform || navigator.userAgent);
}

/** True when a key press is typing into a field (bare keys such as `?` or `]` are text there). */
export function isTyping(event: Event): boolean {
  return event
    .composedPath()
    .some(
      (node) =>
        node instanceof HTMLElement &&
        (node.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(node.tagName)),
    );
}

/** True when a key press comes from inside an open `<dialog>`. */
function insideOpenDialog(event: Event): boolean {
  return event.composedPath().some((node) => node instanceof HTMLDialogElement && node.open);
}

/**
 * Window-level keyboard shortcuts that live as long as their element is connected; which keys trigger
 * which binding comes from the shortcut table. A matching shortcut takes the key (preventDefault), so
 * Ctrl/Cmd+F opens Margin's find bar, not the browser's. Shortcuts on a bare printable key (`?`, `]`)
 * leave typing in fields alone.
 */
export class KeyboardShortcutController implements ReactiveController {
  private readonly platform = currentPlatform();

  constructor(
    host: ReactiveControllerHost,
    private readonly bindings: ShortcutBinding[],
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
    const bare = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (bare && isTyping(event)) return;
    // An open dialog (the shortcuts sheet, About) owns the keys: Escape must close it, not act behind it.
    if (insideOpenDialog(event)) return;
    for (const binding of this.bindings) {
      if (shortcutFor(event, this.platform, [binding.id]) !== binding.id) continue;
      if (binding.when && !binding.when()) continue;
      event.preventDefault();
      binding.run(event);
      return;
    }
  };
}
