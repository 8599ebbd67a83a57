/**
 * Window memory: the size, position and maximised/full-screen state of Margin's window, kept in a small
 * JSON file in the user-data folder and restored safely. Saved bounds are only a wish: the window is
 * placed on the display it overlaps most (or the primary one when a monitor was unplugged), shrunk to
 * fit that display's work area and moved fully inside it. Plain Node: `window.ts` feeds it Electron's
 * displays (in device-independent pixels, so HiDPI needs no special case).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { syncDirectory } from '../storage/durable-files';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The normal (not maximised) bounds, so un-maximising returns to them. */
  bounds: Rect;
  maximised: boolean;
  fullScreen: boolean;
}

/** What Margin needs of a display: Electron's `Display.workArea` (screen minus taskbar, dock, menu bar). */
export interface DisplayArea {
  workArea: Rect;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 860 } as const;
export const MIN_WINDOW_SIZE = { width: 480, height: 400 } as const;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function readRect(value: unknown): Rect | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y, width, height } = value as Record<string, unknown>;
  if (![x, y, width, height].every(isFiniteNumber)) return null;
  if ((width as number) <= 0 || (height as number) <= 0) return null;
  return { x: x as number, y: y as number, width: width as number, height: height as number };
}

/** A saved state, or null for anything damaged, partial or from another program: then the defaults apply. */
export function parseWindowState(text: string): WindowState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  const bounds = readRect(record.bounds);
  if (bounds === null) return null;
  return { bounds, maximised: record.maximised === true, fullScreen: record.fullScreen === true };
}

/** The remembered state, or null when there is none or it cannot be read: never throws. */
export function readWindowState(userData: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(path.join(userData, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** Writes beside the file and renames over it, so a crash mid-write leaves the previous state whole. */
export function writeWindowState(userData: string, state: WindowState): void {
  mkdirSync(userData, { recursive: true, mode: 0o700 });
  const file = path.join(userData, WINDOW_STATE_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
  syncDirectory(userData);
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function fitInside(area: Rect, width: number, height: number): { width: number; height: number } {
  // The minimum size yields to a work area smaller than it: the whole window stays visible.
  const fit = (wanted: number, min: number, available: number): number =>
    Math.round(Math.min(Math.max(wanted, Math.min(min, available)), available));
  return {
    width: fit(width, MIN_WINDOW_SIZE.width, area.width),
    height: fit(height, MIN_WINDOW_SIZE.height, area.height),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * Where the window opens: the saved bounds moved and shrunk into the work area of the display they
 * overlap most, or, with no saved state or none of it on any display, the default size centred on the
 * primary display. The maximised and full-screen flags are restored as saved.
 */
export function placeWindow(
  saved: WindowState | null,
  displays: DisplayArea[],
  primary: DisplayArea,
): WindowState {
  const host = saved === null ? null : pickDisplay(saved.bounds, displays);
  if (saved === null || host === null) {
    const area = primary.workArea;
    const size = fitInside(
      area,
      saved?.bounds.width ?? DEFAULT_WINDOW_SIZE.width,
      saved?.bounds.height ?? DEFAULT_WINDOW_SIZE.height,
    );
    const bounds = {
      x: Math.round(area.x + (area.width - size.width) / 2),
      y: Math.round(area.y + (area.height - size.height) / 2),
      ...size,
    };
    return { bounds, maximised: saved?.maximised ?? false, fullScreen: saved?.fullScreen ?? false };
  }
  const area = host.workArea;
  const size = fitInside(area, saved.bounds.width, saved.bounds.height);
  const bounds = {
    x: Math.round(clamp(saved.bounds.x, area.x, area.x + area.width - size.width)),
    y: Math.round(clamp(saved.bounds.y, area.y, area.y + area.height - size.height)),
    ...size,
  };
  return { bounds, maximised: saved.maximised, fullScreen: saved.fullScreen };
}

function pickDisplay(bounds: Rect, displays: DisplayArea[]): DisplayArea | null {
  let best: DisplayArea | null = null;
  let bestArea = 0;
  for (const display of displays) {
    const area = overlapArea(bounds, display.workArea);
    if (area > bestArea) {
      best = display;
      bestArea = area;
    }
  }
  return best;
}
