/**
 * The desktop shell's two one-way messages, beside the request/answer MarginApi: main tells the page
 * to do something (a menu item, a `margin://` link, a notice), and the page tells main what applies
 * now (whether a document is open), so the menu can disable what does not. Each side reads the other's
 * message as untrusted data, through the validators here. Imports only two siblings that import
 * nothing, so the renderer and the sandboxed preload may use it.
 */
// Siblings that import nothing either: the one table of shortcut ids, the rule for annotation ids in links.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { isLinkableAnnotationId } from './annotation-ids';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { SHORTCUTS, type ShortcutId } from './shortcuts';

/** Menu items with no key of their own: what the page does for each. */
export const MENU_ACTIONS = [
  'about',
  'library',
  'notebook',
  'export-notes',
  'save-pdf',
  'theme-system',
  'theme-light',
  'theme-sepia',
  'theme-dark',
  'text-bigger',
  'text-smaller',
  'line-wider',
  'line-narrower',
] as const;

export type MenuAction = (typeof MENU_ACTIONS)[number];

export type AppCommand =
  /** Run a shortcut of the table exactly as if its keys were pressed. */
  | { type: 'shortcut'; id: ShortcutId }
  | { type: 'menu'; action: MenuAction }
  /** A `margin://open/…` link arrived: open its document at the highlight. */
  | { type: 'open-passage'; docId: string; annotationId?: string }
  /** Something the reader should know (shown and announced). */
  | { type: 'notice'; message: string };

/** What the page tells main about itself. */
export interface ShellState {
  documentOpen: boolean;
}

export const SHELL_CHANNELS = {
  /** main → page: an AppCommand. */
  command: 'shell:command',
  /** page → main: a ShellState. */
  state: 'shell:state',
} as const;

/** What the preload exposes as `window.marginShell` in Electron (absent in a browser). */
export interface MarginShell {
  /** Calls back for every valid command main sends; returns a function that stops listening. */
  onCommand(callback: (command: AppCommand) => void): () => void;
  reportState(state: ShellState): void;
}

const MAX_ID_LENGTH = 200;
const MAX_NOTICE_LENGTH = 300;
const DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

function isId(value: unknown, pattern: RegExp): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && pattern.test(value);
}

/** The command a message holds, or null for anything that is not exactly one. */
export function parseAppCommand(value: unknown): AppCommand | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'shortcut': {
      const entry = SHORTCUTS.find((candidate) => candidate.id === value.id);
      return entry && hasOnlyKeys(value, ['type', 'id']) ? { type: 'shortcut', id: entry.id } : null;
    }
    case 'menu': {
      const action = MENU_ACTIONS.find((candidate) => candidate === value.action);
      return action && hasOnlyKeys(value, ['type', 'action']) ? { type: 'menu', action } : null;
    }
    case 'open-passage': {
      if (!hasOnlyKeys(value, ['type', 'docId', 'annotationId']) || !isId(value.docId, DOCUMENT_ID))
        return null;
      if (value.annotationId === undefined) return { type: 'open-passage', docId: value.docId };
      if (!isLinkableAnnotationId(value.annotationId)) return null;
      return { type: 'open-passage', docId: value.docId, annotationId: value.annotationId };
    }
    case 'notice': {
      const message = value.message;
      // One printable line: no control characters, no line breaks.
      if (typeof message !== 'string' || message.length === 0 || message.length > MAX_NOTICE_LENGTH)
        return null;
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(message)) return null;
      return hasOnlyKeys(value, ['type', 'message']) ? { type: 'notice', message } : null;
    }
    default:
      return null;
  }
}

/** The page's state from its message, or null when it is not exactly a ShellState. */
export function parseShellState(value: unknown): ShellState | null {
  if (!isRecord(value) || !hasOnlyKeys(value, ['documentOpen'])) return null;
  return typeof value.documentOpen === 'boolean' ? { documentOpen: value.documentOpen } : null;
}
