/**
 * Preferences and reading positions: two small JSON files in the data folder, each written atomically
 * (temporary file, fsync, rename) so that a crash leaves the old file or the new one, never half of one.
 * A file that cannot be read is moved aside (not deleted), the defaults are used, and the user is told;
 * unlike notes, these are easy to set again.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Preferences, PrintNotesLayout, ReadingPosition, ThemeChoice } from '../api';
import { errorDetail, MarginError } from '../errors';
import { checkDocId, checkExportTemplate, PRINT_NOTES_LAYOUTS } from '../annotations/annotation-validation';
import { fileStamp, syncDirectory } from '../storage/durable-files';
import { DEFAULT_PREFERENCES } from '../shared/preference-defaults';
import { CITATION_STYLE_IDS, isCitationStyleId } from '../shared/citation-styles';

export const PREFERENCES_FILE = 'preferences.json';
export const READING_POSITIONS_FILE = 'reading-positions.json';
/** Positions of the most recently read documents are kept; older ones make way. */
export const MAX_READING_POSITIONS = 2000;

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'sepia', 'dark'];

export interface PreferencesStore {
  getPreferences(): Preferences;
  setPreferences(patch: Partial<Preferences>): Preferences;
  getReadingPosition(docId: string): ReadingPosition | null;
  setReadingPosition(docId: string, position: ReadingPosition): void;
  /** What the user must be told, e.g. that a damaged preferences file was set aside. */
  notices(): string[];
}

function invalid(message: string): never {
  throw new MarginError('invalid-argument', message);
}

const FIELD_CHECKS: { [K in keyof Preferences]: (value: unknown) => value is Preferences[K] } = {
  theme: (v): v is ThemeChoice => THEMES.includes(v as ThemeChoice),
  fontSize: (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 14 && v <= 28,
  lineWidth: (v): v is number => Number.isInteger(v) && (v as number) >= 50 && (v as number) <= 90,
  librarySort: (v): v is 'date' | 'title' => v === 'date' || v === 'title',
  readAloudRate: (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0.5 && v <= 2,
  readAloudVoice: (v): v is string =>
    typeof v === 'string' && v.length <= 200 && ![...v].some((c) => c < ' '),
  citationStyle: isCitationStyleId,
  printNotes: (v): v is PrintNotesLayout => PRINT_NOTES_LAYOUTS.includes(v as PrintNotesLayout),
  exportTemplate: (v): v is string => {
    try {
      checkExportTemplate(v);
      return true;
    } catch {
      return false;
    }
  },
};
const FIELD_RULES: Record<keyof Preferences, string> = {
  theme: `theme is one of ${THEMES.join(', ')}`,
  fontSize: 'fontSize is a number of CSS pixels from 14 to 28',
  lineWidth: 'lineWidth is a whole number of characters from 50 to 90',
  librarySort: 'librarySort is date or title',
  readAloudRate: 'readAloudRate is a speed from 0.5 to 2',
  readAloudVoice: 'readAloudVoice is a voice name of at most 200 characters, or empty for the default',
  citationStyle: `citationStyle is one of ${CITATION_STYLE_IDS.join(', ')}`,
  printNotes: `printNotes is one of ${PRINT_NOTES_LAYOUTS.join(', ')}`,
  exportTemplate: 'exportTemplate is a valid template',
};

/** Block ids come from the content build (`b-3f2a9c01`, `s-background`). */
const BLOCK_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

/** The one rule for a reading position, for the API gate and for the file read back. */
export function checkReadingPosition(value: unknown): ReadingPosition {
  if (typeof value !== 'object' || value === null) invalid('A reading position is { blockId, fraction }.');
  const { blockId, fraction } = value as Record<string, unknown>;
  if (typeof blockId !== 'string' || !BLOCK_ID.test(blockId)) {
    invalid('A reading position names a block id (1 to 200 letters, digits and _ . : -).');
  }
  if (typeof fraction !== 'number' || !Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    invalid('A reading position has a fraction from 0 to 1.');
  }
  return { blockId, fraction };
}

/** The one rule for a change of preferences: known fields only, each within its range. */
export function checkPreferencesPatch(patch: unknown): Partial<Preferences> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
    invalid('Preferences are an object.');
  const checked: Partial<Preferences> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(FIELD_CHECKS, key)) invalid(`There is no preference "${key.slice(0, 40)}".`);
    const field = key as keyof Preferences;
    // A template says exactly what is wrong with it (which placeholder, which section).
    if (field === 'exportTemplate') checkExportTemplate(value);
    if (!FIELD_CHECKS[field](value)) invalid(`${FIELD_RULES[field]}.`);
    (checked as Record<string, unknown>)[field] = value;
  }
  return checked;
}

function writeAtomically(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
    syncDirectory(join(file, '..'));
  } catch (error) {
    throw new MarginError('unavailable', `${basename(file)} could not be saved (${errorDetail(error)}).`);
  }
}

export function openPreferencesStore(dataDir: string): PreferencesStore {
  const notices: string[] = [];
  const preferencesFile = join(dataDir, PREFERENCES_FILE);
  const positionsFile = join(dataDir, READING_POSITIONS_FILE);

  /** The parsed object in `file`, or null when absent; a damaged file is moved aside with a notice. */
  const load = (file: string, what: string): Record<string, unknown> | null => {
    if (!existsSync(file)) return null;
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        return parsed as Record<string, unknown>;
    } catch {
      // damaged: handled below
    }
    const aside = join(dataDir, `${basename(file, '.json')}.damaged-${fileStamp()}.json`);
    renameSync(file, aside);
    notices.push(
      `Your ${what} could not be read, so the defaults are used. The damaged file was moved to ${aside}.`,
    );
    return null;
  };

  const storedPreferences = load(preferencesFile, 'display preferences') ?? {};
  const preferences: Preferences = { ...DEFAULT_PREFERENCES };
  for (const key of Object.keys(FIELD_CHECKS) as Array<keyof Preferences>) {
    // A single value edited out of range by hand falls back to its default; the others stay.
    if (FIELD_CHECKS[key](storedPreferences[key]))
      (preferences as unknown as Record<string, unknown>)[key] = storedPreferences[key];
  }

  const positions = new Map<string, ReadingPosition>();
  for (const [docId, position] of Object.entries(load(positionsFile, 'reading positions') ?? {})) {
    try {
      positions.set(checkDocId(docId), checkReadingPosition(position));
    } catch {
      // one bad entry is dropped, the rest kept
    }
  }

  return {
    getPreferences() {
      return { ...preferences };
    },
    setPreferences(patch) {
      const next: Preferences = { ...preferences, ...checkPreferencesPatch(patch) };
      writeAtomically(preferencesFile, next);
      Object.assign(preferences, next);
      return { ...preferences };
    },
    getReadingPosition(docId) {
      return positions.get(checkDocId(docId)) ?? null;
    },
    setReadingPosition(docId, position) {
      const id = checkDocId(docId);
      const checked = checkReadingPosition(position);
      const next = new Map(positions);
      next.delete(id); // re-inserted last: the map's order is most recently read last
      next.set(id, checked);
      while (next.size > MAX_READING_POSITIONS) next.delete(next.keys().next().value as string);
      writeAtomically(positionsFile, Object.fromEntries(next));
      positions.clear();
      for (const [key, value] of next) positions.set(key, value);
    },
    notices() {
      return [...notices];
    },
  };
}
