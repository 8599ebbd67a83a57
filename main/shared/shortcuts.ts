/**
 * Every keyboard shortcut of Margin, once. The renderer dispatches keys from this table, the in-app
 * Keyboard shortcuts sheet lists it, and the desktop menus will take their accelerators from it. Like
 * the other modules here it imports nothing, so both processes may read it.
 *
 * `mod` is Ctrl on Windows and Linux, Cmd on macOS. A key that differs by platform (moving by word is
 * Ctrl+arrow on Windows and Linux but Option+arrow on macOS) names its macOS key separately.
 */

export type Platform = 'mac' | 'other';

export interface KeyChord {
  /** `KeyboardEvent.key` (compared case-insensitively): 'k', '/', 'ArrowDown', 'F10'. */
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export type ShortcutGroup = 'General' | 'Reading' | 'Reading cursor' | 'Highlights and notes' | 'Read aloud';

/** Where a shortcut works: everywhere, or only while a document is open in the reader. */
export type ShortcutScope = 'app' | 'reader';

export interface ShortcutEntry {
  id: ShortcutId;
  label: string;
  group: ShortcutGroup;
  scope: ShortcutScope;
  /** The chords that trigger it, on Windows and Linux (and macOS, unless `mac` says otherwise). */
  keys: readonly KeyChord[];
  /** macOS chords where they differ. */
  mac?: readonly KeyChord[];
  /**
   * True when the shortcut acts on focus inside the reading text (arrows, Enter): a menu item must
   * not take these keys from the page, so they get no menu accelerator.
   */
  inText?: boolean;
}

const table = [
  {
    id: 'search',
    label: 'Search the library',
    group: 'General',
    scope: 'app',
    keys: [{ key: 'k', mod: true }],
  },
  {
    id: 'shortcuts',
    label: 'Show keyboard shortcuts',
    group: 'General',
    scope: 'app',
    keys: [{ key: '/', mod: true }, { key: '?' }],
  },
  {
    id: 'add-documents',
    label: 'Add documents…',
    group: 'General',
    scope: 'app',
    keys: [{ key: 'o', mod: true }],
  },
  {
    id: 'find',
    label: 'Find in document',
    group: 'Reading',
    scope: 'reader',
    keys: [{ key: 'f', mod: true }],
  },
  {
    id: 'find-next',
    label: 'Next match',
    group: 'Reading',
    scope: 'reader',
    keys: [{ key: 'g', mod: true }],
  },
  {
    id: 'find-previous',
    label: 'Previous match',
    group: 'Reading',
    scope: 'reader',
    keys: [{ key: 'g', mod: true, shift: true }],
  },
  {
    id: 'dismiss',
    label: 'Close the find bar, menu or editor',
    group: 'Reading',
    scope: 'reader',
    keys: [{ key: 'Escape' }],
    inText: true,
  },
  {
    id: 'notes-panel',
    label: 'Show or hide your notes',
    group: 'Highlights and notes',
    scope: 'reader',
    keys: [{ key: 'n', mod: true, shift: true }],
  },
  {
    id: 'cursor-next-block',
    label: 'Next paragraph',
    group: 'Reading cursor',
    scope: 'reader',
    keys: [{ key: 'ArrowDown' }],
    inText: true,
  },
  {
    id: 'cursor-previous-block',
    label: 'Previous paragraph',
    group: 'Reading cursor',
    scope: 'reader',
    keys: [{ key: 'ArrowUp' }],
    inText: true,
  },
  {
    id: 'cursor-next-sentence',
    label: 'Next sentence',
    group: 'Reading cursor',
    scope: 'reader',
    keys: [{ key: 'ArrowRight' }],
    inText: true,
  },
  {
    id: 'cursor-previous-sentence',
    label: 'Previous sentence',
    group: 'Reading cursor',
    scope: 'reader',
    keys: [{ key: 'ArrowLeft' }],
    inText: true,
  },
  {
    id: 'cursor-next-word',
    label: 'Next word',
    group: 'Reading cursor',
    scope: 'reader',
    keys: [{ key: 'ArrowRight', mod: true }],
    mac: [{ key: 'ArrowRight', alt: true }],
    inText: true,
  },
  {
    id: 'cursor-previous-word',
    label: 'Previous word',
    group: 'Reading cursor',
    scope: 'reader',
    keys: [{ key: 'ArrowLeft', mod: true }],
    mac: [{ key: 'ArrowLeft', alt: true }],
    inText: true,
  },
  {
    id: 'selection-menu',
    label: 'Open the highlight menu for the selection',
    group: 'Highlights and notes',
    scope: 'reader',
    keys: [{ key: 'F10', shift: true }, { key: 'ContextMenu' }],
    inText: true,
  },
  {
    id: 'next-highlight',
    label: 'Next highlight',
    group: 'Highlights and notes',
    scope: 'reader',
    keys: [{ key: ']' }],
  },
  {
    id: 'previous-highlight',
    label: 'Previous highlight',
    group: 'Highlights and notes',
    scope: 'reader',
    keys: [{ key: '[' }],
  },
  {
    id: 'open-highlight',
    label: 'Open the highlight at the reading cursor',
    group: 'Highlights and notes',
    scope: 'reader',
    keys: [{ key: 'Enter' }],
    inText: true,
  },
  {
    id: 'read-aloud',
    label: 'Read aloud from the reading cursor or the selection; pause; resume',
    group: 'Read aloud',
    scope: 'reader',
    // Ctrl+Shift+R is the browser's hard reload; Ctrl+Shift+U is Read aloud in Edge.
    keys: [{ key: 'u', mod: true, shift: true }],
  },
] as const satisfies readonly (Omit<ShortcutEntry, 'id' | 'group' | 'scope'> & {
  id: string;
  group: ShortcutGroup;
  scope: ShortcutScope;
})[];

export type ShortcutId = (typeof table)[number]['id'];

export const SHORTCUTS: readonly ShortcutEntry[] = table;

/** Shift extends the selection by the reading cursor's unit; the table lists the plain move. */
export const EXTEND_SELECTION_NOTE = 'Hold Shift with any reading-cursor key to select by the same unit.';

export function shortcut(id: ShortcutId): ShortcutEntry {
  const entry = SHORTCUTS.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`No shortcut "${id}"`);
  return entry;
}

