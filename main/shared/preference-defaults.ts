/**
 * The preferences a new reader starts with. Main's store falls back to them and the renderer paints
 * with them until the stored preferences arrive, so both read this one value. Like `main/api.ts`, this
 * module imports nothing (types aside), so the renderer may import it.
 */
import type { Preferences } from '../api';

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
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

/** The reading settings' ranges: the panel's sliders and the menu's Bigger/Smaller, Wider/Narrower. */
export const FONT_SIZE_RANGE = { min: 14, max: 28, step: 1 } as const;
export const LINE_WIDTH_RANGE = { min: 50, max: 90, step: 2 } as const;
