import { describe, expect, it } from 'vitest';
import { refusesDebugging } from '../../../main/shell/debug-guard';

const EXE = '/opt/Margin/margin';

describe('debug-guard', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port', '9222'],
    ['--remote-debugging-pipe'],
    ['--remote-debugging-pipe=cbor'],
    ['-remote-debugging-port=9222'],
    ['--REMOTE-DEBUGGING-PORT=9222'],
  ])('quits a packaged build started with %s', (...switches) => {
    expect(refusesDebugging([EXE, ...switches], true, 'linux')).toBe(true);
  });

  it('reads the Windows /switch form on Windows', () => {
    expect(refusesDebugging(['margin.exe', '/remote-debugging-port=9222'], true, 'win32')).toBe(true);
    expect(refusesDebugging(['margin', '/remote-debugging-port=9222'], true, 'linux')).toBe(false);
  });

  it('lets a development build be debugged, which the smoke suite needs', () => {
    expect(refusesDebugging([EXE, '--remote-debugging-port=0', '.'], false, 'linux')).toBe(false);
  });

  it('starts a packaged build with ordinary arguments, files and look-alike switches', () => {
    const argv = [
      EXE,
      '--enable-logging',
      '/home/reader/remote-debugging-port.md',
      '--remote-debugging-portal',
      '--no-remote-debugging-port',
      'margin://open/remote-debugging-pipe',
    ];
    expect(refusesDebugging(argv, true, 'linux')).toBe(false);
  });
});
