import { describe, expect, it } from 'vitest';
import { acceleratorFor, shortcut, SHORTCUTS, type ShortcutId } from '../../../main/shared/shortcuts';
import { menuItems, menuPlatform, menuTemplate, type MenuItemSpec } from '../../../main/shell/app-menu';

const OPEN = { documentOpen: true };
const CLOSED = { documentOpen: false };

const topLabels = (template: MenuItemSpec[]) => template.map((item) => item.label);
const submenuOf = (template: MenuItemSpec[], label: string): MenuItemSpec[] =>
  template.find((item) => item.label?.replace('&', '') === label)?.submenu ?? [];
const roles = (items: MenuItemSpec[]) => items.filter((item) => item.role).map((item) => item.role);
const shortcutItems = (template: MenuItemSpec[]) =>
  menuItems(template).filter(
    (item): item is MenuItemSpec & { command: { type: 'shortcut'; id: ShortcutId } } =>
      item.command?.type === 'shortcut',
  );

describe('app-menu', () => {
  it('gives macOS its app menu first, with About, Settings, Services, Hide and Quit', () => {
    const template = menuTemplate('mac', OPEN);
    expect(topLabels(template)).toEqual(['Margin', 'File', 'Edit', 'View', 'Go', 'Window', 'Help']);
    const appMenu = template[0].submenu ?? [];
    expect(appMenu.map((item) => item.label ?? item.role ?? item.type)).toEqual([
      'About Margin',
      'separator',
      'Settings…',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(appMenu[2].accelerator).toBe('CmdOrCtrl+,');
  });

  it('gives Windows and Linux File…Help with access keys, Quit under File and Settings under Edit', () => {
    const template = menuTemplate('other', OPEN);
    expect(topLabels(template)).toEqual(['&File', '&Edit', '&View', '&Go', '&Window', '&Help']);
    expect(roles(submenuOf(template, 'File'))).toEqual(['close', 'quit']);
    expect(submenuOf(template, 'Edit').map((item) => item.label)).toContain('Settings…');
    expect(roles(submenuOf(template, 'Window'))).toEqual(['minimize', 'close']);
    expect(roles(submenuOf(menuTemplate('mac', OPEN), 'Window'))).toEqual(['minimize', 'zoom', 'front']);
    expect(roles(submenuOf(menuTemplate('mac', OPEN), 'File'))).toEqual(['close']);
  });

  it('has the items the issue asks for in File, Edit, View, Go and Help', () => {
    for (const platform of ['mac', 'other'] as const) {
      const template = menuTemplate(platform, OPEN);
      const labels = (menu: string) => submenuOf(template, menu).map((item) => item.label ?? item.role);
      expect(labels('File')).toEqual(
        expect.arrayContaining(['Add documents…', 'Export notes…', 'Print…', 'Close window']),
      );
      expect(roles(submenuOf(template, 'Edit'))).toEqual([
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
      ]);
      expect(labels('View')).toEqual(
        expect.arrayContaining([
          'Theme',
          'Text size',
          'Line width',
          'Show or hide your notes',
          'resetZoom',
          'zoomIn',
          'zoomOut',
          'togglefullscreen',
        ]),
      );
      expect(labels('Go')).toEqual(
        expect.arrayContaining(['Library', 'Notebook', 'Back', 'Forward', 'Search…']),
      );
      expect(labels('Help')).toEqual(
        expect.arrayContaining(['Keyboard shortcuts', 'About Margin', 'Show log folder']),
      );
    }
  });

  it('takes every accelerator from the shortcut table, and gives none to keys the reading text needs', () => {
    for (const platform of ['mac', 'other'] as const) {
      const template = menuTemplate(platform, OPEN);
      const withKeys = menuItems(template).filter((item) => item.accelerator);
      // Only items that run a shortcut carry keys: no accelerator is written anywhere else.
      expect(withKeys.every((item) => item.command?.type === 'shortcut')).toBe(true);
      for (const item of shortcutItems(template)) {
        const entry = shortcut(item.command.id);
        expect(item.accelerator ?? null).toBe(acceleratorFor(entry, platform));
      }
      const inText = SHORTCUTS.filter((entry) => entry.inText).map((entry) => entry.id);
      expect(shortcutItems(template).filter((item) => inText.includes(item.command.id))).toEqual([]);
    }
    const byId = (platform: 'mac' | 'other', id: ShortcutId) =>
      shortcutItems(menuTemplate(platform, OPEN)).find((item) => item.command.id === id)?.accelerator;
    expect(byId('other', 'print')).toBe('CmdOrCtrl+P');
    expect(byId('other', 'add-documents')).toBe('CmdOrCtrl+O');
    expect(byId('other', 'back')).toBe('Alt+Left');
    expect(byId('mac', 'back')).toBe('CmdOrCtrl+[');
    expect(byId('other', 'shortcuts')).toBe('CmdOrCtrl+/');
  });

  it('greys out what needs an open document while none is open, and only that', () => {
    for (const platform of ['mac', 'other'] as const) {
      const closed = menuItems(menuTemplate(platform, CLOSED));
      const disabled = closed.filter((item) => item.enabled === false).map((item) => item.label);
      expect(disabled.sort()).toEqual([
        'Find in document',
        'Print…',
        'Save as PDF…',
        'Show or hide your notes',
      ]);
      expect(menuItems(menuTemplate(platform, OPEN)).filter((item) => item.enabled === false)).toEqual([]);
    }
  });

  it('makes every item act: a role, a command or a submenu', () => {
    for (const item of menuItems(menuTemplate('other', CLOSED))) {
      if (item.type === 'separator') continue;
      expect(Boolean(item.role || item.command || item.submenu), JSON.stringify(item)).toBe(true);
    }
  });

  it('offers DevTools only to a development run, never in the installed app', () => {
    const roles = (template: MenuItemSpec[]) => menuItems(template).map((item) => item.role);
    expect(roles(menuTemplate('other', OPEN))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate('mac', OPEN, { developerTools: false }))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate('other', OPEN, { developerTools: true }))).toContain('toggleDevTools');
  });

  it('reads macOS from process.platform and everything else as Windows and Linux', () => {
    expect(menuPlatform('darwin')).toBe('mac');
    expect(menuPlatform('win32')).toBe('other');
    expect(menuPlatform('linux')).toBe('other');
  });
});
