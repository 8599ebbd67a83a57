import { endsOpen } from '../library/rcas-chunks';
import type { PdfLine } from './pdf-line';

/**
 * The reflow rules: pure functions over positioned lines, each one step from "lines on pages" to "the
 * article's paragraphs in reading order". Every rule is unit-tested on hand-placed lines.
 */

const PAGE_NUMBER = /^(?:page\s+)?[ivxlc\d]+(?:\s*(?:\/|of)\s*\d+)?$/i;

/** Lines in the top or bottom tenth of a page: where running heads, feet and page numbers sit. */
function inMargin(line: PdfLine): boolean {
  return line.y < line.pageHeight * 0.1 || line.y > line.pageHeight * 0.9;
}

/**
 * Where a line stands and what it says. In the margins digits may vary from page to page ("Page 3 of
 * 9"); in the body only the very same text counts, or "Table 1" and "Table 2" would look alike.
 */
function runningKey(line: PdfLine): string {
  const text = inMargin(line) ? line.text.replace(/\d+/g, '#') : line.text;
  return `${Math.round(line.y / 3)}|${text.toLowerCase()}`;
}

/**
 * Rule 1: running headers, footers and page numbers go. A line is running when the same text (digits
 * aside, in the margins) stands at the same height on at least two pages (and on most pages of a longer
 * document) in the top or bottom margin, or on every page anywhere; or when it is a lone page number in
 * the margin.
 */
export function removeRunningLines(lines: readonly PdfLine[]): PdfLine[] {
  const pages = new Set(lines.map((l) => l.page)).size;
  const pagesOf = new Map<string, Set<number>>();
  for (const line of lines) {
    const key = runningKey(line);
    const set = pagesOf.get(key) ?? new Set<number>();
    set.add(line.page);
    pagesOf.set(key, set);
  }
  const needed = pages <= 3 ? 2 : Math.ceil(pages / 2);
  const isolated = isolatedLines(lines);
  return lines.filter((line) => {
    // Running lines stand apart from the text; a body line that happens to repeat is set among others.
    if (!isolated.has(line)) return true;
    if (inMargin(line) && PAGE_NUMBER.test(line.text)) return false;
    const seen = pagesOf.get(runningKey(line))?.size ?? 0;
    return !(pages >= 2 && seen >= needed && (inMargin(line) || seen === pages));
  });
}

/** Lines with no other line of their page within 1.6 line heights above or below. */
function isolatedLines(lines: readonly PdfLine[]): Set<PdfLine> {
  const byPage = new Map<number, PdfLine[]>();
  for (const line of lines) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line]);
  const isolated = new Set<PdfLine>();
  for (const pageLines of byPage.values())
    for (const line of pageLines) {
      const crowded = pageLines.some((other) => {
        const distance = Math.abs(other.y - line.y);
        return other !== line && distance > line.size * 0.4 && distance < line.size * 1.6;
      });
      if (!crowded) isolated.add(line);
    }
  return isolated;
}

type Place = 'full' | 'left' | 'right';

function placeOf(line: PdfLine): Place {
  const middle = line.pageWidth / 2;
  if (line.right <= middle + line.size * 0.5) return 'left';
  if (line.x >= middle - line.size * 0.5) return 'right';
  return 'full';
}

/**
 * Rule 2: reading order. On each page, lines that cross the middle of the page cut it into bands; in a
 * band that is set in two columns (several lines on each side), the left column is read before the
 * right one. Anything else keeps the top-to-bottom order of the page.
 */
export function readingOrder(lines: readonly PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  const byPage = new Map<number, PdfLine[]>();
  for (const line of lines) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line]);
  for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
    const pageLines = (byPage.get(page) as PdfLine[]).slice().sort((a, b) => a.y - b.y || a.x - b.x);
    let band: PdfLine[] = [];
    const flush = () => {
      const left = band.filter((l) => placeOf(l) === 'left');
      const right = band.filter((l) => placeOf(l) === 'right');
      if (left.length < 3 || right.length < 3) out.push(...band);
      else {
        // Lines below both columns (a closing line under the columns) are read after them.
        const end = Math.max(...right.map((l) => l.y)) + Math.max(...right.map((l) => l.size)) * 2;
        const after = band.filter((l) => placeOf(l) === 'left' && l.y > end);
        out.push(...left.filter((l) => !after.includes(l)), ...right, ...after);
      }
      band = [];
    };
    for (const line of pageLines) {
      if (placeOf(line) === 'full') {
        flush();
        out.push(line);
      } else band.push(line);
    }
    flush();
  }
  return out;
}

/** The type size most of the text is set in. */
export function bodySize(lines: readonly PdfLine[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let most = -1;
  for (const [size, count] of chars) if (count > most) [best, most] = [size, count];
  return best;
}

/** The usual distance between baselines of body lines (median), for telling a paragraph gap. */
export function lineSpacing(lines: readonly PdfLine[], body: number): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1] as PdfLine, lines[i] as PdfLine];
    if (a.page === b.page && Math.abs(a.size - body) < 0.6 && Math.abs(b.size - body) < 0.6) {
      const step = b.y - a.y;
      if (step > 0 && step < body * 3) steps.push(step);
    }
  }
  steps.sort((x, y) => x - y);
  return steps.length > 0 ? (steps[Math.floor(steps.length / 2)] as number) : body * 1.2;
}

/** A run of lines read as one unit: a paragraph, or a heading. */
export interface LineGroup {
  lines: PdfLine[];
}

