/**
 * The reading cursor's arithmetic, with no DOM: the article's blocks (paragraphs, headings, figure
 * captions) as canonical-text spans, cut into sentences and words with `Intl.Segmenter`, and how the
 * cursor moves and a selection grows by each of them. Offsets are the canonical-text offsets every
 * highlight uses.
 */

export type UnitKind = 'block' | 'sentence' | 'word';

export interface Span {
  start: number;
  end: number;
}

/** A block of the article: where its text starts and the text itself. */
export interface BlockText {
  start: number;
  text: string;
}

/** What the cursor is on: a whole block, a sentence, a word, or a highlight it jumped to. */
export interface Cursor extends Span {
  kind: UnitKind | 'highlight';
}

/** The spans of one kind in reading order. */
export function unitsOf(blocks: readonly BlockText[], kind: UnitKind, locale = 'en'): Span[] {
  if (kind === 'block')
    return blocks.map((block) => ({ start: block.start, end: block.start + block.text.length }));
  const segmenter = new Intl.Segmenter(locale, { granularity: kind });
  const spans: Span[] = [];
  for (const block of blocks) {
    let joinNext = false;
    for (const segment of segmenter.segment(block.text)) {
      if (kind === 'word' && !segment.isWordLike) continue;
      const trimmed = trimSpan(segment.segment, segment.index);
      if (!trimmed) continue;
      const span = { start: block.start + trimmed.start, end: block.start + trimmed.end };
      if (joinNext) spans[spans.length - 1].end = span.end;
      else spans.push(span);
      joinNext = kind === 'sentence' && endsInAbbreviation(block.text.slice(0, trimmed.end));
    }
  }
  return spans;
}

/** Titles and initials whose full stop ends no sentence ("Dr. Ahmed", "J. Smith"). */
const ABBREVIATION =
  /(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Capt|Sen|Rep|Gov|St|Mt|No|vs|etc|e\.g|i\.e|[A-Z])\.$/;

function endsInAbbreviation(text: string): boolean {
  return ABBREVIATION.test(text);
}

/** A segment without its surrounding white space (sentences carry the space after them). */
function trimSpan(text: string, index: number): Span | null {
  const leading = text.length - text.trimStart().length;
  const trailing = text.length - text.trimEnd().length;
  if (leading === text.length) return null;
  return { start: index + leading, end: index + text.length - trailing };
}

/**
 * The next unit after the cursor: the first that starts later, or one that starts where the cursor
 * does but is smaller (moving by sentence from a whole paragraph lands on its first sentence).
 */
export function nextUnit(units: readonly Span[], cursor: Span): Span | null {
  return (
    units.find(
      (unit) => unit.start > cursor.start || (unit.start === cursor.start && unit.end < cursor.end),
    ) ?? null
  );
}

/** The previous unit: the last that starts before the cursor. */
export function previousUnit(units: readonly Span[], cursor: Span): Span | null {
  for (let index = units.length - 1; index >= 0; index -= 1) {
    if (units[index].start < cursor.start) return units[index];
  }
  return null;
}

/** The unit holding an offset (or the next one after it), for a cursor that lands somewhere new. */
export function unitAt(units: readonly Span[], offset: number): Span | null {
  return units.find((unit) => unit.end > offset) ?? null;
}

/** A selection grown by keyboard: it stays fixed at `anchor` and its moving end is `focus`. */
export interface Extension {
  anchor: number;
  focus: number;
}

/**
 * Moves the selection's free end by one unit, the way text editors do: growing, forward to the end of
 * the unit the focus is in (or the next one) or back to the start of the unit before it; shrinking,
 * back to the end of the previous unit (or on to the next unit's start), never past the anchor. Null
 * at either end of the article.
 */
export function extend(units: readonly Span[], extension: Extension, direction: 1 | -1): Extension | null {
  const { anchor, focus } = extension;
  if (direction === 1) {
    // Shrinking a selection that grew backwards: its start moves to the next unit's start.
    if (focus < anchor) {
      const unit = units.find((candidate) => candidate.start > focus);
      return { anchor, focus: Math.min(anchor, unit?.start ?? anchor) };
    }
    const unit = units.find((candidate) => candidate.end > focus);
    return unit ? { anchor, focus: unit.end } : null;
  }
  if (focus > anchor) {
    // Shrinking a selection that grew forwards: its end moves back to the previous unit's end.
    const unit = units.filter((candidate) => candidate.end < focus).pop();
    return { anchor, focus: Math.max(anchor, unit?.end ?? anchor) };
  }
  const unit = units.filter((candidate) => candidate.start < focus).pop();
  return unit ? { anchor, focus: unit.start } : null;
}

/** The selected span of an extension, whichever way it grew. */
export function extensionSpan(extension: Extension): Span {
  return {
    start: Math.min(extension.anchor, extension.focus),
    end: Math.max(extension.anchor, extension.focus),
  };
}

/** The index of the block holding an offset (the last block that starts at or before it). */
export function blockIndexOf(blocks: readonly BlockText[], offset: number): number {
  let found = -1;
  for (let index = 0; index < blocks.length; index += 1) {
    if (blocks[index].start <= offset) found = index;
  }
  return found;
}

/** The text under a span, from the blocks that hold it (blocks joined by a space). */
export function textOf(blocks: readonly BlockText[], span: Span): string {
  return blocks
    .filter((block) => block.start < span.end && block.start + block.text.length > span.start)
    .map((block) => block.text.slice(Math.max(0, span.start - block.start), span.end - block.start))
    .join(' ');
}
