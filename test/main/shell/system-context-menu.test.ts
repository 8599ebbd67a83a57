import { describe, expect, it } from 'vitest';
import { systemContextMenu, type ContextMenuFacts } from '../../../main/shell/system-context-menu';

const flags = (value: boolean): ContextMenuFacts['editFlags'] => ({
  canUndo: value,
  canRedo: value,
  canCut: value,
  canCopy: value,
  canPaste: value,
  canSelectAll: value,
});

describe('system-context-menu', () => {
  it('offers editing in a text field, greying out what cannot be done there now', () => {
    const items = systemContextMenu({ isEditable: true, selectionText: '', editFlags: flags(false) }) ?? [];
    expect(items.filter((item) => item.role).map((item) => item.role)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    expect(items.every((item) => item.type === 'separator' || item.enabled === false)).toBe(true);
    const ready = systemContextMenu({ isEditable: true, selectionText: 'x', editFlags: flags(true) }) ?? [];
    expect(ready.filter((item) => item.role).every((item) => item.enabled)).toBe(true);
  });

  it('offers Copy for selected text outside the article, and nothing where there is nothing to do', () => {
    expect(systemContextMenu({ isEditable: false, selectionText: 'Margin', editFlags: flags(true) })).toEqual(
      [{ role: 'copy', enabled: true }],
    );
    expect(systemContextMenu({ isEditable: false, selectionText: '  ', editFlags: flags(true) })).toBeNull();
  });
});
