import { describe, expect, it } from 'vitest';
import { checkExternalLink } from '../../../main/security';

describe('checkExternalLink', () => {
  it.each([
    ['https://www.rcas.org.pk/article', 'https://www.rcas.org.pk/article'],
    ['https://example.com', 'https://example.com/'],
    ['https://Example.COM/Path?q=1#frag', 'https://example.com/Path?q=1#frag'],
    ['https://sub.domain.example.co.uk/a/b', 'https://sub.domain.example.co.uk/a/b'],
    ['https://example.com:443/x', 'https://example.com/x'],
  ])('opens the ordinary https link %s', (url, normalised) => {
    expect(checkExternalLink(url)).toEqual({ ok: true, url: normalised });
  });

  it.each([
    ['http://example.com/', /https/],
    ['file:///etc/passwd', /https/],
    ['javascript:alert(1)', /https/],
    ['JavaScript:alert(1)', /https/],
    ['data:text/html,<script>alert(1)</script>', /https/],
    ['vbscript:msgbox(1)', /https/],
    ['mailto:someone@example.com', /https/],
    ['ftp://example.com/file', /https/],
    ['smb://server/share', /https/],
    ['app://margin/index.html', /https/],
    ['ms-settings:', /https/],
  ])('refuses the non-https link %s', (url, reason) => {
    const verdict = checkExternalLink(url);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });

  it.each([
    'https://user@example.com/',
    'https://user:pass@example.com/',
    'https://www.bank.com@evil.example/',
    'https://:@example.com/',
  ])('refuses a link with credentials: %s', (url) => {
    const verdict = checkExternalLink(url);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/user name or password/);
  });

  it.each([
    'https://127.0.0.1/',
    'https://10.0.0.1/admin',
    'https://0x7f.0.0.1/',
    'https://2130706433/',
    'https://[::1]/',
    'https://[2001:db8::1]/',
    'https://localhost/',
    'https://intranet/',
    'https://example.com:8443/',
    'https://-bad-.example.com/',
    'https://exa_mple.com/',
  ])('refuses a host that is not a public site name: %s', (url) => {
    expect(checkExternalLink(url).ok).toBe(false);
  });

  it.each([
    'https://x.localhost/',
    'https://localhost.',
    'https://printer.local/',
    'https://PRINTER.LOCAL./',
    'https://a.internal/',
    'https://nas.lan/',
    'https://router.home.arpa/',
    'https://home.arpa/',
    'https://a.b.Home.Arpa./',
    'https://site.test/',
    'https://example.invalid/',
  ])('refuses a name reserved for local networks: %s', (url) => {
    const verdict = checkExternalLink(url);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/local network|not a public web address/);
  });

  it.each(['https://localhost.example.com/', 'https://internal.example.org/', 'https://test.com/'])(
    'still opens a public site whose name only contains a local word: %s',
    (url) => {
      expect(checkExternalLink(url).ok).toBe(true);
    },
  );

  it.each([
    'https://аpple.com/',
    'https://xn--pple-43d.com/',
    'https://gооgle.com/',
    'https://example.xn--p1ai/',
    'https://пример.рф/',
  ])('refuses an internationalised host that can imitate another site: %s', (url) => {
    const verdict = checkExternalLink(url);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/imitate/);
  });

  it.each([
    '',
    ' https://example.com/',
    'https://example.com/a b',
    'https://example.com/\u0000',
    'https:\\\\example.com\\',
    'not a url',
    `https://example.com/${'a'.repeat(2100)}`,
  ])('refuses a malformed link: %j', (url) => {
    expect(checkExternalLink(url).ok).toBe(false);
  });

  it('refuses anything that is not a string', () => {
    expect(checkExternalLink(undefined).ok).toBe(false);
    expect(checkExternalLink({ href: 'https://example.com/' }).ok).toBe(false);
  });
});
