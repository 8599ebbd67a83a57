import { describe, expect, it } from 'vitest';
import type { Block, InlineRun } from '../../../main/api';
import { parseMarkdownDocument } from '../../../main/library/parse-markdown';

/** The runs of each paragraph of a Markdown body, read as a whole document. */
function paragraphs(body: string): InlineRun[][] {
  const doc = parseMarkdownDocument(`---\ntitle: T\n---\n${body}\n`, 't.md');
  return doc.sections
    .flatMap((section) => section.blocks)
    .map((block: Block) => (block.type === 'paragraph' ? block.runs : block.caption));
}

function runs(body: string): InlineRun[] {
  const [only, ...rest] = paragraphs(body);
  expect(rest).toEqual([]);
  return only ?? [];
}

describe('markdown-runs', () => {
  it('makes links only from http(s) URLs, keeping the words of others', () => {
    expect(
      runs('[a](https://x.org/p_(1)) [b](javascript:alert(1)) [c](mailto:x@y.z) <file:///etc/passwd>'),
    ).toEqual([
      { type: 'link', text: 'a', href: 'https://x.org/p_(1)' },
      { type: 'text', text: ' b c file:///etc/passwd' },
    ]);
    expect(runs('[old](http://x.org/) and [data](data:text/html,<b>x</b>)')).toEqual([
      { type: 'link', text: 'old', href: 'http://x.org/' },
      { type: 'text', text: ' and data' },
    ]);
  });

  it('flattens markup nested inside a link or strong run into its text', () => {
    expect(runs('**bold *and* more** [*em* link](https://x.org)')).toEqual([
      { type: 'strong', text: 'bold and more' },
      { type: 'text', text: ' ' },
      { type: 'link', text: 'em link', href: 'https://x.org' },
    ]);
  });

  it('reads nested emphasis as CommonMark does, keeping the strongest style of each word', () => {
    // Before CommonMark this gave a strong "*a" and a stray asterisk.
    expect(runs('***a** b*')).toEqual([
      { type: 'strong', text: 'a' },
      { type: 'emphasis', text: ' b' },
    ]);
    expect(runs('*a **b** c*')).toEqual([
      { type: 'emphasis', text: 'a ' },
      { type: 'strong', text: 'b' },
      { type: 'emphasis', text: ' c' },
    ]);
  });

  it('resolves reference links and shows nothing of their definitions', () => {
    // Before CommonMark "[the Commission][mrc]" stayed as it was written, brackets and all.
    expect(
      paragraphs('See [the Commission][mrc] and [MRC].\n\n[mrc]: https://www.mrcmekong.org/ "MRC"'),
    ).toEqual([
      [
        { type: 'text', text: 'See ' },
        { type: 'link', text: 'the Commission', href: 'https://www.mrcmekong.org/' },
        { type: 'text', text: ' and ' },
        { type: 'link', text: 'MRC', href: 'https://www.mrcmekong.org/' },
        { type: 'text', text: '.' },
      ],
    ]);
  });

  it('reads code spans with backticks, entities, escapes and hard breaks', () => {
    expect(runs('``a ` b`` &amp; &#x2014; &copy; \\*not\\* \\[x\\](y) one  \ntwo\\\nthree')).toEqual([
      { type: 'text', text: 'a ` b & — © *not* [x](y) one two three' },
    ]);
  });

  it('keeps raw HTML as its text, never as markup', () => {
    expect(runs('<script>alert(1)</script> <img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' },
    ]);
    expect(runs('Text with <b onclick="x()">bold</b> tags.')).toEqual([
      { type: 'text', text: 'Text with <b onclick="x()">bold</b> tags.' },
    ]);
  });

  it('makes a list item with a lazy continuation line one paragraph', () => {
    expect(paragraphs('- one\ncontinued\n- two\n\n> quoted\nlazy')).toEqual([
      [{ type: 'text', text: 'one continued' }],
      [{ type: 'text', text: 'two' }],
      [{ type: 'text', text: 'quoted lazy' }],
    ]);
  });
});
