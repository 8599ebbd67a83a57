/**
 * The application menu as plain data, per platform: `app.ts` maps each item one to one onto Electron's
 * `Menu.buildFromTemplate`, so every decision (what is there, its keys, what is disabled) is made here
 * and tested in Node. Accelerators come only from the shortcut table; an item acts by a role Electron
 * knows (copy, zoom…), by a command to the page (run a shortcut as if pressed, or a menu action), or
 * in main (show the log folder).
 */
import type { AppCommand, MenuAction, ShellState } from '../shared/app-commands';
import { acceleratorFor, shortcut, type Platform, type ShortcutId } from '../shared/shortcuts';

/** Electron's menu roles that Margin uses (the names are Electron's). */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'close'
  | 'front'
  | 'windowMenu'
  | 'help'
  | 'toggleDevTools';

/** What an item does when chosen: a command to the page, or something main does itself. */
export type MenuCommand = AppCommand | { type: 'show-log-folder' };

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  enabled?: boolean;
  command?: MenuCommand;
  submenu?: MenuItemSpec[];
}

export const APP_NAME = 'Margin';

const separator: MenuItemSpec = { type: 'separator' };

/** An item that runs a shortcut of the table: its label, its key and its scope come from there. */
function shortcutItem(id: ShortcutId, platform: Platform, state: ShellState, label?: string): MenuItemSpec {
  const entry = shortcut(id);
  const item: MenuItemSpec = { label: label ?? entry.label, command: { type: 'shortcut', id } };
  const accelerator = acceleratorFor(entry, platform);
  if (accelerator) item.accelerator = accelerator;
  // A reader shortcut does nothing without an open document: say so by greying it out.
  if (entry.scope === 'reader' && !state.documentOpen) item.enabled = false;
  return item;
}

function actionItem(label: string, action: MenuAction): MenuItemSpec {
  return { label, command: { type: 'menu', action } };
}

function submenu(label: string, items: MenuItemSpec[]): MenuItemSpec {
  return { label, type: 'submenu', submenu: items };
}

function macAppMenu(state: ShellState): MenuItemSpec {
  return submenu(APP_NAME, [
    actionItem(`About ${APP_NAME}`, 'about'),
    separator,
    shortcutItem('settings', 'mac', state, 'Settings…'),
    separator,
    { role: 'services' },
    separator,
    { role: 'hide' },
    { role: 'hideOthers' },
    { role: 'unhide' },
    separator,
    { role: 'quit' },
  ]);
}

function fileMenu(platform: Platform, state: ShellState): MenuItemSpec {
  return submenu(platform === 'mac' ? 'File' : '&File', [
    shortcutItem('add-documents', platform, state),
    actionItem('Export notes…', 'export-notes'),
    separator,
    shortcutItem('print', platform, state),
    // The document as a PDF without the print dialog (Print… offers it too, where the system does).
    { ...actionItem('Save as PDF…', 'save-pdf'), ...(state.documentOpen ? {} : { enabled: false }) },
    separator,
    { role: 'close', label: 'Close window' },
    ...(platform === 'mac' ? [] : [separator, { role: 'quit' } as MenuItemSpec]),
  ]);
}

function editMenu(platform: Platform, state: ShellState): MenuItemSpec {
  return submenu(platform === 'mac' ? 'Edit' : '&Edit', [
    { role: 'undo' },
    { role: 'redo' },
    separator,
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
    separator,
    shortcutItem('find', platform, state),
    // Settings live under Edit on Windows and Linux, under the app menu on macOS.
    ...(platform === 'mac' ? [] : [separator, shortcutItem('settings', platform, state, 'Settings…')]),
  ]);
}

/** What differs between a development run and the installed app. */
export interface MenuOptions {
  /** Only where the window allows DevTools (`!app.isPackaged`): the installed app has none. */
  developerTools?: boolean;
}

function viewMenu(platform: Platform, state: ShellState, options: MenuOptions): MenuItemSpec {
  return submenu(platform === 'mac' ? 'View' : '&View', [
    submenu('Theme', [
      actionItem('As the system', 'theme-system'),
      actionItem('Light', 'theme-light'),
      actionItem('Sepia', 'theme-sepia'),
      actionItem('Dark', 'theme-dark'),
    ]),
    submenu('Text size', [actionItem('Bigger', 'text-bigger'), actionItem('Smaller', 'text-smaller')]),
    submenu('Line width', [actionItem('Wider', 'line-wider'), actionItem('Narrower', 'line-narrower')]),
    separator,
    shortcutItem('notes-panel', platform, state),
    separator,
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    separator,
    { role: 'togglefullscreen' },
    ...(options.developerTools ? [separator, { role: 'toggleDevTools' } as MenuItemSpec] : []),
  ]);
}

function goMenu(platform: Platform, state: ShellState): MenuItemSpec {
  return submenu(platform === 'mac' ? 'Go' : '&Go', [
    actionItem('Library', 'library'),
    actionItem('Notebook', 'notebook'),
    separator,
    shortcutItem('back', platform, state),
    shortcutItem('forward', platform, state),
    separator,
    shortcutItem('search', platform, state, 'Search…'),
  ]);
}

function windowMenu(platform: Platform): MenuItemSpec {
  const items: MenuItemSpec[] =
    platform === 'mac'
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }];
  return { ...submenu(platform === 'mac' ? 'Window' : '&Window', items), role: 'windowMenu' };
}

function helpMenu(platform: Platform, state: ShellState): MenuItemSpec {
  return {
    ...submenu(platform === 'mac' ? 'Help' : '&Help', [
      shortcutItem('shortcuts', platform, state, 'Keyboard shortcuts'),
      actionItem(`About ${APP_NAME}`, 'about'),
      separator,
      { label: 'Show log folder', command: { type: 'show-log-folder' } },
    ]),
    role: 'help',
  };
}

/** The whole menu bar for a platform and the page's state. */
export function menuTemplate(
  platform: Platform,
  state: ShellState,
  options: MenuOptions = {},
): MenuItemSpec[] {
  return [
    ...(platform === 'mac' ? [macAppMenu(state)] : []),
    fileMenu(platform, state),
    editMenu(platform, state),
    viewMenu(platform, state, options),
    goMenu(platform, state),
    windowMenu(platform),
    helpMenu(platform, state),
  ];
}

/** Every item of a template, submenus flattened (for tests and lookups). */
export function menuItems(template: readonly MenuItemSpec[]): MenuItemSpec[] {
  return template.flatMap((item) => [item, ...menuItems(item.submenu ?? [])]);
}

/** The platform of `process.platform`. */
export function menuPlatform(nodePlatform: string): Platform {
  return nodePlatform === 'darwin' ? 'mac' : 'other';
}
