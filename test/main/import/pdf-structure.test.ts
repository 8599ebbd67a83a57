import { describe, expect, it } from 'vitest';
import { line } from '../../../main/import/pdf-line';
import { structure, type TextGroup } from '../../../main/import/pdf-structure';
import { blockText } from '../../../main/library/canonical-text';
import type { Block } from '../../../main/api';

function group(text: string, at: { size?: number; bold?: boolean; page?: number } = {}): TextGroup {
  return { text, lines: [line(text, { size: at.size ?? 11, bold: at.bold ?? false, page: at.page ?? 1 })] };
}

const prose = (words: string) =>
  `${words} is a sentence long enough to be prose in the article, with a clause or two and an end.`;

describe('structure', () => {
  it('reads series, title, byline with roles and date from page 1 before the article', () => {
    const parts = structure(
      [
        group('Policy Brief', { size: 9 }),
        group('A Title Set in the Largest Type', { size: 22 }),
        group('By Jane Doe and John Roe'),
        group('Senior Fellow, Example Institute'),
        group('20 May 2025'),
        group(prose('The first paragraph')),
      ],
      [],
      11,
      'Microsoft metadata title',
    );
    expect(parts.title).toBe('A Title Set in the Largest Type');
    expect(parts.series).toBe('Policy Brief');
    expect(parts.authors).toEqual([
      { name: 'Jane Doe', role: null },
      { name: 'John Roe', role: 'Senior Fellow, Example Institute' },
    ]);
    expect(parts.published).toBe('2025-05-20');
    expect(parts.sections[0]?.blocks.map((b) => blockText(b as Block))).toEqual([
      prose('The first paragraph'),
    ]);
  });

  it('takes the metadata title when page 1 has no larger type', () => {
    expect(structure([group(prose('Only'))], [], 11, 'From metadata').title).toBe('From metadata');
  });

  it('makes larger or bold short lines headings, and "Figure"/"▲" paragraphs figures with their credit', () => {
    const parts = structure(
      [
        group('The Title', { size: 20 }),
        group(prose('Intro')),
        group('Background', { size: 14 }),
        group(prose('Body')),
        group('Figure 2: Dams on the river, 2024 (Source: Example Agency)'),
        group('What comes next', { bold: true }),
        group(prose('More')),
      ],
      [],
      11,
      null,
    );
    expect(parts.sections.map((s) => s.heading)).toEqual([null, 'Background', 'What comes next']);
    const figure = parts.sections[1]?.blocks[1];
    expect(figure).toEqual({
      type: 'figure',
      caption: [{ type: 'text', text: 'Figure 2: Dams on the river, 2024' }],
      credit: 'Example Agency',
      // The page it starts on, for citing it.
      page: 1,
    });
  });

  it('keeps the publisher’s box, contact lines and copyright out of the article, and the bio apart', () => {
    const parts = structure(
      [
        group(prose('Intro')),
        group('About RCAS', { size: 12, bold: true }),
        group(prose('RCAS is a research centre'), { size: 9 }),
        group(prose('Back in the article')),
        group('Address: 1 Example Road | Email: info@example.org'),
        group('© 2025 Example Institute. All rights reserved.'),
        group('About the Author', { size: 12, bold: true }),
        group(prose('Jane Doe is a fellow')),
      ],
      ['1 A footnote.'],
      11,
      null,
    );
    const article = parts.sections.flatMap((s) => s.blocks.map((b) => blockText(b as Block)));
    expect(article).toEqual([prose('Intro'), prose('Back in the article'), '1 A footnote.']);
    expect(parts.sections.at(-1)?.heading).toBe('Notes');
    expect(parts.publisher).toEqual({
      name: 'RCAS',
      about: [prose('RCAS is a research centre'), '© 2025 Example Institute. All rights reserved.'],
      contact: ['Address: 1 Example Road', 'Email: info@example.org'],
    });
    expect(parts.bio.map((b) => blockText(b as Block))).toEqual([prose('Jane Doe is a fellow')]);
  });
});
