import { describe, expect, it } from 'vitest';
import { allowsPermission, isAppOrigin, type PermissionAsk } from '../../../main/shell/permissions';

const copy: PermissionAsk = {
  permission: 'clipboard-sanitized-write',
  requestingUrl: 'app://margin/index.html',
  isMainFrame: true,
  isMainWindow: true,
};

describe('permissions', () => {
  it("lets Margin's own page write to the clipboard, from the request (URL) and the check (origin)", () => {
    expect(allowsPermission(copy)).toBe(true);
    expect(allowsPermission({ ...copy, requestingUrl: 'app://margin' })).toBe(true);
    expect(allowsPermission({ ...copy, requestingUrl: 'app://margin/' })).toBe(true);
  });

  it.each([
    'clipboard-read',
    'deprecated-sync-clipboard-read',
    'notifications',
    'media',
    'geolocation',
    'openExternal',
    'fullscreen',
    'unknown',
    'Clipboard-Sanitized-Write',
    '',
  ])('refuses every other permission: %s', (permission) => {
    expect(allowsPermission({ ...copy, permission })).toBe(false);
  });

  it('refuses a subframe, even at app://margin', () => {
    expect(allowsPermission({ ...copy, isMainFrame: false })).toBe(false);
  });

  it('refuses any web contents that is not the main window', () => {
    expect(allowsPermission({ ...copy, isMainWindow: false })).toBe(false);
  });

  it.each([
    'app://margin.evil',
    'app://margin.evil/index.html',
    'app://margin@x',
    'app://margin@x/index.html',
    'app://x@margin/index.html',
    'app://margin:8080/index.html',
    'app://marginx/',
    'app://MARGIN/index.html',
    'https://margin/index.html',
    'http://app://margin/',
    'file:///app/margin/index.html',
    'app://margin\\@evil/',
    'app://margin/ x',
    'null',
    '',
    'javascript:alert(1)//app://margin/',
  ])('refuses a look-alike origin: %s', (requestingUrl) => {
    expect(isAppOrigin(requestingUrl)).toBe(false);
    expect(allowsPermission({ ...copy, requestingUrl })).toBe(false);
  });
});
