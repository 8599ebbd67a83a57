import { describe, expect, it } from 'vitest';
import { line } from '../../../main/import/pdf-line';
import { splitFootnotes } from '../../../main/import/pdf-notes';
import {
  groupParagraphs,
  groupText,
  joinAcrossLineEnd,
  readingOrder,
  removeRunningLines,
  vocabulary,
} from '../../../main/import/pdf-reflow';

/** Body lines of one column: 11 pt type, 15 pt apart, starting at `top`. */
function column(texts: string[], at: { page?: number; x?: number; top?: number; width?: number } = {}) {
  return texts.map((text, i) =>
    line(text, { page: at.page ?? 1, x: at.x ?? 57, y: (at.top ?? 100) + i * 15, width: at.width ?? 480 }),
  );
}

const texts = (lines: { text: string }[]) => lines.map((l) => l.text);

describe('removeRunningLines', () => {
  it('drops a header repeated at the same place on every page, and page numbers in the margin', () => {
    const pages = [1, 2, 3].flatMap((page) => [
      line('Security Review · Spring issue', { page, y: 40 }),
      ...column([`Body text of page ${page}.`], { page }),
      line(`Page ${page} of 3`, { page, y: 810 }),
    ]);
    expect(texts(removeRunningLines(pages))).toEqual([
      'Body text of page 1.',
      'Body text of page 2.',
      'Body text of page 3.',
    ]);
  });

  it('keeps a line that merely repeats in the body, and everything of a single page', () => {
    const pages = [1, 2].flatMap((page) =>
      column(['Key findings', `Text ${page}.`], { page, top: 100 + page * 60 }),
    );
    expect(removeRunningLines(pages)).toHaveLength(4);
    expect(removeRunningLines([line('Running head', { y: 40 }), ...column(['Only page.'])])).toHaveLength(2);
  });
});

describe('readingOrder', () => {
  it('reads the left column before the right one, with full-width lines around them', () => {
    const title = line('A title across the page', { y: 60, x: 57, width: 480 });
    const left = column(['left one', 'left two', 'left three'], { x: 57, width: 230 });
    const right = column(['right one', 'right two', 'right three'], { x: 310, width: 230 });
    const after = line('A closing line across the page', { y: 200, x: 57, width: 480 });
    // pdf.js may hand lines over row by row; the order must come from the geometry.
    const mixed = [title, ...left.flatMap((l, i) => [l, right[i] as typeof l]), after];
    expect(texts(readingOrder(mixed))).toEqual([
      'A title across the page',
      'left one',
      'left two',
      'left three',
      'right one',
      'right two',
      'right three',
      'A closing line across the page',
    ]);
  });

  it('keeps a right-aligned date in its place on a one-column page', () => {
    const lines = [line('20 May 2025', { x: 450, y: 60, width: 80 }), ...column(['First.', 'Second.'])];
    expect(texts(readingOrder(lines))).toEqual(['20 May 2025', 'First.', 'Second.']);
  });
});

describe('groupParagraphs', () => {
  it('starts a paragraph at a larger gap and at a first-line indent', () => {
    const lines = [
      ...column(['First paragraph runs over', 'two lines.'], { top: 100 }),
      ...column(['Second paragraph after a gap.'], { top: 150 }),
      line('An indented third', { x: 75, y: 165, width: 400 }),
      line('paragraph.', { y: 180, width: 60 }),
    ];
    expect(groupParagraphs(lines).map((g) => texts(g.lines).join(' '))).toEqual([
      'First paragraph runs over two lines.',
      'Second paragraph after a gap.',
      'An indented third paragraph.',
    ]);
  });

  it('joins a paragraph across a page break when its sentence goes on, and not when it ended', () => {
    const open = [
      ...column(['The sentence goes on'], { page: 1, top: 700 }),
      ...column(['onto the next page.'], { page: 2 }),
    ];
    expect(groupParagraphs(open)).toHaveLength(1);
    // A paragraph's own last line stops short of the column's edge; a full last line means it goes on.
    const closed = [
      ...column(['A paragraph that fills its line and'], { page: 1, top: 700 }),
      line('then ends.', { page: 1, y: 715, width: 60 }),
      ...column(['A new one.'], { page: 2 }),
    ];
    expect(groupParagraphs(closed)).toHaveLength(2);
    const full = [
      ...column(['A sentence ends at the edge.'], { page: 1, top: 700 }),
      ...column(['Same one.'], { page: 2 }),
    ];
    expect(groupParagraphs(full)).toHaveLength(1);
  });

  it('separates a heading set larger or bold from the text around it', () => {
    const lines = [
      ...column(['Text before.'], { top: 100 }),
      line('Background', { y: 115, size: 14 }),
      line('Policy options', { y: 135, bold: true }),
      ...column(['Text after.'], { top: 150 }),
    ];
    expect(groupParagraphs(lines)).toHaveLength(4);
  });
});

describe('joinAcrossLineEnd', () => {
  it('undoes a soft hyphen but keeps a real one, by the document’s own words', () => {
    const words = vocabulary(
      column(['the power of the purchase', 'an alternative view', 'a well-known fact']),
    );
    expect(joinAcrossLineEnd('an al-', 'ternative', words)).toBe('an alternative');
    expect(joinAcrossLineEnd('a power-', 'purchase agreement', words)).toBe('a power-purchase agreement');
    expect(joinAcrossLineEnd('a well-', 'known fact', words)).toBe('a well-known fact');
    // Neither half is a word of the document: the hyphen was the line's.
    expect(joinAcrossLineEnd('the impe-', 'rative', words)).toBe('the imperative');
    // "SSCI- and Scopus-indexed": a hanging hyphen keeps its space.
    expect(joinAcrossLineEnd('SSCI-', 'and Scopus', words)).toBe('SSCI- and Scopus');
  });

  it('does not let the halves of a split word vouch for themselves', () => {
    const lines = column(['an al-', 'ternative here']);
    const words = vocabulary(lines);
    expect(words.has('al')).toBe(false);
    expect(groupText({ lines }, words)).toBe('an alternative here');
  });
});

describe('splitFootnotes', () => {
  it('lifts numbered notes in small type off the foot of the page, so the paragraph above goes on', () => {
    const lines = [
      ...column(['The paragraph is cut by the'], { page: 1, top: 700 }),
      line('1 A note on the source, set small.', { page: 1, y: 790, size: 8 }),
      line('which goes on here.', { page: 1, y: 800, size: 8 }),
      line('2 Another note.', { page: 1, y: 810, size: 8 }),
      ...column(['page break and goes on.'], { page: 2 }),
    ];
    const { body, notes } = splitFootnotes(lines, 11);
    expect(texts(body)).toEqual(['The paragraph is cut by the', 'page break and goes on.']);
    expect(notes.map((note) => texts(note).join(' '))).toEqual([
      '1 A note on the source, set small. which goes on here.',
      '2 Another note.',
    ]);
    expect(groupParagraphs(body)).toHaveLength(1);
  });
});
