/**
 * The context menu the desktop app shows where the page does not show its own: Electron has none by
 * default, so without this a right-click in the search box or a note would offer no Cut, Copy or Paste.
 * The reader's own menu (on a selection in the article, on a highlight) is the page's, and a page
 * that handles the right-click never reaches this.
 */
import type { MenuItemSpec } from './app-menu';

/** What Electron's `context-menu` event says about the click (the fields used here). */
export interface ContextMenuFacts {
  isEditable: boolean;
  selectionText: string;
  editFlags: {
    canUndo: boolean;
    canRedo: boolean;
    canCut: boolean;
    canCopy: boolean;
    canPaste: boolean;
    canSelectAll: boolean;
  };
}

/** The items for a right-click, or null when there is nothing to offer (no menu at all). */
export function systemContextMenu(facts: ContextMenuFacts): MenuItemSpec[] | null {
  const flags = facts.editFlags;
  if (facts.isEditable) {
    return [
      { role: 'undo', enabled: flags.canUndo },
      { role: 'redo', enabled: flags.canRedo },
      { type: 'separator' },
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    ];
  }
  if (facts.selectionText.trim() !== '') return [{ role: 'copy', enabled: flags.canCopy }];
  return null;
}
