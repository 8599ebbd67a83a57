import { describe, expect, it } from 'vitest';
import {
  blockIndexOf,
  extend,
  extensionSpan,
  nextUnit,
  previousUnit,
  textOf,
  unitsOf,
  type BlockText,
  type Span,
} from '../../../renderer/reading/reading-units';

// Two paragraphs as the canonical text has them: joined by a blank line (offsets 0 and 90).
const FIRST = 'Dr. Ahmed spoke first. The ambassador answered on October 30, 2024. Nobody left.';
const SECOND = 'Balochistan is in its fifth wave of insurgency.';
const BLOCKS: BlockText[] = [
  { start: 0, text: FIRST },
  { start: FIRST.length + 2, text: SECOND },
];
const words = (spans: Span[]) => spans.map((span) => textOf(BLOCKS, span));

describe('reading-units', () => {
  it('cuts blocks into sentences without the spaces between them', () => {
    expect(words(unitsOf(BLOCKS, 'sentence'))).toEqual([
      'Dr. Ahmed spoke first.',
      'The ambassador answered on October 30, 2024.',
      'Nobody left.',
      SECOND,
    ]);
  });

  it('cuts blocks into words, leaving out punctuation', () => {
    expect(words(unitsOf(BLOCKS, 'word')).slice(0, 5)).toEqual(['Dr', 'Ahmed', 'spoke', 'first', 'The']);
  });

  it('moves from a whole paragraph into its first sentence, then on across paragraphs', () => {
    const sentences = unitsOf(BLOCKS, 'sentence');
    const paragraph = unitsOf(BLOCKS, 'block')[0];
    let cursor = nextUnit(sentences, paragraph)!;
    expect(textOf(BLOCKS, cursor)).toBe('Dr. Ahmed spoke first.');
    cursor = nextUnit(sentences, nextUnit(sentences, cursor)!)!;
    cursor = nextUnit(sentences, cursor)!;
    expect(textOf(BLOCKS, cursor)).toBe(SECOND);
    expect(nextUnit(sentences, cursor)).toBeNull();
  });

  it('moves back to the sentence a word is in, then to the one before', () => {
    const sentences = unitsOf(BLOCKS, 'sentence');
    const answered = unitsOf(BLOCKS, 'word').find((word) => textOf(BLOCKS, word) === 'answered')!;
    const back = previousUnit(sentences, answered)!;
    expect(textOf(BLOCKS, back)).toBe('The ambassador answered on October 30, 2024.');
    expect(textOf(BLOCKS, previousUnit(sentences, back)!)).toBe('Dr. Ahmed spoke first.');
    expect(previousUnit(sentences, sentences[0])).toBeNull();
  });

  it('moves by paragraph from anywhere inside one', () => {
    const blocks = unitsOf(BLOCKS, 'block');
    const word = unitsOf(BLOCKS, 'word')[3];
    expect(nextUnit(blocks, word)).toEqual(blocks[1]);
    expect(previousUnit(blocks, { start: blocks[1].start + 5, end: blocks[1].start + 9 })).toEqual(blocks[1]);
  });

  it('grows a selection sentence by sentence from the cursor, and shrinks it back', () => {
    const sentences = unitsOf(BLOCKS, 'sentence');
    const start = sentences[1].start;
    let grown = extend(sentences, { anchor: start, focus: start }, 1)!;
    expect(textOf(BLOCKS, extensionSpan(grown))).toBe('The ambassador answered on October 30, 2024.');
    grown = extend(sentences, grown, 1)!;
    expect(textOf(BLOCKS, extensionSpan(grown))).toBe(
      'The ambassador answered on October 30, 2024. Nobody left.',
    );
    grown = extend(sentences, grown, -1)!;
    expect(textOf(BLOCKS, extensionSpan(grown))).toBe('The ambassador answered on October 30, 2024.');
  });

  it('grows backwards before the anchor, and stops at the ends of the article', () => {
    const words = unitsOf(BLOCKS, 'word');
    const anchor = words[1].start;
    const back = extend(words, { anchor, focus: anchor }, -1)!;
    expect(textOf(BLOCKS, extensionSpan(back))).toBe('Dr. ');
    expect(extend(words, back, -1)).toBeNull();
    const last = words[words.length - 1];
    expect(extend(words, { anchor: last.end, focus: last.end }, 1)).toBeNull();
  });

  it('finds the block an offset is in', () => {
    expect(blockIndexOf(BLOCKS, 0)).toBe(0);
    expect(blockIndexOf(BLOCKS, FIRST.length + 2)).toBe(1);
    expect(blockIndexOf(BLOCKS, -1)).toBe(-1);
  });
});