const TERMINAL = /[.!?…:]["'”’)\]]*$/;

/**
 * Rule 3: paragraphs from line geometry. A new paragraph starts at a gap clearly larger than the line
 * spacing, at a first-line indent, after a line that ends a sentence well short of the column's right
 * edge, or where the type changes size or weight. Across a page or column break the paragraph goes on
 * only when its sentence does (no closing punctuation).
 */
export function groupParagraphs(lines: readonly PdfLine[]): LineGroup[] {
  const body = bodySize(lines);
  const spacing = lineSpacing(lines, body);
  const groups: LineGroup[] = [];
  let current: PdfLine[] = [];
  let columnRight = 0;
  for (const line of lines) {
    const previous = current[current.length - 1];
    if (previous === undefined || startsNewParagraph(previous, line, { body, spacing, columnRight })) {
      if (current.length > 0) groups.push({ lines: current });
      current = [line];
      columnRight = line.right;
    } else {
      // After a page or column break the paragraph is measured against its new column.
      columnRight = movedOn(previous, line) ? line.right : Math.max(columnRight, line.right);
      current.push(line);
    }
  }
  if (current.length > 0) groups.push({ lines: current });
  return groups;
}

function sameType(a: PdfLine, b: PdfLine): boolean {
  return Math.abs(a.size - b.size) < Math.max(0.6, a.size * 0.06) && a.bold === b.bold;
}

/** The next line is on another page or in another column. */
function movedOn(previous: PdfLine, line: PdfLine): boolean {
  return (
    line.page !== previous.page || line.y <= previous.y || Math.abs(line.x - previous.x) > line.pageWidth / 4
  );
}

function startsNewParagraph(
  previous: PdfLine,
  line: PdfLine,
  { body, spacing, columnRight }: { body: number; spacing: number; columnRight: number },
): boolean {
  if (!sameType(previous, line)) return true;
  const moved = movedOn(previous, line);
  // A paragraph goes on past a page or column break when its sentence does, or when the last line
  // before the break is full (a paragraph's own last line rarely reaches the right edge).
  if (moved) return !endsOpen(previous.text) && previous.right < columnRight - previous.size * 1.5;
  // The spacing was measured on body type; larger type (a title, a heading) sets its lines further apart.
  if (line.y - previous.y > spacing * 1.4 * Math.max(1, line.size / body)) return true;
  if (line.x - previous.x > line.size * 0.8) return true;
  const short = previous.right < Math.max(columnRight, line.right) - line.size * 2;
  return short && TERMINAL.test(previous.text);
}

const WORD_CHARS = /[\p{L}\p{N}]+/gu;

/**
 * Every word of the document, lower case: its own vocabulary. The pieces of a word split at a line end
 * ("al-" and "ternative") are left out, or every split would vouch for itself.
 */
export function vocabulary(lines: readonly PdfLine[]): Set<string> {
  const words = new Set<string>();
  let afterHyphen = false;
  for (const line of lines) {
    let text = line.text.toLowerCase();
    if (afterHyphen) text = text.replace(/^[\p{L}]+/u, '');
    afterHyphen = /[\p{L}]-$/u.test(text);
    if (afterHyphen) text = text.replace(/[\p{L}]+-$/u, '');
    for (const word of text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []) {
      words.add(word);
      for (const part of word.match(WORD_CHARS) ?? []) words.add(part);
    }
  }
  return words;
}

const SUFFIX =
  /^(?:ments?|tions?|sions?|ness|ings?|ity|ities|ances?|ences?|able|ible|ally|isms?|ists?|ives?|ous|ful|less|ly|ers?|ed|es|al|ic|ary|ory)$/;

/**
 * Rule 4: a hyphen at a line end. It was soft (the word was split for the line) when the joined word
 * occurs elsewhere in the document; it is a real hyphen ("power-purchase") when the hyphenated form
 * occurs. Otherwise it is real when what stands before it is a word of the document and what follows
 * is more than a suffix.
 */
export function joinAcrossLineEnd(before: string, after: string, words: ReadonlySet<string>): string {
  const match = /([\p{L}]+)-$/u.exec(before);
  const next = /^([\p{L}]+)/u.exec(after);
  if (!match || !next) return `${before} ${after}`;
  const [head, tail] = [(match[1] as string).toLowerCase(), (next[1] as string).toLowerCase()];
  const joined = `${before.slice(0, -1)}${after}`;
  const kept = `${before}${after}`;
  // "SSCI- and Scopus-indexed": a hyphen left hanging before "and"/"or" keeps its space.
  if (/^(?:and|or|to|nor)$/.test(tail)) return `${before} ${after}`;
  if (words.has(`${head}-${tail}`)) return kept;
  if (words.has(`${head}${tail}`)) return joined;
  if (/^\p{Lu}/u.test(next[1] as string)) return kept;
  // Unknown either way: a word of the document before the hyphen and more than a suffix after it
  // ("long-/standing") is a compound; a syllable split ("govern-/ment", "al-/ternative") is not.
  return head.length >= 2 && words.has(head) && !SUFFIX.test(tail) ? kept : joined;
}

/** The text of a group of lines, line-end hyphens resolved with the document's vocabulary. */
export function groupText(group: LineGroup, words: ReadonlySet<string>): string {
  let text = '';
  for (const line of group.lines) text = text === '' ? line.text : joinAcrossLineEnd(text, line.text, words);
  return text.replace(/\s+/g, ' ').trim();
}
