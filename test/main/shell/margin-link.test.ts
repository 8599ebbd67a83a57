import { describe, expect, it } from 'vitest';
import { annotationIdInLink } from '../../../main/shared/annotation-ids';
import { parseMarginLink } from '../../../main/shell/margin-link';

const ID = 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e';

describe('margin-link', () => {
  it('reads a link to a passage: the document and the highlight', () => {
    expect(parseMarginLink(`margin://open/gwadar-port-security?annotation=${ID}`)).toEqual({
      ok: true,
      link: { documentId: 'gwadar-port-security', annotationId: ID },
    });
  });

  it('reads a link to a document alone, and an id whose colons are percent-encoded', () => {
    expect(parseMarginLink('margin://open/gwadar')).toEqual({ ok: true, link: { documentId: 'gwadar' } });
    expect(parseMarginLink(`margin://open/gwadar?annotation=${ID.replace(/:/g, '%3A')}`)).toEqual({
      ok: true,
      link: { documentId: 'gwadar', annotationId: ID },
    });
  });

  it('reads the id of a note imported from another tool, a URL with its query and fragment encoded', () => {
    const imported = 'https://notes.example.org/annotations/7?set=a&v=2#b';
    const link = `margin://open/gwadar?annotation=${annotationIdInLink(imported)}`;
    expect(link).toBe(
      'margin://open/gwadar?annotation=https://notes.example.org/annotations/7%3Fset%3Da%26v%3D2%23b',
    );
    expect(parseMarginLink(link)).toEqual({
      ok: true,
      link: { documentId: 'gwadar', annotationId: imported },
    });
    expect(`margin://open/gwadar?annotation=${annotationIdInLink(ID)}`).toBe(
      `margin://open/gwadar?annotation=${ID}`,
    );
  });

  it.each([
    ['another scheme', `https://open/gwadar?annotation=${ID}`],
    ['a scheme in capitals', 'MARGIN://open/gwadar'],
    ['another action', 'margin://delete/gwadar'],
    ['no document', 'margin://open/'],
    ['a traversal', 'margin://open/../../etc/passwd'],
    ['an encoded traversal', 'margin://open/%2e%2e/secrets'],
    ['a double-encoded traversal', 'margin://open/%252e%252e'],
    ['an encoded slash', 'margin://open/gwadar%2F..%2Fx'],
    ['a nested path', 'margin://open/gwadar/more'],
    ['a dot in the id', 'margin://open/gwadar.md'],
    ['credentials', 'margin://x@open/gwadar'],
    ['credentials with a password', 'margin://user:pw@open/gwadar'],
    ['a port', 'margin://open:8080/gwadar'],
    ['a Cyrillic о in open', 'margin://оpen/gwadar'],
    ['a full-width letter in the id', 'margin://open/ｇwadar'],
    ['a right-to-left override', 'margin://open/gwadar\u202e'],
    ['a zero-width space', 'margin://open/gwa\u200bdar'],
    ['a space', 'margin://open/gwadar ?annotation=x'],
    ['a backslash', 'margin://open\\gwadar'],
    ['a huge document id', `margin://open/${'a'.repeat(201)}`],
    ['a huge annotation id', `margin://open/gwadar?annotation=urn:uuid:${'a'.repeat(500)}`],
    ['an annotation id with a javascript: scheme', 'margin://open/gwadar?annotation=javascript:alert(1)'],
    ['an annotation id that is not a URI', 'margin://open/gwadar?annotation=note-7'],
    ['an empty annotation', 'margin://open/gwadar?annotation='],
    ['an extra parameter', `margin://open/gwadar?annotation=${ID}&print=1`],
    ['a repeated parameter', `margin://open/gwadar?annotation=${ID}&annotation=${ID}`],
    ['another parameter', 'margin://open/gwadar?file=/etc/passwd'],
    ['a fragment', `margin://open/gwadar?annotation=${ID}#x`],
    ['a broken escape', 'margin://open/gwadar?annotation=%E0%A4%A'],
    ['a very long link', `margin://open/gwadar?annotation=${ID}${'%20'.repeat(300)}`],
    ['an empty string', ''],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a file: URL', 'file:///etc/passwd'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['an app: URL of Margin’s own page', 'app://margin/index.html'],
    ['no slashes after the scheme', 'margin:open/gwadar'],
    ['three slashes', 'margin:///open/gwadar'],
    ['an empty path segment', 'margin://open//gwadar'],
    ['an id that starts with a hyphen', 'margin://open/-gwadar'],
    ['a doubled hyphen', 'margin://open/gwadar--port'],
    ['a capital letter in the id', 'margin://open/Gwadar'],
    ['an encoded letter in the id', 'margin://open/%67wadar'],
    ['an overlong UTF-8 dot', 'margin://open/%C0%AE%C0%AE/x'],
    ['a trailing newline', 'margin://open/gwadar\n'],
    ['a tab', 'margin://open/\tgwadar'],
    ['a NUL byte', 'margin://open/gwadar\u0000'],
    ['an encoded NUL in the annotation', `margin://open/gwadar?annotation=${ID}%00`],
    ['an encoded newline in the annotation', `margin://open/gwadar?annotation=${ID}%0A`],
    ['an encoded second parameter', `margin://open/gwadar?annotation=${ID}%26print%3D1`],
    ['an empty query', 'margin://open/gwadar?'],
    ['a parameter without a value', 'margin://open/gwadar?annotation'],
    ['a parameter in capitals', `margin://open/gwadar?ANNOTATION=${ID}`],
    ['a huge link of nothing but escapes', `margin://open/gwadar?annotation=${'%41'.repeat(100_000)}`],
  ])('refuses %s', (_what, link) => {
    const verdict = parseMarginLink(link);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/^[A-Z].+\.$/);
  });

  it('refuses what is not a string at all', () => {
    expect(parseMarginLink(undefined)).toEqual({ ok: false, reason: 'The link is empty.' });
    expect(parseMarginLink(42).ok).toBe(false);
  });
});
