import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../main/data-dir';

describe('defaultDataDir', () => {
  it("uses the roaming AppData folder on Windows, like Electron's userData", () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Margin',
    );
    expect(defaultDataDir('win32', {}, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Margin');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Margin');
  });

  it('follows XDG_CONFIG_HOME on Linux and falls back to ~/.config', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/ana/cfg' }, '/home/ana')).toBe(
      '/home/ana/cfg/Margin',
    );
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Margin');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: 'relative/cfg' }, '/home/ana')).toBe(
      '/home/ana/.config/Margin',
    );
  });
});
