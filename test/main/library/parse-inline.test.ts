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

  it('refuses to read Markdown, which main/markdown reads as CommonMark', () => {
    expect(() => parseInline('*a*', MARKDOWN)).toThrow(/RCAS export only/);
  });
});
