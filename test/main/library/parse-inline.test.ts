import { describe, expect, it } from 'vitest';
import { parseInline } from '../../../main/library/parse-inline';

const RCAS = { markdown: false };
const MARKDOWN = { markdown: true };

describe('parseInline', () => {
  it('turns *emphasis*, **strong** and <https://…> into runs', () => {
    expect(parseInline('A *b* **c** <https://x.org/a_b>.', RCAS)).toEqual([
      { type: 'text', text: 'A ' },
      { type: 'emphasis', text: 'b' },
      { type: 'text', text: ' ' },
      { type: 'strong', text: 'c' },
      { type: 'text', text: ' ' },
      { type: 'link', text: 'https://x.org/a_b', href: 'https://x.org/a_b' },
      { type: 'text', text: '.' },
    ]);
  });

  it('leaves stray asterisks and comparisons as text', () => {
    expect(parseInline('5 * 3 and a < b, a* b', RCAS)).toEqual([
      { type: 'text', text: '5 * 3 and a < b, a* b' },
    ]);
  });

  it('keeps underscores and brackets literal in the RCAS export, where they are not markup', () => {
    expect(parseInline('file_name_here [sic] _x_', RCAS)).toEqual([
      { type: 'text', text: 'file_name_here [sic] _x_' },
    ]);
  });

  it('makes Markdown links only from http(s) URLs, keeping the text of others', () => {
    expect(
      parseInline(
        '[a](https://x.org/p_(1)) [b](javascript:alert(1)) [c](mailto:x@y.z) <file:///etc/passwd>',
        MARKDOWN,
      ),
    ).toEqual([
      { type: 'link', text: 'a', href: 'https://x.org/p_(1)' },
      { type: 'text', text: ' b c file:///etc/passwd' },
    ]);
  });

  it('flattens markup nested inside a link or strong run into its text', () => {
    expect(parseInline('**bold *and* more** [*em* link](https://x.org)', MARKDOWN)).toEqual([
      { type: 'strong', text: 'bold and more' },
      { type: 'text', text: ' ' },
      { type: 'link', text: 'em link', href: 'https://x.org' },
    ]);
  });

  it('never turns HTML in the text into anything but text', () => {
    expect(parseInline('<script>alert(1)</script> <img src=x onerror=alert(1)>', MARKDOWN)).toEqual([
      { type: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' },
    ]);
  });
});
