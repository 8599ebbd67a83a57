/**
 * One way to tell a screen reader something: `announce(fromElement, message)` sends an `AnnounceEvent`
 * up to `mg-app`, which speaks it through its single polite live region. Components never keep live
 * regions of their own for passing news, so nothing is heard twice.
 */
import { AnnounceEvent } from './events';

export function announce(from: EventTarget, message: string): void {
  if (message.trim()) from.dispatchEvent(new AnnounceEvent(message));
}
