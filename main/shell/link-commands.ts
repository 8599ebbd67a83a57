/**
 * What the page is told about the `margin://` links the OS hands Margin (a second instance's argv, a
 * macOS `open-url`): each readable link becomes an `open-passage` command, each unreadable one a
 * notice saying why, so a broken link in a reader's notes is never silently ignored.
 */
import type { AppCommand } from '../shared/app-commands';
import { MARGIN_SCHEME, parseMarginLink } from './margin-link';

/** The commands for the links among some command-line arguments or URLs; anything else is skipped. */
export function commandsForLinks(candidates: readonly unknown[]): AppCommand[] {
  const commands: AppCommand[] = [];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' || !candidate.toLowerCase().startsWith(`${MARGIN_SCHEME}:`)) continue;
    const verdict = parseMarginLink(candidate);
    if (!verdict.ok) {
      commands.push({ type: 'notice', message: `Margin could not open a link: ${verdict.reason}` });
      continue;
    }
    const { documentId, annotationId } = verdict.link;
    commands.push(
      annotationId
        ? { type: 'open-passage', docId: documentId, annotationId }
        : { type: 'open-passage', docId: documentId },
    );
  }
  return commands;
}