export function chordsFor(entry: ShortcutEntry, platform: Platform): readonly KeyChord[] {
  return platform === 'mac' && entry.mac ? entry.mac : entry.keys;
}

/** What a key press carries, as `KeyboardEvent` has it. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether a press is this chord. `?` and `/` are typed with Shift on many layouts, so for a chord on a
 * printable punctuation key Shift is not compared; `allowShift` lets the reading cursor take Shift as
 * "extend the selection".
 */
export function chordMatches(
  chord: KeyChord,
  press: KeyPress,
  platform: Platform,
  allowShift = false,
): boolean {
  if (chord.key.toLowerCase() !== press.key.toLowerCase()) return false;
  const mod = platform === 'mac' ? press.metaKey : press.ctrlKey;
  const stray = platform === 'mac' ? press.ctrlKey : press.metaKey;
  if (Boolean(chord.mod) !== mod || stray) return false;
  if (Boolean(chord.alt) !== press.altKey) return false;
  const punctuation = chord.key.length === 1 && !/[a-z0-9]/i.test(chord.key);
  if (!punctuation && !(allowShift && !chord.shift) && Boolean(chord.shift) !== press.shiftKey) return false;
  return true;
}

/** The first shortcut of the given ids that this press triggers. */
export function shortcutFor(
  press: KeyPress,
  platform: Platform,
  ids: readonly ShortcutId[],
  allowShift = false,
): ShortcutId | null {
  for (const id of ids) {
    if (chordsFor(shortcut(id), platform).some((chord) => chordMatches(chord, press, platform, allowShift)))
      return id;
  }
  return null;
}

const KEY_NAMES: Record<string, { label: string; mac?: string; accelerator: string }> = {
  arrowup: { label: 'Up', mac: '↑', accelerator: 'Up' },
  arrowdown: { label: 'Down', mac: '↓', accelerator: 'Down' },
  arrowleft: { label: 'Left', mac: '←', accelerator: 'Left' },
  arrowright: { label: 'Right', mac: '→', accelerator: 'Right' },
  enter: { label: 'Enter', mac: '↩', accelerator: 'Enter' },
  escape: { label: 'Esc', accelerator: 'Escape' },
  contextmenu: { label: 'Menu key', accelerator: '' },
  '/': { label: '/', accelerator: '/' },
  '?': { label: '?', accelerator: 'Shift+/' },
};

function keyName(key: string, platform: Platform): string {
  const known = KEY_NAMES[key.toLowerCase()];
  if (known) return platform === 'mac' ? (known.mac ?? known.label) : known.label;
  return key.length === 1 ? key.toUpperCase() : key;
}

/** How a chord is written for a reader: "Ctrl+Shift+N" on Windows and Linux, "⇧⌘N" on macOS. */
export function chordLabel(chord: KeyChord, platform: Platform): string {
  const key = keyName(chord.key, platform);
  if (platform === 'mac')
    return `${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.mod ? '⌘' : ''}${key}`;
  return [chord.mod && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', key].filter(Boolean).join('+');
}

/** Every chord of a shortcut for the sheet, e.g. "Ctrl+/ or ?". */
export function shortcutLabel(entry: ShortcutEntry, platform: Platform): string {
  return chordsFor(entry, platform)
    .map((chord) => chordLabel(chord, platform))
    .join(' or ');
}

/**
 * The Electron menu accelerator of a shortcut ("CmdOrCtrl+Shift+N"), from its first chord that a menu
 * can carry; null for keys that act on the reading text, which a menu must leave to the page.
 */
export function acceleratorFor(entry: ShortcutEntry): string | null {
  if (entry.inText) return null;
  for (const chord of entry.keys) {
    const known = KEY_NAMES[chord.key.toLowerCase()];
    const key = known ? known.accelerator : chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
    if (!key) continue;
    // A bare printable key in a menu would swallow typing in every text field.
    if (!chord.mod && !chord.alt && chord.key.length === 1) continue;
    const parts = [chord.mod && 'CmdOrCtrl', chord.alt && 'Alt', chord.shift && 'Shift', key];
    return parts.filter(Boolean).join('+');
  }
  return null;
}

/** The platform the renderer runs on, from a user-agent-like string. */
export function platformOf(userAgentPlatform: string): Platform {
  return /mac|iphone|ipad/i.test(userAgentPlatform) ? 'mac' : 'other';
}

/**
 * The shortcut list as Markdown (a table per group), for the README and anywhere else that lists
 * them: generated, so it cannot drift from what the keys do.
 */
export function shortcutsMarkdown(): string {
  const groups = [...new Set(SHORTCUTS.map((entry) => entry.group))];
  const sections = groups.map((group) => {
    const rows = SHORTCUTS.filter((entry) => entry.group === group).map(
      (entry) =>
        `| ${entry.label} | ${shortcutLabel(entry, 'other').replace(/\|/g, '\\|')} | ${shortcutLabel(entry, 'mac')} |`,
    );
    return [`**${group}**`, '', '| | Windows, Linux | macOS |', '| --- | --- | --- |', ...rows].join('\n');
  });
  return [...sections, EXTEND_SELECTION_NOTE].join('\n\n') + '\n';
}
