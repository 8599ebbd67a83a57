/**
 * What the page does with the desktop shell's commands that needs no DOM: the preference a menu item
 * changes, the passage a link names (from Electron's command or the browser host's `#/open/…`
 * address), and whether that passage is still there. Tested in Node.
 */
import type { MarginApi, Preferences, ThemeChoice } from '../../main/api';
import { parseAppCommand, type MenuAction } from '../../main/shared/app-commands';
import { FONT_SIZE_RANGE, LINE_WIDTH_RANGE } from '../../main/shared/preference-defaults';

const THEMES: Partial<Record<MenuAction, ThemeChoice>> = {
  'theme-system': 'system',
  'theme-light': 'light',
  'theme-sepia': 'sepia',
  'theme-dark': 'dark',
};

function clamp(value: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, value));
}

/** The preferences a View menu item changes, or null when it changes none (or is already at its end). */
export function preferencePatchFor(action: MenuAction, current: Preferences): Partial<Preferences> | null {
  const theme = THEMES[action];
  if (theme) return theme === current.theme ? null : { theme };
  const steps: Partial<Record<MenuAction, ['fontSize' | 'lineWidth', number]>> = {
    'text-bigger': ['fontSize', FONT_SIZE_RANGE.step],
    'text-smaller': ['fontSize', -FONT_SIZE_RANGE.step],
    'line-wider': ['lineWidth', LINE_WIDTH_RANGE.step],
    'line-narrower': ['lineWidth', -LINE_WIDTH_RANGE.step],
  };
  const step = steps[action];
  if (!step) return null;
  const [key, delta] = step;
  const range = key === 'fontSize' ? FONT_SIZE_RANGE : LINE_WIDTH_RANGE;
  const next = clamp(Math.round(current[key] + delta), range);
  return next === current[key] ? null : { [key]: next };
}

export interface PassageAddress {
  docId: string;
  annotationId?: string;
}

/**
 * The passage of a browser-host link: the host answers `/open/<doc>?annotation=<id>` by sending the
 * page to `#/open/<doc>` or `#/open/<doc>/<id>` (no token in either). Null for any other address.
 */
export function passageFromHash(hash: string): PassageAddress | null {
  const match = /^#\/open\/([^/]+)(?:\/([^/]+))?$/.exec(hash);
  if (!match) return null;
  let annotationId: string | undefined;
  try {
    annotationId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  } catch {
    return null;
  }
  // The same check as a command from Electron: a library id, an annotation id a link may carry.
  const command = parseAppCommand({ type: 'open-passage', docId: match[1], annotationId });
  if (command?.type !== 'open-passage') return null;
  return command.annotationId
    ? { docId: command.docId, annotationId: command.annotationId }
    : { docId: command.docId };
}

/** Where a link leads: its document and highlight, the document alone, or nowhere; with what to say. */
export type PassageVerdict =
  | { open: PassageAddress; notice: null }
  | { open: PassageAddress; notice: string }
  | { open: null; notice: string };

export async function resolvePassage(api: MarginApi, address: PassageAddress): Promise<PassageVerdict> {
  // Its one row, not the library's; a removed document of the reader's is not one the library has.
  const [document] = await api.getDocumentSummaries([address.docId]);
  if (!document || document.removed) {
    return {
      open: null,
      notice: `The link leads to a document this library does not have (${address.docId}).`,
    };
  }
  if (!address.annotationId) return { open: { docId: document.id }, notice: null };
  const annotations = await api.listAnnotations(document.id);
  if (!annotations.some((annotation) => annotation.id === address.annotationId)) {
    return {
      open: { docId: document.id },
      notice: `The highlight the link leads to is not in your notes any more; “${document.title}” is open instead.`,
    };
  }
  return { open: address, notice: null };
}
