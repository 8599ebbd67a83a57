import { describe, expect, it } from 'vitest';
import {
  markdownPlainText,
  parseInline,
  parseMarkdown,
  safeHref,
} from '../../../renderer/annotations/markdown-parse';

describe('markdown-parse', () => {
  it('reads paragraphs, emphasis, strong and code', () => {
    expect(parseMarkdown('One *two* **three** `four`\n\nNext')).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'One ' },
          { kind: 'em', children: [{ kind: 'text', text: 'two' }] },
          { kind: 'text', text: ' ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'three' }] },
          { kind: 'text', text: ' ' },
          { kind: 'code', text: 'four' },
        ],
      },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Next' }] },
    ]);
  });

  it('reads bulleted and numbered lists and block quotes', () => {
    const blocks = parseMarkdown('- a\n- b\n\n3. c\n4. d\n\n> quoted\n> more');
    expect(blocks.map((b) => b.kind)).toEqual(['list', 'list', 'blockquote']);
    expect(blocks[0]).toMatchObject({
      ordered: false,
      items: [[{ kind: 'paragraph' }], [{ kind: 'paragraph' }]],
    });
    expect(blocks[1]).toMatchObject({ ordered: true, start: 3 });
    expect(blocks[2]).toMatchObject({
      blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'quoted more' }] }],
    });
  });

  it('keeps raw HTML as visible text, never as markup', () => {
    const blocks = parseMarkdown('<img src=x onerror="alert(1)"> <script>alert(2)</script>');
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        inlines: [{ kind: 'text', text: '<img src=x onerror="alert(1)"> <script>alert(2)</script>' }],
      },
    ]);
  });

  it('makes links only of https URLs and shows the text of any other link', () => {
    expect(parseInline('[site](https://example.org/a?b=1)')).toEqual([
      { kind: 'link', href: 'https://example.org/a?b=1', children: [{ kind: 'text', text: 'site' }] },
    ]);
    expect(parseInline('[click](javascript:alert(1))')).toEqual([{ kind: 'text', text: 'click' }]);
    expect(parseInline('[plain](http://example.org)')).toEqual([{ kind: 'text', text: 'plain' }]);
    expect(safeHref('file:///etc/passwd')).toBeNull();
    expect(safeHref('HTTPS://Example.org')).toBe('https://example.org/');
  });

  it('turns bare and angle-bracket https URLs into links, without trailing punctuation', () => {
    expect(parseInline('see https://example.org/x.')).toEqual([
      { kind: 'text', text: 'see ' },
      {
        kind: 'link',
        href: 'https://example.org/x',
        children: [{ kind: 'text', text: 'https://example.org/x' }],
      },
      { kind: 'text', text: '.' },
    ]);
    expect(parseInline('<https://example.org>')[0]).toMatchObject({
      kind: 'link',
      href: 'https://example.org/',
    });
  });

  it('leaves unmatched markers and snake_case words alone', () => {
    expect(parseInline('2 * 3 = 6 and snake_case_name')).toEqual([
      { kind: 'text', text: '2 * 3 = 6 and snake_case_name' },
    ]);
    expect(parseInline('\\*not em\\*')).toEqual([{ kind: 'text', text: '*not em*' }]);
  });

  it('gives the words of a note without its markup, for previews and filters', () => {
    expect(markdownPlainText('**Key** point:\n\n- CPEC *security*\n- [source](https://a.example)')).toBe(
      'Key point: CPEC security source',
    );
  });

  it('survives deeply nested quotes without running away', () => {
    const deep = '>'.repeat(200) + ' bottom';
    expect(markdownPlainText(deep)).toContain('bottom');
  });
});
