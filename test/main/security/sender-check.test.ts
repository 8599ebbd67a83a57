import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/security';

describe('isTrustedSender', () => {
  it("trusts the top frame of Margin's own page", () => {
    expect(isTrustedSender('app://margin/index.html', true)).toBe(true);
    expect(isTrustedSender('app://margin/', true)).toBe(true);
    expect(isTrustedSender('app://margin/index.html?doc=a#b', true)).toBe(true);
  });

  it('refuses a subframe, even one of our own pages', () => {
    expect(isTrustedSender('app://margin/index.html', false)).toBe(false);
  });

  it.each([
    'app://evil/index.html',
    'app://margin.evil.com/index.html',
    'app://user@margin/index.html',
    'app://margin:1234/index.html',
    'file:///opt/Margin/resources/renderer/index.html',
    'https://margin/index.html',
    'http://127.0.0.1:4747/',
    'devtools://devtools/bundled/inspector.html',
    'chrome-error://chromewebdata/',
    'about:blank',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses a frame at %s', (url) => {
    expect(isTrustedSender(url, true)).toBe(false);
  });

  it('refuses a frame without a URL', () => {
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
  });
});
