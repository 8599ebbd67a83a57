import { describe, expect, it } from 'vitest';
import {
  markdownPlainText,
  parseMarkdown,
  safeHref,
  type MdInline,
} from '../../../renderer/annotations/markdown-parse';

/** The inlines of a one-paragraph note. */
function parseInline(text: string): MdInline[] {
  const [block, ...rest] = parseMarkdown(text);
  if (block?.kind !== 'paragraph' || rest.length > 0) throw new Error(`not one paragraph: ${text}`);
  return block.inlines;
}

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

  it('reads setext headings and thematic breaks as CommonMark does', () => {
    // Before CommonMark "Title\n===" was a paragraph "Title ===".
    expect(parseMarkdown('Title\n===\n\nSub\n---\n\n***')).toEqual([
      { kind: 'heading', level: 1, inlines: [{ kind: 'text', text: 'Title' }] },
      { kind: 'heading', level: 2, inlines: [{ kind: 'text', text: 'Sub' }] },
      { kind: 'rule' },
    ]);
  });

  it('resolves reference links, keeping only https ones as links', () => {
    expect(
      parseMarkdown('[the report][r] and [old][o]\n\n[r]: https://example.org/r\n[o]: http://example.org/o'),
    ).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'link', href: 'https://example.org/r', children: [{ kind: 'text', text: 'the report' }] },
          { kind: 'text', text: ' and old' },
        ],
      },
    ]);
  });

  it('nests emphasis inside strong and strong inside emphasis', () => {
    expect(parseInline('***a** b*')).toEqual([
      {
        kind: 'em',
        children: [
          { kind: 'strong', children: [{ kind: 'text', text: 'a' }] },
          { kind: 'text', text: ' b' },
        ],
      },
    ]);
  });

  it('reads code spans holding backticks, entities and backslash escapes', () => {
    expect(parseInline('``a ` b`` &amp; &#x2014; &copy; \\# \\[x\\](y) `<b>`')).toEqual([
      { kind: 'code', text: 'a ` b' },
      { kind: 'text', text: ' & — © # [x](y) ' },
      { kind: 'code', text: '<b>' },
    ]);
  });

  it('makes a line ending in two spaces or a backslash a hard break, and other line ends spaces', () => {
    expect(parseInline('one  \ntwo\\\nthree\nfour')).toEqual([
      { kind: 'text', text: 'one' },
      { kind: 'break' },
      { kind: 'text', text: 'two' },
      { kind: 'break' },
      { kind: 'text', text: 'three four' },
    ]);
  });

  it('keeps a lazy continuation line in its list item', () => {
    expect(parseMarkdown('- one\ncontinued\n- two')).toEqual([
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [
          [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'one continued' }] }],
          [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'two' }] }],
        ],
      },
    ]);
  });

  it('never makes a link of javascript:, data: or http: URLs, written as links or autolinks', () => {
    expect(
      parseInline(
        '[a](javascript:alert(1)) [b](data:text/html,x) [c](http://example.org) <http://example.org>',
      ),
    ).toEqual([{ kind: 'text', text: 'a b c http://example.org' }]);
    expect(parseInline('<javascript:alert(1)> http://example.org')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) http://example.org' },
    ]);
  });

  it('shows a block of raw HTML as its text, and never loads an image', () => {
    expect(
      parseMarkdown(
        '<script>alert(1)</script>\n\n![chart](https://example.org/c.png) <img src=x onerror=alert(1)>',
      ),
    ).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: '<script>alert(1)</script>' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'chart <img src=x onerror=alert(1)>' }] },
    ]);
  });

  it('does not make a link inside the words of another link', () => {
    expect(parseInline('[https://a.example](https://b.example)')).toEqual([
      { kind: 'link', href: 'https://b.example/', children: [{ kind: 'text', text: 'https://a.example' }] },
    ]);
  });

  it('shows quotes nested thousands deep as their words, without overflowing the stack', () => {
    const blocks = parseMarkdown('>'.repeat(5000) + ' bottom');
    expect(JSON.stringify(blocks)).toContain('bottom');
  });

  it('reads a note once, however often the notebook filters it', () => {
    const note = `A **note** ${Math.random()}`;
    expect(parseMarkdown(note)).toBe(parseMarkdown(note));
    expect(markdownPlainText(note)).toBe(markdownPlainText(note));
  });
});
