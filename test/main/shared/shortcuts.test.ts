import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SHORTCUTS,
  acceleratorFor,
  chordLabel,
  platformOf,
  shortcut,
  shortcutFor,
  shortcutLabel,
  shortcutsMarkdown,
  type KeyPress,
} from '../../../main/shared/shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const ALL = SHORTCUTS.map((entry) => entry.id);

describe('shortcuts', () => {
  it('gives every shortcut its own id and a label', () => {
    expect(new Set(ALL).size).toBe(ALL.length);
    for (const entry of SHORTCUTS) expect(entry.label.length).toBeGreaterThan(3);
  });

  it('never gives two shortcuts of the same place the same keys', () => {
    for (const platform of ['mac', 'other'] as const) {
      const seen = new Map<string, string>();
      for (const entry of SHORTCUTS) {
        const label = `${entry.scope}:${shortcutLabel(entry, platform)}`;
        for (const chord of label.split(' or ')) {
          expect(seen.get(chord), `${entry.id} and ${seen.get(chord)} share ${chord}`).toBeUndefined();
          seen.set(chord, entry.id);
        }
      }
    }
  });

  it('writes keys as Ctrl+Shift+N on Windows and Linux and ⇧⌘N on macOS', () => {
    expect(shortcutLabel(shortcut('notes-panel'), 'other')).toBe('Ctrl+Shift+N');
    expect(shortcutLabel(shortcut('notes-panel'), 'mac')).toBe('⇧⌘N');
    expect(shortcutLabel(shortcut('shortcuts'), 'other')).toBe('Ctrl+/ or ?');
    expect(shortcutLabel(shortcut('cursor-next-word'), 'other')).toBe('Ctrl+Right');
    expect(shortcutLabel(shortcut('cursor-next-word'), 'mac')).toBe('⌥→');
    expect(chordLabel({ key: 'F10', shift: true }, 'other')).toBe('Shift+F10');
  });

  it('derives Electron menu accelerators, and none for keys the reading text needs', () => {
    expect(acceleratorFor(shortcut('search'))).toBe('CmdOrCtrl+K');
    expect(acceleratorFor(shortcut('notes-panel'))).toBe('CmdOrCtrl+Shift+N');
    expect(acceleratorFor(shortcut('find-previous'))).toBe('CmdOrCtrl+Shift+G');
    // The sheet's menu item takes Ctrl/Cmd+/, never the bare ? that is typed in fields.
    expect(acceleratorFor(shortcut('shortcuts'))).toBe('CmdOrCtrl+/');
    expect(acceleratorFor(shortcut('cursor-next-sentence'))).toBeNull();
    expect(acceleratorFor(shortcut('open-highlight'))).toBeNull();
    // A bare ] in a menu would swallow it in every text field.
    expect(acceleratorFor(shortcut('next-highlight'))).toBeNull();
  });

  it('matches presses with Ctrl on Windows and Linux and Cmd on macOS, not the other', () => {
    expect(shortcutFor(press('k', { ctrlKey: true }), 'other', ALL)).toBe('search');
    expect(shortcutFor(press('K', { metaKey: true }), 'mac', ALL)).toBe('search');
    expect(shortcutFor(press('k', { metaKey: true }), 'other', ALL)).toBeNull();
    expect(shortcutFor(press('k', { ctrlKey: true }), 'mac', ALL)).toBeNull();
  });

  it('tells Ctrl+G from Ctrl+Shift+G, and reads ? whether or not the layout needs Shift for it', () => {
    expect(shortcutFor(press('g', { ctrlKey: true }), 'other', ALL)).toBe('find-next');
    expect(shortcutFor(press('G', { ctrlKey: true, shiftKey: true }), 'other', ALL)).toBe('find-previous');
    expect(shortcutFor(press('?', { shiftKey: true }), 'other', ALL)).toBe('shortcuts');
    // Alt+Right is Forward on Windows and Linux (as in their browsers) and the next word on macOS.
    expect(shortcutFor(press('ArrowRight', { altKey: true }), 'other', ALL)).toBe('forward');
    expect(shortcutFor(press('ArrowRight', { altKey: true }), 'mac', ALL)).toBe('cursor-next-word');
    expect(shortcutFor(press('[', { metaKey: true }), 'mac', ALL)).toBe('back');
    expect(shortcutFor(press('[', { ctrlKey: true }), 'other', ALL)).toBeNull();
  });

  it('lets the reading cursor take Shift as "extend the selection" only when asked', () => {
    const shifted = press('ArrowDown', { shiftKey: true });
    expect(shortcutFor(shifted, 'other', ['cursor-next-block'])).toBeNull();
    expect(shortcutFor(shifted, 'other', ['cursor-next-block'], true)).toBe('cursor-next-block');
  });

  it('tells macOS from the rest by the platform string', () => {
    expect(platformOf('macOS')).toBe('mac');
    expect(platformOf('MacIntel')).toBe('mac');
    expect(platformOf('Linux x86_64')).toBe('other');
    expect(platformOf('Win32')).toBe('other');
  });

  it('names an unknown id in one clear error', () => {
    expect(() => shortcut('nope' as never)).toThrow('No shortcut "nope"');
  });
});

describe('shortcutsMarkdown', () => {
  it('lists every shortcut once, by group, for both platforms', () => {
    const markdown = shortcutsMarkdown();
    for (const entry of SHORTCUTS) {
      expect(markdown.split('\n').filter((line) => line.startsWith(`| ${entry.label} |`))).toHaveLength(1);
    }
    expect(markdown).toContain('| Show or hide your notes | Ctrl+Shift+N | ⇧⌘N |');
    expect(markdown).toContain('**Reading cursor**');
  });
});

describe('the README', () => {
  it('lists exactly the shortcuts of the table', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const listed = /<!-- shortcuts:start -->\n([\s\S]*?)<!-- shortcuts:end -->/.exec(readme)?.[1];
    expect(listed).toBe(shortcutsMarkdown());
  });
});
