import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openPreferencesStore,
  PREFERENCES_FILE,
  READING_POSITIONS_FILE,
} from '../../../main/preferences/preferences-store';
import { DEFAULT_PREFERENCES } from '../../../main/shared/preference-defaults';
import { MarginError } from '../../../main/errors';

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'margin-prefs-'));
});

afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function code(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof MarginError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('preferences-store', () => {
  it('starts from the defaults and writes nothing until something is set', () => {
    const store = openPreferencesStore(dataDir);
    expect(store.getPreferences()).toEqual({
      theme: 'system',
      fontSize: 18,
      lineWidth: 68,
      librarySort: 'date',
      readAloudRate: 1,
      readAloudVoice: '',
      citationStyle: 'apa',
      printNotes: 'endnotes',
      exportTemplate: '',
    });
    expect(store.getReadingPosition('some-doc')).toBeNull();
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('keeps preferences and reading positions across restarts, with no temporary files left', () => {
    const store = openPreferencesStore(dataDir);
    expect(store.setPreferences({ theme: 'sepia', fontSize: 21 })).toEqual({
      ...DEFAULT_PREFERENCES,
      theme: 'sepia',
      fontSize: 21,
    });
    store.setReadingPosition('doc-a', { blockId: 'p-3', fraction: 0.25 });
    store.setReadingPosition('doc-b', { blockId: 'p-9', fraction: 1 });
    store.setReadingPosition('doc-a', { blockId: 'p-4', fraction: 0.5 });

    const again = openPreferencesStore(dataDir);
    expect(again.getPreferences()).toMatchObject({ theme: 'sepia', fontSize: 21, lineWidth: 68 });
    expect(again.getReadingPosition('doc-a')).toEqual({ blockId: 'p-4', fraction: 0.5 });
    expect(again.getReadingPosition('doc-b')).toEqual({ blockId: 'p-9', fraction: 1 });
    expect(readdirSync(dataDir).sort()).toEqual([PREFERENCES_FILE, READING_POSITIONS_FILE]);
    expect(again.notices()).toEqual([]);
  });

  it('refuses values out of range or unknown, and leaves the saved file as it was', () => {
    const store = openPreferencesStore(dataDir);
    store.setPreferences({ lineWidth: 80 });
    const saved = readFileSync(join(dataDir, PREFERENCES_FILE), 'utf8');
    for (const patch of [
      { fontSize: 13 },
      { fontSize: 29 },
      { fontSize: Number.NaN },
      { lineWidth: 70.5 },
      { theme: 'neon' },
      { librarySort: 'size' },
      { citationStyle: 'vancouver' },
      { citationStyle: 'APA' },
      { colour: 'red' },
    ]) {
      expect(code(() => store.setPreferences(patch as never))).toBe('invalid-argument');
    }
    expect(code(() => store.setPreferences({ fontSize: 20, theme: 'neon' } as never))).toBe(
      'invalid-argument',
    );
    expect(store.getPreferences().fontSize).toBe(18); // nothing of a refused patch is applied
    expect(readFileSync(join(dataDir, PREFERENCES_FILE), 'utf8')).toBe(saved);
    for (const [docId, position] of [
      ['Bad Id', { blockId: 'p-1', fraction: 0 }],
      ['doc', { blockId: '', fraction: 0 }],
      ['doc', { blockId: 'p-1', fraction: 1.5 }],
      ['doc', { blockId: 'p\n1', fraction: 0 }],
    ] as const) {
      expect(code(() => store.setReadingPosition(docId, position))).toBe('invalid-argument');
    }
    expect(existsSync(join(dataDir, READING_POSITIONS_FILE))).toBe(false);
  });

  it('remembers the read-aloud speed and voice, and refuses a speed out of range or a voice that is not a name', () => {
    const store = openPreferencesStore(dataDir);
    expect(store.getPreferences()).toMatchObject({ readAloudRate: 1, readAloudVoice: '' });
    store.setPreferences({ readAloudRate: 1.5, readAloudVoice: 'English (Great Britain)' });
    for (const patch of [
      { readAloudRate: 0.4 },
      { readAloudRate: 2.5 },
      { readAloudRate: '1' },
      { readAloudVoice: 7 },
      { readAloudVoice: 'x'.repeat(201) },
      { readAloudVoice: 'bad\nname' },
    ]) {
      expect(() => store.setPreferences(patch as never)).toThrow(/readAloud(Rate|Voice) is/);
    }
    expect(openPreferencesStore(dataDir).getPreferences()).toMatchObject({
      readAloudRate: 1.5,
      readAloudVoice: 'English (Great Britain)',
    });
  });

  it('remembers the print layout and the export template, and says which part of a broken template is wrong', () => {
    const store = openPreferencesStore(dataDir);
    const template = '# {{title}}\n\n{{#notes}}> {{quote}}\n\n{{note}}\n{{/notes}}';
    store.setPreferences({ printNotes: 'margin', exportTemplate: template });
    expect(openPreferencesStore(dataDir).getPreferences()).toMatchObject({
      printNotes: 'margin',
      exportTemplate: template,
    });
    expect(() => store.setPreferences({ printNotes: 'footnotes' } as never)).toThrow(
      'printNotes is one of endnotes, margin.',
    );
    expect(() => store.setPreferences({ exportTemplate: '{{#notes}}{{quote}}' })).toThrow(
      'Line 1: {{#notes}} is never closed with {{/notes}}.',
    );
    expect(() => store.setPreferences({ exportTemplate: '{{__proto__}}' })).toThrow(
      /^Line 1: \{\{__proto__\}\} is not a placeholder; use \{\{title\}\}/,
    );
    expect(() => store.setPreferences({ exportTemplate: 'x'.repeat(10_001) })).toThrow(/too long/);
    expect(openPreferencesStore(dataDir).getPreferences().exportTemplate).toBe(template);
    // A template broken by hand in the file is dropped for the built-in one; the rest stays.
    writeFileSync(
      join(dataDir, PREFERENCES_FILE),
      JSON.stringify({ printNotes: 'margin', exportTemplate: '{{/notes}}' }),
    );
    expect(openPreferencesStore(dataDir).getPreferences()).toMatchObject({
      printNotes: 'margin',
      exportTemplate: '',
    });
  });

  it('remembers the citation style across restarts, and defaults a hand-edited unknown style to APA', () => {
    openPreferencesStore(dataDir).setPreferences({ citationStyle: 'chicago-notes' });
    expect(openPreferencesStore(dataDir).getPreferences().citationStyle).toBe('chicago-notes');
    writeFileSync(join(dataDir, PREFERENCES_FILE), JSON.stringify({ theme: 'dark', citationStyle: 'mla-8' }));
    expect(openPreferencesStore(dataDir).getPreferences()).toMatchObject({
      theme: 'dark',
      citationStyle: 'apa',
    });
  });

  it('moves a damaged preferences file aside, says where, and uses the defaults', () => {
    writeFileSync(join(dataDir, PREFERENCES_FILE), '{"theme": "dark", "fontSi');
    writeFileSync(join(dataDir, READING_POSITIONS_FILE), '[1, 2, 3]');
    const store = openPreferencesStore(dataDir);
    expect(store.getPreferences()).toEqual(DEFAULT_PREFERENCES);
    const notices = store.notices();
    expect(notices).toHaveLength(2);
    const aside = /moved to (\S+\.json)\./.exec(notices[0])![1];
    expect(readFileSync(aside, 'utf8')).toBe('{"theme": "dark", "fontSi');
    expect(notices[1]).toMatch(/reading positions could not be read/);
    expect(existsSync(join(dataDir, PREFERENCES_FILE))).toBe(false);
  });

  it('keeps the valid values of a hand-edited file and defaults only the bad one', () => {
    writeFileSync(
      join(dataDir, PREFERENCES_FILE),
      JSON.stringify({ theme: 'dark', fontSize: 400, lineWidth: 60 }),
    );
    const store = openPreferencesStore(dataDir);
    expect(store.getPreferences()).toEqual({
      theme: 'dark',
      fontSize: 18,
      lineWidth: 60,
      librarySort: 'date',
      readAloudRate: 1,
      readAloudVoice: '',
      citationStyle: 'apa',
      printNotes: 'endnotes',
      exportTemplate: '',
    });
    expect(store.notices()).toEqual([]);
  });
});
