import { describe, expect, it } from 'vitest';
import { MENU_ACTIONS, parseAppCommand, parseShellState } from '../../../main/shared/app-commands';

const ANNOTATION = 'urn:uuid:0b6f3f8e-5a55-4c1e-9a55-1d2c3b4a5f60';

describe('app-commands', () => {
  it('reads each kind of command main sends', () => {
    expect(parseAppCommand({ type: 'shortcut', id: 'notes-panel' })).toEqual({
      type: 'shortcut',
      id: 'notes-panel',
    });
    for (const action of MENU_ACTIONS)
      expect(parseAppCommand({ type: 'menu', action })).toEqual({ type: 'menu', action });
    expect(parseAppCommand({ type: 'open-passage', docId: 'a-doc', annotationId: ANNOTATION })).toEqual({
      type: 'open-passage',
      docId: 'a-doc',
      annotationId: ANNOTATION,
    });
    const imported = 'https://notes.example.org/annotations/7';
    expect(parseAppCommand({ type: 'open-passage', docId: 'a-doc', annotationId: imported })).toEqual({
      type: 'open-passage',
      docId: 'a-doc',
      annotationId: imported,
    });
    expect(parseAppCommand({ type: 'open-passage', docId: 'a-doc' })).toEqual({
      type: 'open-passage',
      docId: 'a-doc',
    });
    expect(parseAppCommand({ type: 'notice', message: 'That link is broken.' })).toEqual({
      type: 'notice',
      message: 'That link is broken.',
    });
  });

  it('refuses anything that is not exactly a command', () => {
    const refused: unknown[] = [
      null,
      'shortcut',
      [],
      { type: 'shortcut', id: 'format-disk' },
      { type: 'shortcut', id: 'search', extra: 1 },
      { type: 'shortcut', id: { toString: () => 'search' } },
      { type: 'menu', action: 'constructor' },
      { type: 'menu', action: '__proto__' },
      { type: 'open-passage', docId: '../secrets' },
      { type: 'open-passage', docId: 'a-doc', annotationId: 'not a uri' },
      { type: 'open-passage', docId: 'a-doc', annotationId: 'javascript:alert(1)' },
      { type: 'open-passage', docId: 'a-doc', annotationId: 'urn:uuid:nope' },
      { type: 'open-passage', docId: 'a-doc', annotationId: 'urn:uuid:bell\u0007' },
      { type: 'open-passage', docId: 'x'.repeat(201) },
      { type: 'open-passage', docId: 'a-doc', annotationId: ANNOTATION, then: 'x' },
      { type: 'notice', message: '' },
      { type: 'notice', message: 'two\nlines' },
      { type: 'notice', message: 'bell\u0007' },
      { type: 'notice', message: 'x'.repeat(301) },
      { type: 'eval', code: '1' },
    ];
    for (const value of refused) expect(parseAppCommand(value), JSON.stringify(value)).toBeNull();
  });

  it('reads the page state only as one boolean', () => {
    expect(parseShellState({ documentOpen: true })).toEqual({ documentOpen: true });
    expect(parseShellState({ documentOpen: false })).toEqual({ documentOpen: false });
    for (const value of [null, {}, { documentOpen: 'yes' }, { documentOpen: true, more: 1 }, [true]])
      expect(parseShellState(value)).toBeNull();
  });
});
