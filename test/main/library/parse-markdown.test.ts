import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../../../main/api';
import { ContentError } from '../../../main/errors';
import { blockText, canonicalText } from '../../../main/library/canonical-text';
import { parseMarkdownDocument } from '../../../main/library/parse-markdown';

const FIXTURES = join(__dirname, '../../fixtures/content');

function fixture(name: string): Document {
  const file = join(FIXTURES, name);
  return parseMarkdownDocument(readFileSync(file, 'utf8'), file);
}

function blocks(doc: Document): Block[] {
  return doc.sections.flatMap((section) => section.blocks);
}

function runsOf(doc: Document) {
  return blocks(doc).flatMap((block) => (block.type === 'paragraph' ? block.runs : []));
}

describe('parseMarkdownDocument', () => {
  const doc = fixture('mekong-dams-and-downstream-states.md');

  it('reads every front matter field', () => {
    expect(doc).toMatchObject({
      id: 'mekong-dams-and-downstream-states',
      title: 'Mekong Dams and the Downstream States',
      series: 'RCAS Commentary',
      authors: [
        { name: 'Lin Wei', role: 'Research Fellow, RCAS' },
        { name: 'Somchai Prasert', role: null },
      ],
      published: '2024-02-09',
      publisher: {
        name: 'The Hong Kong Research Center for Asian Studies (RCAS)',
        about: ['RCAS is a nonprofit research organization focusing on Asian affairs.'],
        contact: ['Web: www.rcas.top'],
      },
      source: {
        venue: 'The Diplomat',
        date: '2024-02-07',
        url: 'https://thediplomat.com/2024/02/mekong-dams/',
      },
      tags: ['Mekong', 'water', 'Laos'],
    });
  });

  it('starts a section at each heading, and does not repeat the title heading as a section', () => {
    expect(doc.sections.map((section) => [section.id, section.heading])).toEqual([
      ['s-intro', null],
      ['s-why-sediment-matters', 'Why sediment matters'],
      ['s-what-could-be-done', 'What could be done'],
    ]);
  });

  it('joins the lines of a paragraph and turns emphasis, strong and links into runs', () => {
    const runs = runsOf(doc);
    expect(runs).toContainEqual({ type: 'emphasis', text: 'flood pulse' });
    expect(runs).toContainEqual({ type: 'strong', text: 'downstream states' });
    expect(runs).toContainEqual({ type: 'emphasis', text: 'the river no longer feeds the fields' });
    expect(runs).toContainEqual({
      type: 'link',
      text: 'Mekong River Commission',
      href: 'https://www.mrcmekong.org/',
    });
    expect(runs).toContainEqual({
      type: 'link',
      text: 'https://www.mrcmekong.org/data/',
      href: 'https://www.mrcmekong.org/data/',
    });
    expect(blockText(blocks(doc)[0] as Block)).toBe(
      "Eleven dams on the Mekong's main stem have changed the river's flood pulse, and the downstream states feel it first. Data from the Mekong River Commission show dry-season flows rising and wet-season flows falling.",
    );
  });

  it('keeps the text of a javascript: link but never makes it a link', () => {
    const last = blocks(doc).at(-1) as Block;
    expect(blockText(last)).toMatch(/and the treaty text\.$/);
    expect(
      runsOf(doc)
        .filter((run) => run.type === 'link')
        .every((run) => run.type === 'link' && run.href.startsWith('https://')),
    ).toBe(true);
  });

  it('makes an image-only paragraph a figure with its caption and credit', () => {
    expect(blocks(doc)[1]).toMatchObject({
      type: 'figure',
      caption: [{ type: 'text', text: 'Sediment plumes below the Xayaburi dam, 2023.' }],
      credit: 'Planet Labs',
    });
  });

  it('makes each list item a paragraph and the "About the authors" section the bio', () => {
    expect(doc.sections[1]?.blocks.map(blockText)).toEqual([
      expect.stringMatching(/^The delta in Vietnam/),
      'Rice yields fall where silt no longer arrives.',
      'Saltwater reaches further inland every dry season.',
    ]);
    expect(doc.authorBio.map(blockText)).toEqual([
      'Lin Wei is a Research Fellow at RCAS. Somchai Prasert writes on water policy from Vientiane.',
    ]);
  });

  it('never leaves Markdown syntax in the text', () => {
    expect(canonicalText(doc)).not.toMatch(/[*_[\]<>#]|\]\(/);
  });

  it('takes the first "# heading" as the title when there is no front matter', () => {
    const notes = fixture('reading-notes-without-front-matter.md');
    expect(notes).toMatchObject({
      title: 'Reading Notes on Regional Security',
      authors: [],
      published: null,
      publisher: null,
      source: null,
      tags: [],
    });
    expect(notes.sections.map((section) => section.heading)).toEqual([null, 'First thoughts']);
  });

  it('accepts a single author name, comma-separated tags and a bare source URL', () => {
    const text =
      '---\ntitle: One\nauthor: Jane Doe\ntags: a, b\nsource: https://www.example.org/x\ndate: 20 November 2024\n---\nText.\n';
    expect(parseMarkdownDocument(text, 'one.md')).toMatchObject({
      authors: [{ name: 'Jane Doe', role: null }],
      tags: ['a', 'b'],
      source: { venue: 'example.org', date: null, url: 'https://www.example.org/x' },
      published: '2024-11-20',
    });
  });

  it('handles escapes, code spans and underscores inside words', () => {
    const text =
      '---\ntitle: T\n---\nA \\*literal\\* star, `code_span`, snake_case_name and _real emphasis_.\n';
    const runs = runsOf(parseMarkdownDocument(text, 't.md'));
    expect(runs).toEqual([
      { type: 'text', text: 'A *literal* star, code_span, snake_case_name and ' },
      { type: 'emphasis', text: 'real emphasis' },
      { type: 'text', text: '.' },
    ]);
  });
});

describe('parseMarkdownDocument read as CommonMark', () => {
  it('reads setext headings as the title, sections and the bio', () => {
    // Before CommonMark the underline was read as text: "Why it matters ---" became a paragraph.
    const doc = parseMarkdownDocument(
      'Setext Title\n============\n\nIntro.\n\nWhy it matters\n--------------\n\nBecause.\n\nAbout the author\n---\n\nShe writes.\n',
      'setext.md',
    );
    expect(doc.title).toBe('Setext Title');
    expect(doc.sections.map((section) => [section.heading, section.blocks.map(blockText)])).toEqual([
      [null, ['Intro.']],
      ['Why it matters', ['Because.']],
    ]);
    expect(doc.authorBio.map(blockText)).toEqual(['She writes.']);
  });

  it('keeps the emphasis of a figure caption and reads the RCAS figure convention', () => {
    const doc = parseMarkdownDocument(
      '---\ntitle: T\n---\n![The *Xayaburi* dam](x.jpg "Planet Labs")\n\n▲ A **flooded** field in An Giang (Reuters).\n',
      'f.md',
    );
    expect(blocks(doc)).toMatchObject([
      {
        type: 'figure',
        caption: [
          { type: 'text', text: 'The ' },
          { type: 'emphasis', text: 'Xayaburi' },
          { type: 'text', text: ' dam' },
        ],
        credit: 'Planet Labs',
      },
      {
        type: 'figure',
        caption: [
          { type: 'text', text: 'A ' },
          { type: 'strong', text: 'flooded' },
          { type: 'text', text: ' field in An Giang' },
        ],
        credit: 'Reuters',
      },
    ]);
  });

  it('makes a code block a paragraph of its text and shows nothing for a thematic break', () => {
    const doc = parseMarkdownDocument(
      '---\ntitle: T\n---\n```\nlet  x = *1*;\n```\n\n***\n\n    indented *code*\n',
      'c.md',
    );
    expect(blocks(doc).map(blockText)).toEqual(['let x = *1*;', 'indented *code*']);
  });

  it('reads a heading inside a list item as text, not as a section', () => {
    const doc = parseMarkdownDocument('---\ntitle: T\n---\n- # Not a section\n', 'l.md');
    expect(doc.sections.map((section) => [section.heading, section.blocks.map(blockText)])).toEqual([
      [null, ['Not a section']],
    ]);
  });

  it('refuses a figure without a caption, naming its line', () => {
    expect(() =>
      parseMarkdownDocument('---\ntitle: T\n---\nText.\n\n![](chart.png)\n', 'content/bad.md'),
    ).toThrow('content/bad.md:6: a figure has no caption: write ![caption](file)');
  });
});

describe('parseMarkdownDocument on bad front matter', () => {
  function error(text: string): ContentError {
    try {
      parseMarkdownDocument(text, 'content/bad.md');
    } catch (caught) {
      expect(caught).toBeInstanceOf(ContentError);
      return caught as ContentError;
    }
    throw new Error('expected a ContentError');
  }

  it('names the line of YAML that does not parse', () => {
    const caught = error('---\ntitle: Fine\nauthors: [unclosed\ndate: 2024-01-01\n---\nText.\n');
    expect(caught.message).toMatch(/^content\/bad\.md:\d+: invalid front matter: /);
    expect(caught.line).toBeGreaterThanOrEqual(3);
    expect(caught.line).toBeLessThanOrEqual(5);
  });

  it('names the line of a duplicated key', () => {
    expect(error('---\ntitle: One\ntitle: Two\n---\nText.\n').message).toMatch(
      /^content\/bad\.md:3: invalid front matter: /,
    );
  });

  it('names the line of a field of the wrong shape', () => {
    expect(error('---\ntitle: T\n\ndate: sometime soon\n---\nText.\n').message).toBe(
      'content/bad.md:4: "date" is not a date: "sometime soon" (write e.g. 2024-11-20)',
    );
    expect(error('---\ntitle: T\nauthors:\n  - 42\n---\nText.\n').message).toMatch(
      /^content\/bad\.md:3: "authors" must be names/,
    );
    expect(error('---\ntitle: T\nsource: javascript:alert(1)\n---\nText.\n').message).toMatch(
      /^content\/bad\.md:3: "source" URL must start with http/,
    );
    expect(error('---\ntitle: [a, b]\n---\nText.\n').message).toBe(
      'content/bad.md:2: "title" must be a non-empty text',
    );
  });

  it('refuses front matter that is never closed', () => {
    expect(error('---\ntitle: T\n\nText.\n').message).toMatch(
      /^content\/bad\.md:1: the front matter that starts here is never closed/,
    );
  });

  it('refuses front matter that is not key: value lines', () => {
    expect(error('---\n- a\n- b\n---\nText.\n').message).toMatch(/^content\/bad\.md:2: invalid front matter/);
  });

  it('refuses a document with no title anywhere', () => {
    expect(error('---\nauthors: [Jane Doe]\n---\nJust text.\n').message).toMatch(
      /^content\/bad\.md:1: no recognisable title/,
    );
  });
});
