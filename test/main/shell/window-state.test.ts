import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  WINDOW_STATE_FILE,
  placeWindow,
  readWindowState,
  writeWindowState,
  type DisplayArea,
  type WindowState,
} from '../../../main/shell/window-state';

const laptop: DisplayArea = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitorRight: DisplayArea = { workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };
const monitorLeft: DisplayArea = { workArea: { x: -1920, y: -200, width: 1920, height: 1040 } };
// A 2560x1600 panel at 200 %: Electron reports its work area in device-independent pixels.
const hiDpi: DisplayArea = { workArea: { x: 0, y: 0, width: 1280, height: 770 } };

function state(
  x: number,
  y: number,
  width: number,
  height: number,
  flags: Partial<WindowState> = {},
): WindowState {
  return { bounds: { x, y, width, height }, maximised: false, fullScreen: false, ...flags };
}

function isInside(bounds: WindowState['bounds'], display: DisplayArea): boolean {
  const area = display.workArea;
  return (
    bounds.x >= area.x &&
    bounds.y >= area.y &&
    bounds.x + bounds.width <= area.x + area.width &&
    bounds.y + bounds.height <= area.y + area.height
  );
}

describe('window-state placement', () => {
  it('opens a first window at the default size, centred on the primary screen', () => {
    const placed = placeWindow(null, [laptop, monitorRight], monitorRight);
    expect(placed.bounds).toEqual({ x: 2120, y: 270, ...DEFAULT_WINDOW_SIZE });
    expect(placed.maximised).toBe(false);
  });

  it('reopens exactly where it was on one screen', () => {
    const saved = state(100, 80, 900, 700);
    expect(placeWindow(saved, [laptop], laptop)).toEqual(saved);
  });

  it('reopens on the second screen where it was left', () => {
    const saved = state(2000, 100, 1600, 1000, { maximised: true });
    expect(placeWindow(saved, [laptop, monitorRight], laptop)).toEqual(saved);
  });

  it('comes back onto the laptop screen when the second monitor was unplugged', () => {
    const saved = state(2000, 100, 1600, 1000);
    const placed = placeWindow(saved, [laptop], laptop);
    expect(isInside(placed.bounds, laptop)).toBe(true);
    expect(placed.bounds.width).toBe(1440);
    expect(placed.bounds.height).toBe(875);
  });

  it('keeps a monitor to the left and above the primary, at negative coordinates', () => {
    const saved = state(-1800, -150, 1000, 800);
    expect(placeWindow(saved, [laptop, monitorLeft], laptop)).toEqual(saved);
  });

  it('pulls a window hanging off the edge of a screen fully back onto it', () => {
    const placed = placeWindow(state(1200, 700, 900, 700), [laptop], laptop);
    expect(placed.bounds).toEqual({ x: 540, y: 200, width: 900, height: 700 });
  });

  it('moves a window straddling two screens onto the one that holds most of it', () => {
    const placed = placeWindow(state(1300, 100, 1000, 700), [laptop, monitorRight], laptop);
    expect(isInside(placed.bounds, monitorRight)).toBe(true);
    expect(placed.bounds.width).toBe(1000);
  });

  it('fits a window larger than a HiDPI screen inside its work area', () => {
    const placed = placeWindow(state(0, 0, 2560, 1600), [hiDpi], hiDpi);
    expect(placed.bounds).toEqual({ x: 0, y: 0, width: 1280, height: 770 });
  });

  it('grows a window saved below the minimum size to the minimum', () => {
    const placed = placeWindow(state(10, 30, 100, 50), [laptop], laptop);
    expect(placed.bounds).toEqual({ x: 10, y: 30, width: 480, height: 400 });
  });

  it('restores maximised and full-screen flags, even on a fallback screen', () => {
    const placed = placeWindow(state(5000, 5000, 800, 600, { fullScreen: true }), [laptop], laptop);
    expect(placed.fullScreen).toBe(true);
    expect(isInside(placed.bounds, laptop)).toBe(true);
  });
});

describe('window-state file', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'margin-window-state-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('remembers the state across a restart, in a file only the user can read', async () => {
    const saved = state(-1800, -150, 1000, 800, { maximised: true });
    writeWindowState(dir, saved);
    expect(readWindowState(dir)).toEqual(saved);
    if (process.platform !== 'win32') {
      expect((await stat(path.join(dir, WINDOW_STATE_FILE))).mode & 0o777).toBe(0o600);
    }
  });

  it('starts with the defaults, never a crash, when the file is missing or damaged', async () => {
    expect(readWindowState(dir)).toBeNull();
    const file = path.join(dir, WINDOW_STATE_FILE);
    for (const damaged of [
      '{"bounds":{"x":1,"y":2,"wid',
      'null',
      '[]',
      '{"bounds":{"x":0,"y":0,"width":-5,"height":10}}',
      '{"bounds":{"x":"0","y":0,"width":5,"height":10}}',
    ]) {
      await writeFile(file, damaged);
      expect(readWindowState(dir)).toBeNull();
    }
    expect(placeWindow(readWindowState(dir), [laptop], laptop).bounds).toMatchObject(DEFAULT_WINDOW_SIZE);
  });

  it('replaces the previous state whole and leaves no temporary file behind', async () => {
    writeWindowState(dir, state(1, 2, 600, 500));
    writeWindowState(dir, state(3, 4, 700, 600));
    expect(JSON.parse(await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8')).bounds.x).toBe(3);
    expect(await readdir(dir)).toEqual([WINDOW_STATE_FILE]);
  });
});
