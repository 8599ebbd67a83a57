import { describe, expect, it } from 'vitest';
import { markdownPlainText, plainTextOf, readMarkdown } from '../../../main/markdown/read-markdown';

describe('read-markdown', () => {
  it('turns raw HTML into text and drops link reference definitions', () => {
    const root = readMarkdown(
      '<div onclick="x()">\nhi\n</div>\n\nA <b>bold</b> [ref].\n\n[ref]: https://example.org',
    );
    expect(JSON.stringify(root)).not.toContain('"html"');
    expect(root.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
    expect(plainTextOf(root)).toBe('<div onclick="x()">\nhi\n</div> A <b>bold</b> ref.');
  });

  it('gives the words of a note without its markup', () => {
    expect(
      markdownPlainText(
        '# Title\n\n> *quoted* `code`\n\n1. one\n2. [two](https://x.org) &amp; ![img](a.png)',
      ),
    ).toBe('Title quoted code one two & img');
  });

  it('shows a note with more emphasis and link marks than it can read quickly as written', () => {
    const note = '*a '.repeat(2000) + 'b*'.repeat(2000) + '\n\nsecond paragraph';
    const started = performance.now();
    const root = readMarkdown(note);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(root.children).toHaveLength(2);
    expect(plainTextOf(root)).toBe(`${note.split('\n\n')[0]} second paragraph`);
    // An article is the publisher's: all of its Markdown is read.
    expect(readMarkdown('*a* '.repeat(300), { markLimit: Infinity }).children[0]).toMatchObject({
      children: expect.arrayContaining([expect.objectContaining({ type: 'emphasis' })]),
    });
  });

  it('reads at most 16 quotes or lists opened on one line, and the rest of the line as text', () => {
    const root = readMarkdown('- '.repeat(20000) + 'deep');
    let depth = 0;
    let node: { type: string; children?: unknown[] } = root;
    while (node.children?.length) {
      if (node.type === 'list') depth++;
      node = node.children[0] as typeof node;
    }
    expect(depth).toBe(16);
    expect(plainTextOf(root)).toMatch(/^- (- )+deep$/);
  });
});
